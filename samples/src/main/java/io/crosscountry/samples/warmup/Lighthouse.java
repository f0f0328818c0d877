package io.crosscountry.samples.warmup;

import io.crosscountry.Differentiable;

/**
 * Warm-up task <em>Lighthouse</em>: the position where a rotating lighthouse beam hits the quay
 * line, y1 = ν·tan(ωt) / (γ − tan(ωt)) and y2 = γ·y1.
 *
 * <p>Specification: {@code shared/benchmarks/TASKS.md}, section "2. Warm-up tasks". As in the
 * listing, the product ωt and its tangent are evaluated twice (no common-subexpression sharing),
 * so the graph has eight vertices; y1 (#7) is an output that also feeds y2 (#8). Reference inputs
 * ν = γ = ω = t = 0.02.
 */
public final class Lighthouse {

    private Lighthouse() {
    }

    /** Returns {@code {y1, y2}}. */
    @Differentiable
    public static double[] lighthouse(double nu, double gamma, double omega, double t) {
        double y1 = nu * Math.tan(omega * t) / (gamma - Math.tan(omega * t));
        double y2 = gamma * y1;
        return new double[] {y1, y2};
    }

    /** The reference inputs ν = γ = ω = t = 0.02. */
    public static Object[] exampleArgs() {
        return new Object[] {0.02, 0.02, 0.02, 0.02};
    }
}
