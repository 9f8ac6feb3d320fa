namespace BytecodeLint.ClassFile.Tests;

/// <summary>
/// Touches everything the reader can decode in a parsed class — every constant, member, attribute,
/// instruction operand, exception handler, stack map frame, debug table and annotation — so tests can
/// assert that a malformed class fails only with <see cref="ClassFormatException"/>.
/// Returns a checksum so the work cannot be optimised away and two walks can be compared.
/// </summary>
internal static class FullWalk
{
    public static long Walk(JavaClass javaClass)
    {
        long sum = 0;
        var pool = javaClass.ConstantPool;
        for (int i = 1; i < pool.Count; i++)
        {
            if (pool.KindAt(i) == ConstantKind.None) continue;
            sum += pool.Describe(i).Length + pool.RawEntry(i).Length;
            switch (pool.KindAt(i))
            {
                case ConstantKind.MethodHandle: sum += pool.GetMethodHandle(i).ReferenceKind; break;
                case ConstantKind.Dynamic or ConstantKind.InvokeDynamic: sum += pool.GetDynamic(i).BootstrapMethodIndex; break;
                case ConstantKind.Module or ConstantKind.Package: sum += pool.GetReferencedUtf8(i).Index; break;
                case ConstantKind.NameAndType: sum += pool.GetNameAndType(new NameAndTypeHandle(i)).Name.Index; break;
            }
        }
        sum += javaClass.Name.Length + javaClass.MajorVersion + (int)javaClass.AccessFlags;
        if (!javaClass.SuperClass.IsNil) sum += pool.GetClassNameString(javaClass.SuperClass).Length;
        for (int i = 0; i < javaClass.InterfaceCount; i++) sum += pool.GetClassNameString(javaClass.GetInterface(i)).Length;
        sum += WalkAttributes(javaClass.Attributes, 0);
        foreach (var field in javaClass.Fields) sum += field.ToString().Length + WalkAttributes(field.Attributes, 0);
        foreach (var method in javaClass.Methods)
        {
            sum += method.ToString().Length + WalkAttributes(method.Attributes, 0);
            if (method.GetCode() is { } code) sum += code.MaxStack + code.MaxLocals;
        }
        return sum;
    }

    private static long WalkAttributes(AttributeCollection attributes, int codeLength)
    {
        long sum = 0;
        foreach (var attribute in attributes)
        {
            sum += attribute.NameString.Length + attribute.Data.Length;
            switch (attribute.Kind)
            {
                case AttributeKind.Code:
                    sum += WalkCode(CodeAttribute.Read(attribute));
                    break;
                case AttributeKind.StackMapTable when codeLength > 0:
                    foreach (var frame in new StackMapTable(attribute, codeLength).DecodeFrames())
                        sum += frame.Pc + frame.Locals.Length + frame.Stack.Length;
                    break;
                case AttributeKind.LineNumberTable:
                {
                    var table = new LineNumberTable(attribute);
                    for (int i = 0; i < table.Count; i++) sum += table[i].Line;
                    break;
                }
                case AttributeKind.LocalVariableTable or AttributeKind.LocalVariableTypeTable:
                {
                    var table = new LocalVariableTable(attribute);
                    for (int i = 0; i < table.Count; i++) sum += table[i].Slot;
                    break;
                }
                case AttributeKind.SourceFile or AttributeKind.Signature:
                    sum += AttributeReaders.ReadUtf8Attribute(attribute).Index;
                    break;
                case AttributeKind.Exceptions:
                    sum += AttributeReaders.ReadExceptions(attribute).Length;
                    break;
                case AttributeKind.InnerClasses:
                    sum += AttributeReaders.ReadInnerClasses(attribute).Length;
                    break;
                case AttributeKind.BootstrapMethods:
                    sum += AttributeReaders.ReadBootstrapMethods(attribute).Length;
                    break;
                case AttributeKind.RuntimeVisibleAnnotations or AttributeKind.RuntimeInvisibleAnnotations:
                    foreach (var annotation in AnnotationReader.Read(attribute)) sum += WalkAnnotation(attributes, annotation);
                    break;
            }
        }
        return sum;
    }

    private static long WalkAnnotation(AttributeCollection attributes, Annotation annotation)
    {
        long sum = annotation.Type.Index;
        foreach (var element in annotation.Elements) sum += element.Name.Index + WalkValue(element.Value);
        return sum;
    }

    private static long WalkValue(AnnotationValue value)
    {
        long sum = value.Tag + value.ConstantIndex + value.EnumConstantName.Index;
        if (value.Array != null) foreach (var item in value.Array) sum += WalkValue(item);
        if (value.Nested != null) sum += WalkAnnotation(default, value.Nested);
        return sum;
    }

    private static long WalkCode(CodeAttribute code)
    {
        long sum = code.CodeLength + code.LineNumberEntryCount;
        var cursor = code.GetInstructions();
        while (cursor.MoveNext())
        {
            sum += cursor.Offset + cursor.Length + (int)cursor.Opcode + cursor.ConstantIndex + cursor.LocalIndex + cursor.Bytes.Length;
            if (cursor.Opcode == Opcode.Iinc) sum += cursor.IincConstant;
            if (cursor.Opcode is Opcode.Bipush or Opcode.Sipush) sum += cursor.PushValue;
            if (cursor.IsBranch) sum += cursor.BranchTarget;
            if (cursor.Opcode is Opcode.Tableswitch or Opcode.Lookupswitch)
            {
                sum += cursor.SwitchDefaultTarget;
                for (int i = 0; i < cursor.SwitchCaseCount; i++) sum += cursor.GetSwitchCase(i).Target;
            }
            if (cursor.Opcode is Opcode.Multianewarray or Opcode.Invokeinterface) sum += cursor.ThirdOperandByte;
            if (cursor.Opcode == Opcode.Newarray) sum += cursor.ArrayType;
        }
        for (int i = 0; i < code.ExceptionHandlerCount; i++)
        {
            var handler = code.GetExceptionHandler(i);
            sum += handler.HandlerPc + (handler.CatchType.IsNil ? 0 : code.Owner.ConstantPool.GetClassNameString(handler.CatchType).Length);
        }
        sum += WalkAttributes(code.Attributes, code.CodeLength);
        return sum;
    }
}
