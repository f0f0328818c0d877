package io.crosscountry.policy;

/**
 * The value head's target transform h(x) = sign(x)(√(|x|+1) − 1) + εx (Pohlen et al. 2018, as in
 * MuZero), with its exact inverse. It compresses large normalised remaining costs so that the
 * squared error of big graphs does not swamp the small ones; {@link #inverse} undoes it.
 */
public final class ValueTransform {

    /** The linear term that keeps h invertible with a Lipschitz inverse. */
    public static final double EPSILON = 1e-3;

    private ValueTransform() {
    }

    /** h(x). */
    public static double forward(double x) {
        return Math.signum(x) * (Math.sqrt(Math.abs(x) + 1) - 1) + EPSILON * x;
    }

    /** h⁻¹(y), so that {@code inverse(forward(x)) == x} up to rounding. */
    public static double inverse(double y) {
        double a = Math.abs(y);
        double r = (Math.sqrt(1 + 4 * EPSILON * (a + 1 + EPSILON)) - 1) / (2 * EPSILON);
        return Math.signum(y) * (r * r - 1);
    }
}
