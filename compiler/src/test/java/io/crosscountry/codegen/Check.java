package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Test helpers: arguments, the original method by reflection, central differences, comparisons. */
final class Check {

    /** Relative tolerance against the dual-number reference. */
    static final double REL = 1e-12;
    /** Absolute tolerance for tiny values. */
    static final double ABS = 1e-14;

    private Check() {
    }

    /** Asserts {@code actual} equals the dual-number Jacobian within {@link #REL} of each entry's scale. */
    static void assertMatchesDuals(double[][] actual, DualNumbers.Result ref, String what) {
        double[][] e = ref.jacobian();
        assertEquals(e.length, actual.length, what + ": rows");
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i].length, actual[i].length, what + ": columns");
            for (int k = 0; k < e[i].length; k++) {
                double exp = e[i][k];
                double act = actual[i][k];
                if (Double.isNaN(exp) && Double.isNaN(act) || exp == act) {
                    continue;
                }
                double tol = REL * (Math.abs(exp) + ref.magnitude()[i][k]) + ABS;
                if (!(Math.abs(exp - act) <= tol)) {
                    fail(what + ": J[" + i + "][" + k + "] = " + act + ", dual numbers give " + exp + " (tolerance " + tol
                            + ")\n" + Arrays.deepToString(actual) + "\nvs\n" + Arrays.deepToString(e));
                }
            }
        }
    }

    /** Asserts {@code actual} is close to central differences ({@code rel} relative, loosely). */
    static void assertNearDifferences(double[][] actual, double[][] cd, double rel, String what) {
        for (int i = 0; i < cd.length; i++) {
            for (int k = 0; k < cd[i].length; k++) {
                double tol = rel * (1.0 + Math.abs(cd[i][k]));
                if (!(Math.abs(cd[i][k] - actual[i][k]) <= tol)) {
                    fail(what + ": J[" + i + "][" + k + "] = " + actual[i][k] + ", central differences give " + cd[i][k]);
                }
            }
        }
    }

    // ------------------------------------------------------------------ the original method

    static Method method(Class<?> owner, String name, int arity) {
        for (Method m : owner.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity && Modifier.isStatic(m.getModifiers())) {
                m.setAccessible(true);
                return m;
            }
        }
        throw new AssertionError("no method " + owner.getSimpleName() + "." + name + "/" + arity);
    }

    static double[] run(Method m, Object[] args) {
        try {
            return flatten(m.invoke(null, args));
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause());
        }
    }

    /** Central differences of the original method in every flattened input. */
    static double[][] centralDifferences(Method m, Object[] args, double relStep) {
        double[] x = flatten(args);
        int outputs = run(m, args).length;
        double[][] cd = new double[outputs][x.length];
        for (int k = 0; k < x.length; k++) {
            double h = relStep * Math.max(1.0, Math.abs(x[k]));
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[k] += h;
            xm[k] -= h;
            double[] fp = run(m, unflatten(args, xp));
            double[] fm = run(m, unflatten(args, xm));
            for (int i = 0; i < outputs; i++) {
                cd[i][k] = (fp[i] - fm[i]) / (2 * h);
            }
        }
        return cd;
    }

    // ------------------------------------------------------------------ arguments

    /** The inputs of an argument list, flattened like the analysis (a result likewise). */
    static double[] flatten(Object... values) {
        List<Double> out = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof Double d) {
                out.add(d);
            } else if (v instanceof Float f) {
                out.add((double) f);
            } else if (v instanceof double[] a) {
                Arrays.stream(a).forEach(out::add);
            } else if (v instanceof float[] a) {
                for (float f : a) {
                    out.add((double) f);
                }
            } else if (v instanceof double[][] a) {
                for (double[] row : a) {
                    Arrays.stream(row).forEach(out::add);
                }
            } else if (v instanceof float[][] a) {
                for (float[] row : a) {
                    for (float f : row) {
                        out.add((double) f);
                    }
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Arguments shaped like {@code template} holding the inputs {@code x}. */
    static Object[] unflatten(Object[] template, double[] x) {
        Object[] c = new Object[template.length];
        int k = 0;
        for (int i = 0; i < c.length; i++) {
            Object v = template[i];
            if (v instanceof Double) {
                c[i] = x[k++];
            } else if (v instanceof Float) {
                c[i] = (float) x[k++];
            } else if (v instanceof double[] a) {
                double[] r = new double[a.length];
                for (int j = 0; j < a.length; j++) {
                    r[j] = x[k++];
                }
                c[i] = r;
            } else if (v instanceof float[] a) {
                float[] r = new float[a.length];
                for (int j = 0; j < a.length; j++) {
                    r[j] = (float) x[k++];
                }
                c[i] = r;
            } else if (v instanceof double[][] a) {
                double[][] r = new double[a.length][];
                for (int row = 0; row < a.length; row++) {
                    r[row] = new double[a[row].length];
                    for (int j = 0; j < r[row].length; j++) {
                        r[row][j] = x[k++];
                    }
                }
                c[i] = r;
            } else if (v instanceof float[][] a) {
                float[][] r = new float[a.length][];
                for (int row = 0; row < a.length; row++) {
                    r[row] = new float[a[row].length];
                    for (int j = 0; j < r[row].length; j++) {
                        r[row][j] = (float) x[k++];
                    }
                }
                c[i] = r;
            } else {
                c[i] = v;
            }
        }
        return c;
    }

    /** Random arguments shaped like {@code template}: values in [lo, hi], never all ones. */
    static Object[] randomLike(Object[] template, SplittableRandom rnd, double lo, double hi) {
        double[] x = flatten(template);
        for (int k = 0; k < x.length; k++) {
            x[k] = rnd.nextDouble(lo, hi);
        }
        return unflatten(template, x);
    }

    // ------------------------------------------------------------------ orders

    static int[] shuffled(int[] order, SplittableRandom rnd) {
        int[] o = order.clone();
        for (int i = o.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }

    // ------------------------------------------------------------------ source lines

    /** The 1-based line of {@code Subjects.java} (or another test source) that carries {@code // marker}. */
    static int line(Class<?> source, String marker) {
        Path src = Path.of("src/test/java", source.getName().replace('.', '/') + ".java");
        try {
            List<String> lines = Files.readAllLines(src);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).trim().endsWith("// " + marker)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + src.toAbsolutePath(), e);
        }
        throw new AssertionError("no marker " + marker + " in " + src);
    }
}
