package io.crosscountry;

import java.lang.reflect.Array;
import java.util.Objects;
import org.objectweb.asm.Type;

/**
 * The argument shapes of a traced method, and flattening of call arguments into inputs like the
 * analysis: {@code double}/{@code float} parameters and the elements of {@code double[]},
 * {@code float[]}, {@code double[][]} and {@code float[][]} parameters, in parameter order. Array
 * lengths and every other (concrete) parameter are part of the trace and must equal the example
 * arguments.
 */
final class Arguments {

    private static final char SCALAR = 'D';
    private static final char FLOAT = 'F';
    private static final char VECTOR = 'v';
    private static final char FLOAT_VECTOR = 'f';
    private static final char MATRIX = 'm';
    private static final char FLOAT_MATRIX = 'M';
    private static final char CONCRETE = 'c';

    private final String method;
    private final char[] kinds;
    private final int[][] shapes;        // array lengths: {n} or the row lengths of a double[][] or float[][]
    private final Object[] concrete;     // copies of the concrete example arguments, integral numbers as Long
    private final Object[] example;      // copies of the concrete example arguments as given
    private final int numInputs;
    private final boolean allDoubles;    // every parameter is a double: x[i] is argument i
    private final boolean hasFloats;     // some inputs are floats

    Arguments(String method, Object[] example) {
        this.method = method;
        Type[] params = Type.getArgumentTypes(method.substring(method.indexOf('(')));
        kinds = new char[params.length];
        shapes = new int[params.length][];
        concrete = new Object[params.length];
        this.example = new Object[params.length];
        int n = 0;
        for (int i = 0; i < params.length; i++) {
            Object a = example[i];
            switch (params[i].getDescriptor()) {
                case "D" -> kinds[i] = SCALAR;
                case "F" -> kinds[i] = FLOAT;
                case "[D" -> {
                    kinds[i] = VECTOR;
                    shapes[i] = new int[] {((double[]) a).length};
                }
                case "[F" -> {
                    kinds[i] = FLOAT_VECTOR;
                    shapes[i] = new int[] {((float[]) a).length};
                }
                case "[[D", "[[F" -> {
                    kinds[i] = a instanceof float[][] ? FLOAT_MATRIX : MATRIX;
                    Object[] m = (Object[]) a;
                    shapes[i] = new int[m.length];
                    for (int r = 0; r < m.length; r++) {
                        shapes[i][r] = Array.getLength(m[r]);
                    }
                }
                default -> {
                    kinds[i] = CONCRETE;
                    this.example[i] = deepCopy(a);
                    concrete[i] = normalize(deepCopy(a));
                }
            }
            n += kinds[i] == SCALAR || kinds[i] == FLOAT ? 1 : kinds[i] == CONCRETE ? 0 : sum(shapes[i]);
        }
        numInputs = n;
        boolean scalars = true;
        for (char kind : kinds) {
            scalars &= kind == SCALAR;
        }
        allDoubles = scalars;
        boolean floats = false;
        for (char kind : kinds) {
            floats |= kind == FLOAT || kind == FLOAT_VECTOR || kind == FLOAT_MATRIX;
        }
        hasFloats = floats;
    }

    int numInputs() {
        return numInputs;
    }

    /**
     * Writes the inputs of {@code args} into {@code x} (allocates nothing).
     *
     * @throws IllegalArgumentException when an argument has the wrong type or shape, or a concrete
     *                                  argument differs from the traced one
     */
    void flatten(Object[] args, double[] x) {
        if (args == null || args.length != kinds.length) {
            throw new IllegalArgumentException(method + " takes " + kinds.length + " arguments, got "
                    + (args == null ? 0 : args.length));
        }
        if (allDoubles) {
            for (int i = 0; i < args.length; i++) {
                x[i] = scalar(args[i], i);
            }
            return;
        }
        int k = 0;
        for (int i = 0; i < kinds.length; i++) {
            Object a = args[i];
            switch (kinds[i]) {
                case SCALAR -> x[k++] = scalar(a, i);
                case FLOAT -> x[k++] = ((Number) expect(a, Number.class, i)).floatValue();
                case VECTOR -> {
                    double[] v = (double[]) expect(a, double[].class, i);
                    checkLength(i, v.length, shapes[i][0], "");
                    System.arraycopy(v, 0, x, k, v.length);
                    k += v.length;
                }
                case FLOAT_VECTOR -> {
                    float[] v = (float[]) expect(a, float[].class, i);
                    checkLength(i, v.length, shapes[i][0], "");
                    for (float f : v) {
                        x[k++] = f;
                    }
                }
                case MATRIX -> {
                    double[][] m = (double[][]) checkRows(expect(a, double[][].class, i), i);
                    for (double[] row : m) {
                        System.arraycopy(row, 0, x, k, row.length);
                        k += row.length;
                    }
                }
                case FLOAT_MATRIX -> {
                    float[][] m = (float[][]) checkRows(expect(a, float[][].class, i), i);
                    for (float[] row : m) {
                        for (float f : row) {
                            x[k++] = f;
                        }
                    }
                }
                default -> {
                    if (!same(concrete[i], a)) {
                        throw new IllegalArgumentException("argument " + i + " of " + method + " is part of the traced path and"
                                + " must equal the example argument " + describe(concrete[i]) + ", got " + describe(a));
                    }
                }
            }
        }
    }

