package io.crosscountry.codegen;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/**
 * The {@code code_length} of each method in a class file, read from its method table (JVMS §4.1,
 * §4.7.3); ASM's visitors do not report it. Methods without code (native, abstract) are absent.
 */
final class CodeLengths {

    private CodeLengths() {
    }

    /** Code length by method name followed by its descriptor, e.g. {@code "sin(D)D"}, in class-file order. */
    static Map<String, Integer> of(ClassReader reader) {
        char[] buffer = new char[reader.getMaxStringLength()];
        int p = reader.header + 6;                                  // access_flags, this_class, super_class
        p += 2 + 2 * reader.readUnsignedShort(p);                   // interfaces
        int fields = reader.readUnsignedShort(p);
        p += 2;
        for (int f = 0; f < fields; f++) {
            p = skipAttributes(reader, p + 6);                      // access_flags, name, descriptor
        }
        Map<String, Integer> lengths = new LinkedHashMap<>();
        int methods = reader.readUnsignedShort(p);
        p += 2;
        for (int m = 0; m < methods; m++) {
            String method = reader.readUTF8(p + 2, buffer) + reader.readUTF8(p + 4, buffer);
            int attributes = reader.readUnsignedShort(p + 6);
            p += 8;
            for (int a = 0; a < attributes; a++) {
                if ("Code".equals(reader.readUTF8(p, buffer))) {
                    lengths.put(method, reader.readInt(p + 10));    // after max_stack, max_locals
                }
                p += 6 + reader.readInt(p + 2);
            }
        }
        return lengths;
    }

    /** The offset after the attribute table that starts at {@code p}. */
    private static int skipAttributes(ClassReader reader, int p) {
        int attributes = reader.readUnsignedShort(p);
        p += 2;
        for (int a = 0; a < attributes; a++) {
            p += 6 + reader.readInt(p + 2);
        }
        return p;
    }
}
