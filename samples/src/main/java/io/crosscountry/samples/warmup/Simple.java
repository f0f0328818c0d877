package io.crosscountry.samples.warmup;

import io.crosscountry.Differentiable;

/**
 * Warm-up task <em>Simple</em> (Griewank and Walther): with z = x·y and w = sin z, returns
 * (w + z, log w).
 *
 * <p>Specification: {@code shared/benchmarks/TASKS.md}, section "2. Warm-up tasks". The method
 * performs exactly the four listed equations: {@code mul(x, y)}, {@code sin}, {@code add(w, z)}
 * (output 1) and {@code log(w)} (output 2).
 *
 * <p>Reference inputs x = 5, y = 7, as suggested by the spec. Note that sin 35 ≈ −0.428 is
 * negative, so the second output, log w, is NaN there (the first is finite); the graph, which
 * has no branches, does not depend on the values. At, e.g., x = 0.5, y = 1.5 both outputs are
 * finite.
 */
public final class Simple {

    private Simple() {
    }

    /** Returns {@code {sin(xy) + xy, log(sin(xy))}}. */
    @Differentiable
    public static double[] simple(double x, double y) {
        double z = x * y;
        double w = Math.sin(z);
        return new double[] {w + z, Math.log(w)};
    }

    /** The reference inputs x = 5, y = 7. */
    public static Object[] exampleArgs() {
        return new Object[] {5.0, 7.0};
    }
}