    /**
     * Flattened inputs given by a caller, as the generated code reads them: {@code inputs} itself,
     * or, when some parameters are floats, a copy in {@code buffer} with those inputs rounded to
     * float (as {@link #flatten} does).
     */
    double[] flatInputs(double[] inputs, double[] buffer) {
        if (!hasFloats) {
            return inputs;
        }
        int k = 0;
        for (int i = 0; i < kinds.length; i++) {
            int n = kinds[i] == SCALAR || kinds[i] == FLOAT ? 1 : kinds[i] == CONCRETE ? 0 : sum(shapes[i]);
            boolean round = kinds[i] == FLOAT || kinds[i] == FLOAT_VECTOR || kinds[i] == FLOAT_MATRIX;
            for (int e = 0; e < n; e++, k++) {
                buffer[k] = round ? (float) inputs[k] : inputs[k];
            }
        }
        return buffer;
    }

    /**
     * The call arguments whose flattened inputs are {@code x}: the example's array shapes filled
     * from {@code x} (new arrays), and its concrete arguments (the inverse of {@link #flatten}).
     */
    Object[] unflatten(double[] x) {
        Object[] args = new Object[kinds.length];
        int k = 0;
        for (int i = 0; i < kinds.length; i++) {
            switch (kinds[i]) {
                case SCALAR -> args[i] = x[k++];
                case FLOAT -> args[i] = (float) x[k++];
                case VECTOR -> {
                    args[i] = java.util.Arrays.copyOfRange(x, k, k + shapes[i][0]);
                    k += shapes[i][0];
                }
                case FLOAT_VECTOR -> {
                    float[] v = new float[shapes[i][0]];
                    for (int e = 0; e < v.length; e++) {
                        v[e] = (float) x[k++];
                    }
                    args[i] = v;
                }
                case MATRIX -> {
                    double[][] m = new double[shapes[i].length][];
                    for (int r = 0; r < m.length; r++) {
                        m[r] = java.util.Arrays.copyOfRange(x, k, k + shapes[i][r]);
                        k += shapes[i][r];
                    }
                    args[i] = m;
                }
                case FLOAT_MATRIX -> {
                    float[][] m = new float[shapes[i].length][];
                    for (int r = 0; r < m.length; r++) {
                        m[r] = new float[shapes[i][r]];
                        for (int e = 0; e < m[r].length; e++) {
                            m[r][e] = (float) x[k++];
                        }
                    }
                    args[i] = m;
                }
                default -> args[i] = deepCopy(example[i]);
            }
        }
        return args;
    }

    /** Argument {@code index}, a double parameter, as a double (a Double directly, any other Number converted). */
    private double scalar(Object a, int index) {
        return a instanceof Double d ? d : ((Number) expect(a, Number.class, index)).doubleValue();
    }

    private Object expect(Object a, Class<?> type, int index) {
        if (!type.isInstance(a)) {
            throw new IllegalArgumentException("argument " + index + " of " + method + " must be a " + type.getSimpleName()
                    + ", got " + (a == null ? "null" : a.getClass().getSimpleName()));
        }
        return a;
    }

    /** Checks that matrix argument {@code index} has the traced row count and row lengths, no null row. */
    private Object[] checkRows(Object a, int index) {
        Object[] m = (Object[]) a;
        checkLength(index, m.length, shapes[index].length, "");
        for (int r = 0; r < m.length; r++) {
            if (m[r] == null) {
                throw new IllegalArgumentException("argument " + index + " of " + method + " has a null row " + r);
            }
            checkLength(index, Array.getLength(m[r]), shapes[index][r], " row " + r);
        }
        return m;
    }

    private void checkLength(int index, int actual, int expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException("argument " + index + what + " of " + method + " has length " + actual
                    + " but the traced one has " + expected + " (shapes are part of the trace)");
        }
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }

    /** Whether a call's concrete argument equals the traced one (without boxing). */
    private static boolean same(Object traced, Object a) {
        if (traced instanceof Long l) {
            return (a instanceof Long || a instanceof Integer || a instanceof Short || a instanceof Byte)
                    && l == ((Number) a).longValue();
        }
        return Objects.deepEquals(traced, a);
    }

    /** Integral numbers compare by value whatever their boxed type (an int parameter given as a Short). */
    private static Object normalize(Object a) {
        if (a instanceof Integer || a instanceof Short || a instanceof Byte) {
            return ((Number) a).longValue();
        }
        return a;
    }

    private static Object deepCopy(Object a) {
        if (a == null || !a.getClass().isArray()) {
            return a;
        }
        int n = Array.getLength(a);
        Object c = Array.newInstance(a.getClass().getComponentType(), n);
        for (int i = 0; i < n; i++) {
            Array.set(c, i, deepCopy(Array.get(a, i)));
        }
        return c;
    }

    private static String describe(Object a) {
        if (a instanceof Object[] arr) {
            return java.util.Arrays.deepToString(arr);
        }
        if (a != null && a.getClass().isArray()) {
            return java.util.Arrays.deepToString(new Object[] {a});
        }
        return String.valueOf(a);
    }
}
