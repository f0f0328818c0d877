package io.crosscountry.codegen;

/**
 * Local partial derivatives that need a branch or a common subexpression, called from generated
 * code (which is straight-line). The rules themselves, and which of these functions each operation
 * uses, are in {@link Partials}; this class only holds their bodies. Public because generated
 * classes may live in other packages; not an API for users.
 */
public final class Derivatives {

    private Derivatives() {
    }

    /**
     * d/dx x^y = y·x^(y−1), and 0 where y = 0 (so that 0^0 does not give 0·∞), from the value
     * r = x^y: y·(r/x) where x ≠ 0 and r is a normal finite number (no second {@code pow}; a few
     * ulps from y·x^(y−1)), else y·x^(y−1) itself (x = 0, r overflowed, underflowed or is NaN).
     */
    public static double powBase(double x, double y, double r) {
        if (y == 0.0) {
            return 0.0;
        }
        return valueGivesBase(x, r) ? y * (r / x) : y * Math.pow(x, y - 1.0);
    }

    /** {@link #powBase} with {@code StrictMath.pow}. */
    public static double powBaseStrict(double x, double y, double r) {
        if (y == 0.0) {
            return 0.0;
        }
        return valueGivesBase(x, r) ? y * (r / x) : y * StrictMath.pow(x, y - 1.0);
    }

    /** Whether x^(y−1) = r/x is safe to take from r = x^y: x ≠ 0 and r a normal finite number. */
    private static boolean valueGivesBase(double x, double r) {
        double size = Math.abs(r);
        return x != 0.0 && size >= Double.MIN_NORMAL && size <= Double.MAX_VALUE;
    }

    /**
     * d/dy x^y = x^y·ln x for x &gt; 0; 0 at x = 0 (the limit for y &gt; 0; used for every y); NaN
     * for x &lt; 0, where x^y is NaN for every non-integer y (as in JAX and PyTorch).
     *
     * @param r the value x^y
     */
    public static double powExponent(double x, double r) {
        if (x > 0.0) {
            return r * Math.log(x);
        }
        return x == 0.0 ? 0.0 : Double.NaN;
    }

    /** {@link #powExponent} with {@code StrictMath.log}. */
    public static double powExponentStrict(double x, double r) {
        if (x > 0.0) {
            return r * StrictMath.log(x);
        }
        return x == 0.0 ? 0.0 : Double.NaN;
    }

    /** d/dx tanh x = 1/cosh²x (accurate where 1 − tanh²x would cancel). */
    public static double tanh(double x) {
        double c = Math.cosh(x);
        return 1.0 / (c * c);
    }

    /** {@link #tanh(double)} with {@code StrictMath.cosh}. */
    public static double tanhStrict(double x) {
        double c = StrictMath.cosh(x);
        return 1.0 / (c * c);
    }

    /** d/dx σ(x) = σ(x)(1 − σ(x)), computed as e/(1+e)² with e = exp(−|x|) (no cancellation). */
    public static double logistic(double x) {
        double e = Math.exp(-Math.abs(x));
        double d = 1.0 + e;
        return e / (d * d);
    }

    /**
     * ∂/∂a copySign(a, b) = signum(a)·(±1), the sign the result {@code r} took: ±1, or 0 at
     * a = 0 (like abs). Reading the sign from r rather than from b keeps it the one the primal
     * chose even for a NaN b, whose sign {@code Math.copySign} may read either way.
     */
    public static double copySign(double a, double r) {
        return Math.signum(a) * Math.copySign(1.0, r);
    }

    /** ∂/∂a hypot(a, b) = a / hypot(a, b), and 0 at the origin. */
    public static double hypot(double a, double r) {
        return r == 0.0 ? 0.0 : a / r;
    }

    /**
     * 1 when {@code max(a, b)} selects {@code a}, else 0: a is selected when a &ge; b or a is NaN
     * (ties go to the first operand).
     */
    public static double maxFirst(double a, double b) {
        return a >= b || a != a ? 1.0 : 0.0;
    }

    /** 1 − {@link #maxFirst}. */
    public static double maxSecond(double a, double b) {
        return a >= b || a != a ? 0.0 : 1.0;
    }

    /**
     * 1 when {@code min(a, b)} selects {@code a}, else 0: a is selected when a &le; b or a is NaN
     * (ties go to the first operand).
     */
    public static double minFirst(double a, double b) {
        return a <= b || a != a ? 1.0 : 0.0;
    }

    /** 1 − {@link #minFirst}. */
    public static double minSecond(double a, double b) {
        return a <= b || a != a ? 0.0 : 1.0;
    }
}
