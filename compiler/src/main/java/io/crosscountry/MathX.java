package io.crosscountry;

import org.apache.commons.numbers.gamma.Erf;
import org.hipparchus.util.FastMath;

/**
 * Elementary functions that {@code java.lang.Math} lacks, treated by the analysis as intrinsics:
 * each call is one graph vertex, exactly like {@code Math.sin}.
 *
 * <p>The implementations delegate to Hipparchus ({@code erf}: to Apache Commons Numbers, whose
 * {@code Erf} is accurate to a few ulps and allocates nothing, unlike Hipparchus' continued
 * fraction), and the generated code calls these same methods, so a {@code @Differentiable}
 * method that calls them computes the same values with or without crosscountry.
 */
public final class MathX {

    private MathX() {
    }

    /** Inverse hyperbolic sine. */
    public static double asinh(double x) {
        return FastMath.asinh(x);
    }

    /** Inverse hyperbolic cosine, defined for {@code x >= 1}. */
    public static double acosh(double x) {
        return FastMath.acosh(x);
    }

    /** Inverse hyperbolic tangent, defined for {@code |x| < 1}. */
    public static double atanh(double x) {
        return FastMath.atanh(x);
    }

    /** The error function {@code 2/sqrt(pi) * integral_0^x exp(-t^2) dt}. */
    public static double erf(double x) {
        return Erf.value(x);
    }

    /**
     * Returns {@code x} unchanged, but crosscountry treats the result as a constant when
     * differentiating: no derivative flows through it (JAX's {@code stop_gradient}). Use it where
     * a value is needed but its dependence on the inputs must not be differentiated, e.g. the
     * stabilising shift of a softmax.
     */
    public static double stopGradient(double x) {
        return x;
    }

    /** The logistic sigmoid {@code 1 / (1 + exp(-x))}. */
    public static double logistic(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
