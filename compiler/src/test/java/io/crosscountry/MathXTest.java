package io.crosscountry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link MathX}'s functions against an independent implementation. */
class MathXTest {

    private static final MathContext DIGITS = new MathContext(90);
    private static final BigDecimal PI = new BigDecimal(
            "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798");
    private static final BigDecimal TWO_OVER_SQRT_PI = BigDecimal.valueOf(2).divide(PI.sqrt(DIGITS), DIGITS);
    private static final BigDecimal RELATIVE_TOLERANCE = new BigDecimal("1e-70");

    /**
     * {@code MathX.erf} against erf's Taylor series summed in 90-digit decimal arithmetic, at
     * random points of [-6, 6] and tiny ones: within 2 ulps of the correctly rounded value (the
     * accuracy Commons Numbers documents), and its exact values and limits.
     */
    @Test
    void erf_is_within_two_ulps_of_a_high_precision_series() {
        SplittableRandom rnd = new SplittableRandom(20261206);
        double worst = 0;
        for (int i = 0; i < 1_500; i++) {
            double x = (i % 3 == 0) ? Math.scalb(rnd.nextDouble(-1, 1), -rnd.nextInt(40)) : rnd.nextDouble(-6, 6);
            double exact = seriesErf(x);
            worst = Math.max(worst, Math.abs(MathX.erf(x) - exact) / Math.ulp(exact));
        }
        assertTrue(worst <= 2, "worst difference " + worst + " ulps");
        assertEquals(0.0, MathX.erf(0.0));
        assertEquals(1.0, MathX.erf(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, MathX.erf(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, MathX.erf(7.0));
        assertTrue(Double.isNaN(MathX.erf(Double.NaN)));
    }

    /** erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1)), rounded once to a double. */
    private static double seriesErf(double x) {
        BigDecimal bx = new BigDecimal(x);
        BigDecimal x2 = bx.multiply(bx, DIGITS);
        BigDecimal power = bx;  // (-1)^n x^(2n+1) / n!
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 0; ; n++) {
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * n + 1), DIGITS);
            sum = sum.add(term, DIGITS);
            if (n > 2 && term.abs().compareTo(RELATIVE_TOLERANCE.multiply(sum.abs())) < 0) {
                break;
            }
            power = power.multiply(x2, DIGITS).divide(BigDecimal.valueOf(-(n + 1L)), DIGITS);
        }
        return sum.multiply(TWO_OVER_SQRT_PI, DIGITS).doubleValue();
    }
}
