package io.crosscountry.samples.warmup;

import io.crosscountry.Differentiable;

/**
 * Warm-up task <em>Helmholtz</em>: the vector function x ⊙ log(x / (1 + (−Σx))) for x ∈ ℝ⁴
 * (the Helmholtz free-energy term).
 *
 * <p>Specification: {@code shared/benchmarks/TASKS.md}, section "2. Warm-up tasks". The published
 * listing has six vector-level equations ({@code reduce_sum, neg, add(1.0, ·), div, log, mul});
 * this Java version is its scalarised form: the sum is a left-to-right chain of
 * {@code n − 1} additions ({@code x[0] + x[1]}, then {@code + x[2]}, …), followed by one
 * negation, one addition with the literal 1 on the left, and then, element by element,
 * {@code x[i] / d}, {@code log} and {@code x[i] * log(…)}. For n = 4 that is 3 + 1 + 1 + 4·3 = 17
 * vertices, the outputs being the four products.
 *
 * <p>Reference inputs x = [0.05, 0.15, 0.25, 0.35] (Σx = 0.8, so the denominator 0.2 is positive).
 */
public final class Helmholtz {

    private Helmholtz() {
    }

    /** Returns {@code x[i] * log(x[i] / (1 + (-sum(x))))} for every i. */
    @Differentiable
    public static double[] helmholtz(double[] x) {
        int n = x.length;
        double sum = x[0];
        for (int i = 1; i < n; i++) {
            sum = sum + x[i];
        }
        double denominator = 1.0 + (-sum);
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            result[i] = x[i] * Math.log(x[i] / denominator);
        }
        return result;
    }

    /** The reference input x = [0.05, 0.15, 0.25, 0.35]. */
    public static Object[] exampleArgs() {
        return new Object[] {new double[] {0.05, 0.15, 0.25, 0.35}};
    }
}
