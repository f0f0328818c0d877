package io.crosscountry.agent;

import io.crosscountry.CompiledJacobian;
import io.crosscountry.CrossCountry;
import io.crosscountry.JacobianOf;
import io.crosscountry.Order;
import io.crosscountry.PathChangedException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Type;

/**
 * The run-time side of filled {@link JacobianOf} stubs; called from generated code only.
 *
 * <p><b>Agent.</b> A stub filled by {@link JacobianAgent} calls {@link #jacobian}: the first call
 * compiles the stub's function with {@link CrossCountry#jacobian}, that call's arguments being the
 * examples, and caches the {@link CompiledJacobian} per stub; every call returns its Jacobian. A
 * later call on another path retraces (see {@link CompiledJacobian}); array lengths and concrete
 * parameters must stay those of the first call.
 *
 * <p><b>Build time.</b> Code written by {@link JacobianPlugin} calls {@link #retrace} when a call
 * leaves the path traced at build time (a guard failed, or array lengths or concrete parameters
 * differ from the examples): that call is served like an agent stub's. With the system property
 * {@value #RETRACE_PROPERTY}{@code =false} it throws {@link PathChangedException} instead, and
 * agent stubs never retrace either (their calls on another path throw it too).
 *
 * <p>{@code "optimized"} orders run a short search ({@link Order#OPTIMIZED}) when the stub is first
 * compiled.
 */
public final class JacobianStubs {

    /** The system property that, set to {@code false}, turns retracing off. */
    public static final String RETRACE_PROPERTY = "crosscountry.retrace";

    private static final ClassValue<Map<String, CompiledJacobian>> COMPILED = new ClassValue<>() {
        @Override
        protected Map<String, CompiledJacobian> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private JacobianStubs() {
    }

    /**
     * The Jacobian of the function of stub {@code owner.stub} at {@code args}.
     *
     * @param owner the class declaring the stub
     * @param stub  the stub's name and descriptor, e.g. {@code "jacobianOfF(D[D)[[D"}
     * @param args  the stub's arguments
     */
    public static double[][] jacobian(Class<?> owner, String stub, Object[] args) {
        Map<String, CompiledJacobian> compiled = COMPILED.get(owner);
        CompiledJacobian j = compiled.get(stub);
        if (j == null) {
            j = compiled.computeIfAbsent(stub, s -> compile(owner, s, args));
        }
        return j.apply(args);
    }

    /**
     * Serves a call of a build-time-generated stub that left the traced path (see the class
     * comment).
     *
     * @throws PathChangedException when {@value #RETRACE_PROPERTY} is {@code false}
     */
    public static double[][] retrace(Class<?> owner, String stub, Object[] args) {
        if (!retracing()) {
            throw new PathChangedException(owner.getName() + "." + stub + ": the arguments take another path, or have"
                    + " other array lengths or concrete values, than the examples traced at build time; retracing is"
                    + " disabled (" + RETRACE_PROPERTY + "=false)", owner.getName() + "." + stub, -1);
        }
        return jacobian(owner, stub, args);
    }

    /** How many stubs of {@code owner} the run-time compiler has compiled (for tests). */
    static int compiledStubs(Class<?> owner) {
        return COMPILED.get(owner).size();
    }

    /** The order a stub's {@code order} attribute names. */
    static Order order(String name) {
        return Order.named(name);
    }

    private static boolean retracing() {
        return !"false".equalsIgnoreCase(System.getProperty(RETRACE_PROPERTY));
    }

    private static CompiledJacobian compile(Class<?> owner, String stub, Object[] args) {
        Method m = find(owner, stub);
        JacobianOf a = m.getAnnotation(JacobianOf.class);
        if (a == null) {
            throw new IllegalStateException(owner.getName() + "." + stub + " has no @JacobianOf visible to crosscountry ("
                    + JacobianOf.class.getClassLoader() + ")");
        }
        CompiledJacobian j = CrossCountry.jacobian(owner, a.value(), order(a.order()), args);
        return j.withRetracing(retracing());
    }

    private static Method find(Class<?> owner, String stub) {
        for (Method m : owner.getDeclaredMethods()) {
            if ((m.getName() + Type.getMethodDescriptor(m)).equals(stub)) {
                return m;
            }
        }
        throw new IllegalStateException(owner.getName() + " declares no method " + stub);
    }

    /**
     * Copies {@code a} into {@code x} at {@code at} when it has {@code length} elements (build-time
     * generated code).
     *
     * @return 0, or 1 when {@code a} is null or has another length (nothing is copied)
     */
    public static int copy(double[] a, double[] x, int at, int length) {
        if (a == null || a.length != length) {
            return 1;
        }
        System.arraycopy(a, 0, x, at, length);
        return 0;
    }

    /** {@link #copy(double[], double[], int, int)} for {@code float[]}. */
    public static int copy(float[] a, double[] x, int at, int length) {
        if (a == null || a.length != length) {
            return 1;
        }
        for (int i = 0; i < length; i++) {
            x[at + i] = a[i];
        }
        return 0;
    }

    /** {@link #copy(double[], double[], int, int)} for a {@code double[][]} of the given row lengths. */
    public static int copy(double[][] a, double[] x, int at, int[] rowLengths) {
        if (!hasShape(a, rowLengths)) {
            return 1;
        }
        for (double[] row : a) {
            System.arraycopy(row, 0, x, at, row.length);
            at += row.length;
        }
        return 0;
    }

    /** {@link #copy(double[][], double[], int, int[])} for a {@code float[][]}. */
    public static int copy(float[][] a, double[] x, int at, int[] rowLengths) {
        if (!hasShape(a, rowLengths)) {
            return 1;
        }
        for (float[] row : a) {
            for (float f : row) {
                x[at++] = f;
            }
        }
        return 0;
    }

    /** Whether matrix {@code a} (a {@code double[][]} or {@code float[][]}) has these row lengths. */
    private static boolean hasShape(Object[] a, int[] rowLengths) {
        if (a == null || a.length != rowLengths.length) {
            return false;
        }
        for (int r = 0; r < a.length; r++) {
            if (a[r] == null || java.lang.reflect.Array.getLength(a[r]) != rowLengths[r]) {
                return false;
            }
        }
        return true;
    }
}
