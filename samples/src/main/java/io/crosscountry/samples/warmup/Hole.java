package io.crosscountry.samples.warmup;

import io.crosscountry.Differentiable;

/**
 * Warm-up task <em>Hole</em>: with a = y·z, b = a + x, c = a + w, d = cos b and e = exp c,
 * returns (d − e, d / e, d·e).
 *
 * <p>Specification: {@code shared/benchmarks/TASKS.md}, section "2. Warm-up tasks" (eight
 * equations, outputs #6, #7, #8). The spec gives no reference values; the example inputs are the
 * suggested 1, 2, 3, 4.
 */
public final class Hole {

    private Hole() {
    }

    /** Returns {@code {d - e, d / e, d * e}}. */
    @Differentiable
    public static double[] hole(double x, double y, double z, double w) {
        double a = y * z;
        double b = a + x;
        double c = a + w;
        double d = Math.cos(b);
        double e = Math.exp(c);
        return new double[] {d - e, d / e, d * e};
    }

    /** The suggested inputs x = 1, y = 2, z = 3, w = 4. */
    public static Object[] exampleArgs() {
        return new Object[] {1.0, 2.0, 3.0, 4.0};
    }
}
