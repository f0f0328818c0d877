package io.crosscountry.agent;

import io.crosscountry.codegen.Bytecode;
import io.crosscountry.codegen.GeneratedClasses;
import io.crosscountry.codegen.JacobianKernel;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the class that a build-time-processed stub delegates to: a static method
 * {@value #METHOD} with the stub's signature that runs the generated kernels.
 *
 * <pre>{@code
 * static double[][] jacobian(double a, double[] v, int n) {
 *     double[] x = new double[N];
 *     int bad = 0;
 *     x[0] = a;
 *     bad |= JacobianStubs.copy(v, x, 1, LENGTH);          // 1 when v has another length
 *     bad |= (int) Long.compare(n, EXAMPLE_N) & 1;         // concrete parameters must equal the examples
 *     double[] w = new double[W];
 *     double[][] J = new double[M][N];
 *     bad |= K0.run(x, w, J); ...                           // forward kernels: primal, guards, partials
 *     K5.run(x, w, J); ...                                  // elimination kernels
 *     if (bad != 0) return JacobianStubs.retrace(Owner.class, "stub(D[DI)[[D", new Object[] {a, v, n});
 *     return J;
 * }
 * }</pre>
 *
 * <p>The kernels are straight-line (but for the row-length checks of {@code J}, which this
 * entry allocates itself) and never throw, so they run even when {@code bad} is set; only the
 * result is then discarded. The one branch merges no differing types, so computing its frame
 * loads no class.
 */
final class EntryWriter {

    /** The name of the entry method. */
    static final String METHOD = "jacobian";

    private static final String RUNTIME = Type.getInternalName(JacobianStubs.class);
    private static final String KERNEL = JacobianKernel.INTERNAL_NAME;
    private static final String KERNEL_DESCRIPTOR = "L" + KERNEL + ";";

    private EntryWriter() {
    }

    /**
     * Whether build-time code handles a method of this descriptor: parameters {@code double},
     * {@code float}, {@code double[]}, {@code float[]}, {@code double[][]}, {@code float[][]} and
     * the primitive concrete types. Others (objects, {@code int[]}, …) make the stub call the
     * runtime instead.
     */
    static boolean supports(String descriptor) {
        for (Type t : Type.getArgumentTypes(descriptor)) {
            boolean array = t.getSort() == Type.ARRAY;
            if (array ? !List.of("[D", "[F", "[[D", "[[F").contains(t.getDescriptor())
                    : t.getSort() == Type.OBJECT) {
                return false;
            }
        }
        return true;
    }

    /**
     * The entry class.
     *
     * @param name    its internal name, in the owner's package
     * @param stub    the stub it serves
     * @param kernels the generated kernels (already named, in the same package)
     * @param example the example arguments the kernels were traced at
     */
    static byte[] write(String name, Stub stub, GeneratedClasses kernels, Object[] example) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                throw new IllegalStateException("unexpected frame merge of " + type1 + " and " + type2);
            }
        };
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, name, null,
                "java/lang/Object", null);
        int n = kernels.internalNames().size();
        MethodVisitor clinit = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        for (int i = 0; i < n; i++) {
            cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "K" + i, KERNEL_DESCRIPTOR, null, null)
                    .visitEnd();
            String kernel = kernels.internalNames().get(i);
            clinit.visitTypeInsn(Opcodes.NEW, kernel);
            clinit.visitInsn(Opcodes.DUP);
            clinit.visitMethodInsn(Opcodes.INVOKESPECIAL, kernel, "<init>", "()V", false);
            clinit.visitFieldInsn(Opcodes.PUTSTATIC, name, "K" + i, KERNEL_DESCRIPTOR);
        }
        clinit.visitInsn(Opcodes.RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();
        new Body(cw.visitMethod(Opcodes.ACC_STATIC, METHOD, stub.method().getDescriptor(), null, null), name, stub, kernels,
                example).write();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** The entry method's code. */
    private static final class Body {
        private final MethodVisitor mv;
        private final String name;
        private final Stub stub;
        private final GeneratedClasses kernels;
        private final Object[] example;
        private final Type[] params;
        private final int x;
        private final int w;
        private final int jac;
        private final int bad;

        Body(MethodVisitor mv, String name, Stub stub, GeneratedClasses kernels, Object[] example) {
            this.mv = mv;
            this.name = name;
            this.stub = stub;
            this.kernels = kernels;
            this.example = example;
            this.params = Type.getArgumentTypes(stub.method().getDescriptor());
            int slots = 0;
            for (Type t : params) {
                slots += t.getSize();
            }
            x = slots;
            w = slots + 1;
            jac = slots + 2;
            bad = slots + 3;
        }

        void write() {
            mv.visitCode();
            pushInt(kernels.numInputs());
            mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_DOUBLE);
            mv.visitVarInsn(Opcodes.ASTORE, x);
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitVarInsn(Opcodes.ISTORE, bad);
            flatten();
            pushInt(kernels.workSize());
            mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_DOUBLE);
            mv.visitVarInsn(Opcodes.ASTORE, w);
            pushInt(kernels.numOutputs());
            pushInt(kernels.numInputs());
            mv.visitMultiANewArrayInsn("[[D", 2);
            mv.visitVarInsn(Opcodes.ASTORE, jac);
            for (int i = 0; i < kernels.internalNames().size(); i++) {
                mv.visitFieldInsn(Opcodes.GETSTATIC, name, "K" + i, KERNEL_DESCRIPTOR);
                mv.visitVarInsn(Opcodes.ALOAD, x);
                mv.visitVarInsn(Opcodes.ALOAD, w);
                mv.visitVarInsn(Opcodes.ALOAD, jac);
                mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, KERNEL, "run", "([D[D[[D)I", true);
                if (i < kernels.numForward()) {
                    orIntoBad();
                } else {
                    mv.visitInsn(Opcodes.POP);
                }
            }
            Label onPath = new Label();
            mv.visitVarInsn(Opcodes.ILOAD, bad);
            mv.visitJumpInsn(Opcodes.IFEQ, onPath);
            retrace();
            mv.visitLabel(onPath);
            mv.visitVarInsn(Opcodes.ALOAD, jac);
            mv.visitInsn(Opcodes.ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        /** Writes the inputs into {@code x} and checks lengths and concrete values against the examples. */
        private void flatten() {
            int slot = 0;
            int k = 0;
            for (int i = 0; i < params.length; i++) {
                Type t = params[i];
                switch (t.getDescriptor()) {
                    case "D", "F" -> {
                        mv.visitVarInsn(Opcodes.ALOAD, x);
                        pushInt(k++);
                        mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
                        if (t.getSort() == Type.FLOAT) {
                            mv.visitInsn(Opcodes.F2D);
                        }
                        mv.visitInsn(Opcodes.DASTORE);
                    }
                    case "[D", "[F" -> {
                        int length = java.lang.reflect.Array.getLength(example[i]);
                        copy(slot, k, () -> pushInt(length), "(" + t.getDescriptor() + "[DII)I");
                        k += length;
                    }
                    case "[[D", "[[F" -> {
                        Object[] m = (Object[]) example[i];
                        copy(slot, k, () -> rowLengths(m), "(" + t.getDescriptor() + "[DI[I)I");
                        for (Object row : m) {
                            k += java.lang.reflect.Array.getLength(row);
                        }
                    }
                    default -> sameAsExample(t, slot, example[i]);
                }
                slot += t.getSize();
            }
            if (k != kernels.numInputs()) {
                throw new IllegalStateException(stub.describe() + ": the examples flatten to " + k + " inputs, the graph has "
                        + kernels.numInputs());
            }
        }

        private void copy(int slot, int at, Runnable pushShape, String descriptor) {
            mv.visitVarInsn(Opcodes.ALOAD, slot);
            mv.visitVarInsn(Opcodes.ALOAD, x);
            pushInt(at);
            pushShape.run();
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "copy", descriptor, false);
            orIntoBad();
        }

        private void rowLengths(Object[] m) {
            pushInt(m.length);
            mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
            for (int r = 0; r < m.length; r++) {
                mv.visitInsn(Opcodes.DUP);
                pushInt(r);
                pushInt(java.lang.reflect.Array.getLength(m[r]));
                mv.visitInsn(Opcodes.IASTORE);
            }
        }

        /** {@code bad |= (int) Long.compare(p, example) & 1}, without a branch. */
        private void sameAsExample(Type t, int slot, Object value) {
            mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
            if (t.getSort() != Type.LONG) {
                mv.visitInsn(Opcodes.I2L);
            }
            mv.visitLdcInsn(asLong(value));
            mv.visitInsn(Opcodes.LCMP);
            mv.visitInsn(Opcodes.ICONST_1);
            mv.visitInsn(Opcodes.IAND);
            orIntoBad();
        }

        private long asLong(Object value) {
            if (value instanceof Boolean b) {
                return b ? 1L : 0L;
            }
            if (value instanceof Character c) {
                return c;
            }
            if (value instanceof Number num) {
                return num.longValue();
            }
            throw new IllegalArgumentException(stub.describe() + ": example argument " + value + " does not fit its parameter");
        }

        private void orIntoBad() {
            mv.visitVarInsn(Opcodes.ILOAD, bad);
            mv.visitInsn(Opcodes.IOR);
            mv.visitVarInsn(Opcodes.ISTORE, bad);
        }

        /** {@code return JacobianStubs.retrace(Owner.class, "stub(desc)", new Object[] {args...});} */
        private void retrace() {
            mv.visitLdcInsn(Type.getType(stub.method().getDeclaringType().getDescriptor()));
            mv.visitLdcInsn(stub.key());
            pushInt(params.length);
            mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
            int slot = 0;
            for (int i = 0; i < params.length; i++) {
                Type t = params[i];
                mv.visitInsn(Opcodes.DUP);
                pushInt(i);
                mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
                box(t);
                mv.visitInsn(Opcodes.AASTORE);
                slot += t.getSize();
            }
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "retrace",
                    "(Ljava/lang/Class;Ljava/lang/String;[Ljava/lang/Object;)[[D", false);
            mv.visitInsn(Opcodes.ARETURN);
        }

        private void box(Type t) {
            String boxed = switch (t.getSort()) {
                case Type.DOUBLE -> "java/lang/Double";
                case Type.FLOAT -> "java/lang/Float";
                case Type.INT -> "java/lang/Integer";
                case Type.LONG -> "java/lang/Long";
                case Type.BOOLEAN -> "java/lang/Boolean";
                case Type.SHORT -> "java/lang/Short";
                case Type.BYTE -> "java/lang/Byte";
                case Type.CHAR -> "java/lang/Character";
                default -> null;
            };
            if (boxed != null) {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, boxed, "valueOf", "(" + t.getDescriptor() + ")L" + boxed + ";", false);
            }
        }

        private void pushInt(int v) {
            Bytecode.pushInt(mv, v);
        }
    }
}
