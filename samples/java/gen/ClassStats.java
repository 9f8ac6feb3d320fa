// Prints, per method, the numbers the BL0003 cost formula uses (docs/design/hotspot.md section 4): code length,
// StackMapTable attribute length and frame count (javap -v shows the frames but not the attribute's
// byte length), LineNumberTable entries, and ldc / ldc_w / ldc2_w counts, plus the constant pool
// count. Independent of the C# reader on purpose: it is how samples/java/README.md was measured.
// Usage (JDK 11+ source launcher): java ClassStats.java FILE.class...
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

public class ClassStats {
    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            print(arg, ByteBuffer.wrap(Files.readAllBytes(Path.of(arg))));
        }
    }

    static void print(String file, ByteBuffer b) {
        b.position(8);
        int count = u2(b);
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = u1(b);
            switch (tag) {
                case 1: {
                    byte[] bytes = new byte[u2(b)];
                    b.get(bytes);
                    utf8[i] = modifiedUtf8(bytes);
                    break;
                }
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: skip(b, 4); break;
                case 5: case 6: skip(b, 8); i++; break;
                case 7: case 8: case 16: case 19: case 20: skip(b, 2); break;
                case 15: skip(b, 3); break;
                default: throw new IllegalStateException(file + ": unknown constant tag " + tag + " at #" + i);
            }
        }
        System.out.printf("%s: constant_pool_count=%d%n", file, count);
        skip(b, 6);
        skip(b, 2 * u2(b)); // interfaces
        for (int kind = 0; kind < 2; kind++) { // fields, then methods
            int members = u2(b);
            for (int m = 0; m < members; m++) {
                skip(b, 2);
                String name = utf8[u2(b)] + utf8[u2(b)];
                int attributes = u2(b);
                for (int a = 0; a < attributes; a++) {
                    String attrName = utf8[u2(b)];
                    int length = b.getInt();
                    int end = b.position() + length;
                    if (kind == 1 && attrName.equals("Code")) {
                        code(name, b.slice().limit(length), utf8);
                    }
                    b.position(end);
                }
            }
        }
    }

    static void code(String method, ByteBuffer b, String[] utf8) {
        skip(b, 4);
        int codeLength = b.getInt();
        int codeStart = b.position();
        int[] loads = new int[3];
        for (int pc = 0; pc < codeLength; ) {
            int op = b.get(codeStart + pc) & 0xff;
            if (op >= 0x12 && op <= 0x14) {
                loads[op - 0x12]++;
            }
            pc += length(b, codeStart, pc, op);
        }
        b.position(codeStart + codeLength);
        skip(b, 8 * u2(b)); // exception table
        int smtLength = 0, frames = 0, lines = 0;
        int attributes = u2(b);
        for (int a = 0; a < attributes; a++) {
            String name = utf8[u2(b)];
            int length = b.getInt();
            int end = b.position() + length;
            if (name.equals("StackMapTable")) {
                smtLength = length;
                frames = u2(b);
            } else if (name.equals("LineNumberTable")) {
                lines += u2(b);
            }
            b.position(end);
        }
        System.out.printf("  %s: code_length=%d stackmaptable_length=%d frames=%d linenumber_entries=%d"
                + " ldc=%d ldc_w=%d ldc2_w=%d%n", method, codeLength, smtLength, frames, lines,
                loads[0], loads[1], loads[2]);
    }

    /** Length of the instruction at pc (JVMS 6.5), including tableswitch/lookupswitch padding. */
    static int length(ByteBuffer b, int base, int pc, int op) {
        switch (op) {
            case 0xc4: return (b.get(base + pc + 1) & 0xff) == 0x84 ? 6 : 4; // wide
            case 0xaa: { // tableswitch
                int p = (pc + 4) & ~3;
                int low = b.getInt(base + p + 4), high = b.getInt(base + p + 8);
                return p + 12 + 4 * (high - low + 1) - pc;
            }
            case 0xab: { // lookupswitch
                int p = (pc + 4) & ~3;
                return p + 8 + 8 * b.getInt(base + p + 4) - pc;
            }
            case 0x10: case 0x12: case 0x15: case 0x16: case 0x17: case 0x18: case 0x19:
            case 0x36: case 0x37: case 0x38: case 0x39: case 0x3a: case 0xa9: case 0xbc:
                return 2;
            case 0x11: case 0x13: case 0x14: case 0x84: case 0xb2: case 0xb3: case 0xb4: case 0xb5:
            case 0xb6: case 0xb7: case 0xb8: case 0xbb: case 0xbd: case 0xc0: case 0xc1: case 0xc6:
            case 0xc7: case 0xa7: case 0xa8:
                return 3;
            case 0xc5: return 4;
            case 0xb9: case 0xba: case 0xc8: case 0xc9: return 5;
            default: return op >= 0x99 && op <= 0xa6 ? 3 : 1; // if* / if_icmp* / if_acmp*
        }
    }

    static String modifiedUtf8(byte[] bytes) {
        try {
            ByteBuffer withLength = ByteBuffer.allocate(bytes.length + 2).putShort((short) bytes.length).put(bytes);
            return new DataInputStream(new java.io.ByteArrayInputStream(withLength.array())).readUTF();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int u1(ByteBuffer b) { return b.get() & 0xff; }
    static int u2(ByteBuffer b) { return b.getShort() & 0xffff; }
    static void skip(ByteBuffer b, int n) { b.position(b.position() + n); }
}
