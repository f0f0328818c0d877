package io.crosscountry.samples.paper;

import io.crosscountry.Differentiable;

/**
 * HumanHeartDipole: the residuals of the MINPACK-2 "human heart dipole" problem.
 *
 * <p>The eight unknowns describe the masses {@code (x1, x2, x3, x4)} and positions
 * {@code (x5, x6, x7, x8)} of the heart's electrical dipole; the residuals compare the dipole's
 * moments with eight measured quantities {@code sigma_mx, sigma_my, sigma_A, ..., sigma_F}. In the
 * benchmark all measurements are 1, each subtracted as the last operation of its residual.
 *
 * <p>Specified in {@code shared/benchmarks/TASKS.md}, section 6 "HumanHeartDipole" (after graphax's
 * example, MIT licence). Kept from the reference implementation because they shape the graph:
 * every square is its own operation and nothing is reused (the squares in the cubic terms are
 * recomputed), sums are evaluated left to right, and the last residual subtracts
 * {@code sigma_E} again instead of {@code sigma_F}. The method performs exactly the 86 operations
 * of the spec's equation listing, in the same order; the outputs are operations 2, 4, 12, 20, 38,
 * 50, 78 and 86.
 */
public final class HumanHeartDipole {

    private static final double SIGMA_MX = 1.0;
    private static final double SIGMA_MY = 1.0;
    private static final double SIGMA_A = 1.0;
    private static final double SIGMA_B = 1.0;
    private static final double SIGMA_C = 1.0;
    private static final double SIGMA_D = 1.0;
    private static final double SIGMA_E = 1.0;

    /** Not instantiable: the task is the static method. */
    private HumanHeartDipole() {
    }

    /**
     * The eight residuals at {@code (x1, ..., x8)}.
     *
     * @param x1 unknown 1 (mass component)
     * @param x2 unknown 2 (mass component)
     * @param x3 unknown 3 (mass component)
     * @param x4 unknown 4 (mass component)
     * @param x5 unknown 5 (position component)
     * @param x6 unknown 6 (position component)
     * @param x7 unknown 7 (position component)
     * @param x8 unknown 8 (position component)
     * @return {@code (f1, ..., f8)}
     */
    @Differentiable
    public static double[] residuals(double x1, double x2, double x3, double x4,
                                     double x5, double x6, double x7, double x8) {
        double f1 = x1 + x2 - SIGMA_MX;
        double f2 = x3 + x4 - SIGMA_MY;
        double f3 = x5 * x1 + x6 * x2 - x7 * x3 - x8 * x4 - SIGMA_A;
        double f4 = x7 * x1 + x8 * x2 + x5 * x3 + x6 * x4 - SIGMA_B;

        double x57 = x5 * x5 - x7 * x7;
        double x68 = x6 * x6 - x8 * x8;
        double f5 = x1 * x57 - 2.0 * x3 * x5 * x7 + x2 * x68 - 2.0 * x4 * x6 * x8 - SIGMA_C;
        double f6 = x3 * x57 - 2.0 * x1 * x5 * x7 + x4 * x68 - 2.0 * x2 * x6 * x8 - SIGMA_D;

        double x557 = cubic(x5, x7);
        double x775 = cubic(x7, x5);
        double x668 = cubic(x6, x8);
        double x886 = cubic(x8, x6);
        double f7 = x1 * x557 + x3 * x775 + x2 * x668 + x4 * x886 - SIGMA_E;
        // Quirk of the reference: sigma_E again, not sigma_F.
        double f8 = x3 * x557 - x1 * x775 + x4 * x668 - x2 * x886 - SIGMA_E;

        return new double[] {f1, f2, f3, f4, f5, f6, f7, f8};
    }

    /** {@code a * (a^2 - 3 * b^2)}, both squares computed afresh. */
    private static double cubic(double a, double b) {
        return a * (a * a - 3.0 * (b * b));
    }

    /**
     * The reference inputs (spec §6): all eight unknowns 0.15.
     *
     * @return the arguments of the task method, boxed, in parameter order
     */
    public static Object[] exampleArgs() {
        return new Object[] {0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15};
    }
}
