package io.crosscountry.samples.baselines;

import java.util.Arrays;

/**
 * Converts between a method's arguments and the flat input vector of its graph: {@code double} and
 * {@code float} parameters and the elements of {@code double[]}, {@code float[]} and
 * {@code double[][]} parameters (row-major), in parameter order. Other parameters (ints, …) are not
 * inputs; they keep their example values. Results (double, float and arrays of them) flatten the
 * same way.
 */
final class ArgumentCodec {

    private final Object[] example;
    private final int numInputs;

    /** A codec for arguments shaped like {@code example} (which it copies). */
    ArgumentCodec(Object[] example) {
        this.example = copy(example);
        this.numInputs = count(example);
    }

    /** The number of flat inputs. */
    int numInputs() {
        return numInputs;
    }

    /** A fresh copy of the example arguments, arrays included. */
    Object[] newArguments() {
        return copy(example);
    }

    /** The flat inputs of {@code args}. */
    double[] flatten(Object[] args) {
        double[] x = new double[numInputs];
        int i = 0;
        for (Object arg : args) {
            i = flattenValue(arg, x, i);
        }
        return x;
    }

    /**
     * Writes {@code x} into {@code args} (shaped like the example): scalars are replaced by boxed
     * values, arrays are overwritten in place.
     */
    void write(double[] x, Object[] args) {
        int i = 0;
        for (int p = 0; p < args.length; p++) {
            Object arg = args[p];
            if (arg instanceof Double) {
                args[p] = x[i++];
            } else if (arg instanceof Float) {
                args[p] = (float) x[i++];
            } else if (arg instanceof double[] d) {
                System.arraycopy(x, i, d, 0, d.length);
                i += d.length;
            } else if (arg instanceof float[] f) {
                for (int e = 0; e < f.length; e++) {
                    f[e] = (float) x[i++];
                }
            } else if (arg instanceof double[][] m) {
                for (double[] row : m) {
                    System.arraycopy(x, i, row, 0, row.length);
                    i += row.length;
                }
            }
        }
    }

    /** Flattens a result (or argument) value into {@code out} from {@code offset}; returns the next offset. */
    static int flattenValue(Object value, double[] out, int offset) {
        int i = offset;
        if (value instanceof Double d) {
            out[i++] = d;
        } else if (value instanceof Float f) {
            out[i++] = f;
        } else if (value instanceof double[] d) {
            System.arraycopy(d, 0, out, i, d.length);
            i += d.length;
        } else if (value instanceof float[] f) {
            for (float e : f) {
                out[i++] = e;
            }
        } else if (value instanceof double[][] m) {
            for (double[] row : m) {
                System.arraycopy(row, 0, out, i, row.length);
                i += row.length;
            }
        }
        return i;
    }

    /** The number of doubles {@link #flattenValue} writes for {@code value}. */
    static int count(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return 1;
        } else if (value instanceof double[] d) {
            return d.length;
        } else if (value instanceof float[] f) {
            return f.length;
        } else if (value instanceof double[][] m) {
            return Arrays.stream(m).mapToInt(row -> row.length).sum();
        } else if (value instanceof Object[] values) {
            return Arrays.stream(values).mapToInt(ArgumentCodec::count).sum();
        }
        return 0;
    }

    private static Object[] copy(Object[] args) {
        Object[] c = args.clone();
        for (int p = 0; p < c.length; p++) {
            if (c[p] instanceof double[] d) {
                c[p] = d.clone();
            } else if (c[p] instanceof float[] f) {
                c[p] = f.clone();
            } else if (c[p] instanceof double[][] m) {
                double[][] rows = m.clone();
                for (int r = 0; r < rows.length; r++) {
                    rows[r] = rows[r].clone();
                }
                c[p] = rows;
            }
        }
        return c;
    }
}
