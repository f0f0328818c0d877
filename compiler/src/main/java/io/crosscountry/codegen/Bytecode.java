package io.crosscountry.codegen;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Small bytecode-emitting helpers shared by the code generator and the build plugin. */
public final class Bytecode {

    private Bytecode() {
    }

    /** Pushes the int constant {@code v} with the shortest instruction ({@code iconst}, {@code bipush}, {@code sipush}, {@code ldc}). */
    public static void pushInt(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + v);
        } else if (v == (byte) v) {
            mv.visitIntInsn(Opcodes.BIPUSH, v);
        } else if (v == (short) v) {
            mv.visitIntInsn(Opcodes.SIPUSH, v);
        } else {
            mv.visitLdcInsn(v);
        }
    }
}
