package io.crosscountry.e2e;

import io.crosscountry.Differentiable;
import io.crosscountry.JacobianOf;

/** Four {@code @JacobianOf} stubs, for timing the agent's work per annotated method at class load. */
public final class ManyStubs {

    private ManyStubs() {
    }

    @Differentiable
    public static double[] f(double a, double[] x) {
        return new double[] {a * x[0], Math.sin(x[1]) + a};
    }

    @JacobianOf("f")
    public static double[][] fwd(double a, double[] x) {
        throw new UnsupportedOperationException();
    }

    @JacobianOf(value = "f", order = "rev")
    public static double[][] rev(double a, double[] x) {
        throw new UnsupportedOperationException();
    }

    @JacobianOf(value = "f", order = "markowitz")
    public static double[][] markowitz(double a, double[] x) {
        throw new UnsupportedOperationException();
    }

    @JacobianOf(value = "f", order = "optimized")
    public static double[][] optimized(double a, double[] x) {
        throw new UnsupportedOperationException();
    }
}
