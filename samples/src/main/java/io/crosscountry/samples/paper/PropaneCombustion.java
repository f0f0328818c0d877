package io.crosscountry.samples.paper;

import io.crosscountry.Differentiable;

/**
 * Paper task <em>PropaneCombustion</em>: the residuals f1…f11 of the MINPACK-2 propane-combustion
 * system (full formulation) in eleven unknowns x1…x11.
 *
 * <p>Specification: {@code shared/benchmarks/TASKS.md}, section "7. PropaneCombustion". The
 * pressure p = 40 and the constant R = 10 are compile-time constants (javac folds them, and 4·R,
 * into literals, as JAX folds the Python constants), and every expression is written in the
 * listed evaluation order and association, so the method performs exactly the 62 listed
 * equations (mul 20, sub 20, add 11, sqrt 6, div 3, and the two squares as one-{@code dmul}
 * {@code x * x}). In particular:
 * <ul>
 *   <li>q = √(p / x11) is computed first, with p as the left operand of the division;</li>
 *   <li>the product x2·x4 is computed once for f5 and again inside the square root of f6;</li>
 *   <li>in f8 and f10, p is the right operand of the multiplication.</li>
 * </ul>
 * Reference inputs: x1 = … = x11 = 0.15.
 */
public final class PropaneCombustion {

    /** The pressure p. */
    private static final double P = 40.0;
    /** The constant R. */
    private static final double R = 10.0;

    private PropaneCombustion() {
    }

    /** Returns the eleven residuals {@code {f1, …, f11}}. */
    @Differentiable
    public static double[] residuals(double x1, double x2, double x3, double x4, double x5, double x6,
                                     double x7, double x8, double x9, double x10, double x11) {
        double q = Math.sqrt(P / x11);
        double f1 = x1 + x4 - 3.0;
        double f2 = 2.0 * x1 + x2 + x4 + x7 + x8 + x9 + 2.0 * x10 - R;
        double f3 = 2.0 * x2 + 2.0 * x5 + x6 + x7 - 8.0;
        double f4 = 2.0 * x3 + x9 - 4.0 * R;
        double f5 = x2 * x4 - x1 * x5;
        double f6 = Math.sqrt(x2 * x4) - Math.sqrt(x1) * q * x6;
        double f7 = Math.sqrt(x1 * x2) - Math.sqrt(x4) * x7 * q;
        double f8 = x1 - x4 * x8 * P / x11;
        double f9 = x1 * Math.sqrt(x3) - x4 * x9 * q;
        double f10 = x1 * x1 - x4 * x4 * x10 * P / x11;
        double f11 = x11 - x1 - x2 - x3 - x4 - x5 - x6 - x7 - x8 - x9 - x10;
        return new double[] {f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11};
    }

    /** The reference inputs x1 = … = x11 = 0.15. */
    public static Object[] exampleArgs() {
        Object[] args = new Object[11];
        for (int i = 0; i < args.length; i++) {
            args[i] = 0.15;
        }
        return args;
    }
}
