namespace BytecodeLint.Analysis.Inventory;

/// <summary>
/// One exception-table entry catching <c>java/lang/Throwable</c> (<c>inspect --details</c>).
/// <see cref="Line"/> is the source line in effect at <see cref="HandlerPc"/>, or −1 if none
/// (also when the handler pc is not the start of an instruction, where no line can be in effect).
/// </summary>
public sealed record ThrowableHandlerDetail(
    string Location,
    string Class,
    string Method,
    string Descriptor,
    int HandlerIndex,
    int HandlerPc,
    int Line);
