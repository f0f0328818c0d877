package io.crosscountry.samples.bench;

import io.crosscountry.samples.baselines.OriginalFunction;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Optional;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A direct call of any static method, for the primal of a task that {@link DirectPrimals} has no
 * hand-written caller for (a user's {@code Class#method}): a hidden class, defined next to the
 * method's class, whose {@code run()} is one {@code invokestatic} with typed arguments — what user
 * code pays for a call, where a {@code MethodHandle} with boxed arguments would add the boxing.
 *
 * It is a nestmate of that class, so private methods are called too.
 *
 * <p>Like the hand-written callers, scalar arguments are read from a {@code double[]} (so the JIT
 * cannot fold them), array and other arguments are passed as they are, and the result is copied
 * into {@code out}. Parameters: {@code double}, {@code float}, {@code int}, {@code long} and any
 * reference type; results: {@code double}, {@code float} or {@code double[]}. Anything else has no
 * direct call ({@link #of} is empty).
 */
final class GeneratedPrimalCall {

    private static final String RUNNABLE = "java/lang/Runnable";
    private static final String INIT = "([D[Ljava/lang/Object;[D)V";

    private GeneratedPrimalCall() {
    }

    /**
     * A direct call of {@code owner.method} at {@code args} writing its result into {@code out}, or
     * empty when the method's parameter or result types have none (or it cannot be found).
     */
    static Optional<Runnable> of(Class<?> owner, String method, Object[] args, double[] out) {
        Optional<Method> m = find(owner, method, args);
        if (m.isEmpty() || !supported(m.get())) {
            return Optional.empty();
        }
        double[] scalars = new double[args.length];
        for (int k = 0; k < args.length; k++) {
            if (args[k] instanceof Number n) {
                scalars[k] = n.doubleValue();
            }
        }
        MethodHandles.Lookup hidden;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            hidden = lookup.defineHiddenClass(classFile(owner, m.get()), true, MethodHandles.Lookup.ClassOption.NESTMATE);
        } catch (IllegalAccessException | SecurityException e) {
            return Optional.empty();                          // the owner's module does not open it to us
        }
        try {
            MethodHandle init = hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class, double[].class, Object[].class, double[].class));
            return Optional.of((Runnable) init.invoke(scalars, args.clone(), out));
        } catch (Throwable e) {
            throw new IllegalStateException("the generated primal call of " + owner.getName() + "." + method + " failed", e);
        }
    }

    /** The method the baselines call ({@link OriginalFunction#find}), if its parameters take these arguments. */
    private static Optional<Method> find(Class<?> owner, String name, Object[] args) {
        try {
            Method m = OriginalFunction.find(owner, name, args.length);
            return fits(m.getParameterTypes(), args) ? Optional.of(m) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean fits(Class<?>[] params, Object[] args) {
        for (int k = 0; k < params.length; k++) {
            Class<?> p = params[k];
            Object a = args[k];
            boolean ok = p.isPrimitive() ? a instanceof Number : a == null || p.isInstance(a);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean supported(Method m) {
        for (Class<?> p : m.getParameterTypes()) {
            if (p.isPrimitive() && p != double.class && p != float.class && p != int.class && p != long.class) {
                return false;
            }
        }
        Class<?> r = m.getReturnType();
        return r == double.class || r == float.class || r == double[].class;
    }

    /** {@code final class <owner's package>.CrossCountryPrimalCall implements Runnable}. */
    private static byte[] classFile(Class<?> owner, Method m) {
        String ownerName = Type.getInternalName(owner);
        int slash = ownerName.lastIndexOf('/');
        String name = (slash < 0 ? "" : ownerName.substring(0, slash + 1)) + "CrossCountryPrimalCall";
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, "java/lang/Object", new String[] {RUNNABLE});
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "s", "[D", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "a", "[Ljava/lang/Object;", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "out", "[D", null, null).visitEnd();
        constructor(cw, name);
        run(cw, name, ownerName, m);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void constructor(ClassWriter cw, String name) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", INIT, null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        String[][] fields = {{"s", "[D"}, {"a", "[Ljava/lang/Object;"}, {"out", "[D"}};
        for (int i = 0; i < fields.length; i++) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ALOAD, i + 1);
            mv.visitFieldInsn(Opcodes.PUTFIELD, name, fields[i][0], fields[i][1]);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code run()}: the call with typed arguments, its result copied into {@code out}. */
    private static void run(ClassWriter cw, String name, String ownerName, Method m) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", "()V", null, null);
        mv.visitCode();
        Class<?> result = m.getReturnType();
        boolean scalar = result != double[].class;
        if (scalar) {                                         // out[0] = (double) method(...)
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, name, "out", "[D");
            mv.visitInsn(Opcodes.ICONST_0);
        }
        Class<?>[] params = m.getParameterTypes();
        for (int k = 0; k < params.length; k++) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            if (params[k].isPrimitive()) {
                mv.visitFieldInsn(Opcodes.GETFIELD, name, "s", "[D");
                mv.visitLdcInsn(k);
                mv.visitInsn(Opcodes.DALOAD);
                if (params[k] == float.class) {
                    mv.visitInsn(Opcodes.D2F);
                } else if (params[k] == int.class) {
                    mv.visitInsn(Opcodes.D2I);
                } else if (params[k] == long.class) {
                    mv.visitInsn(Opcodes.D2L);
                }
            } else {
                mv.visitFieldInsn(Opcodes.GETFIELD, name, "a", "[Ljava/lang/Object;");
                mv.visitLdcInsn(k);
                mv.visitInsn(Opcodes.AALOAD);
                mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(params[k]));
            }
        }
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, ownerName, m.getName(), Type.getMethodDescriptor(m),
                m.getDeclaringClass().isInterface());
        if (scalar) {
            if (result == float.class) {
                mv.visitInsn(Opcodes.F2D);
            }
            mv.visitInsn(Opcodes.DASTORE);
        } else {                                              // System.arraycopy(r, 0, out, 0, r.length)
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, name, "out", "[D");
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitInsn(Opcodes.ARRAYLENGTH);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
