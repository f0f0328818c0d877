package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The partials of {@code pow} taken from the value x^y against y·x^(y−1) itself. */
class DerivativesTest {

    private static double reference(double x, double y) {
        return y == 0.0 ? 0.0 : y * Math.pow(x, y - 1.0);
    }

    @Test
    void pow_base_from_the_value_should_match_a_second_pow_on_random_arguments() {
        SplittableRandom random = new SplittableRandom(41);
        for (int i = 0; i < 10_000; i++) {
            double x = Math.exp(random.nextDouble(-20, 20));
            double y = random.nextDouble(-6, 6);
            double r = Math.pow(x, y);
            assertEquals(reference(x, y), Derivatives.powBase(x, y, r), 1e-14 * Math.abs(reference(x, y)), x + "^" + y);
            assertEquals(reference(x, y), Derivatives.powBaseStrict(x, y, StrictMath.pow(x, y)),
                    1e-14 * Math.abs(reference(x, y)), x + "^" + y);
        }
        for (int k = -4; k <= 4; k++) {   // negative bases with integer exponents
            double x = -random.nextDouble(0.1, 10);
            assertEquals(reference(x, k), Derivatives.powBase(x, k, Math.pow(x, k)), 1e-14 * Math.abs(reference(x, k)));
        }
    }

    @Test
    void pow_base_should_fall_back_where_the_value_loses_the_derivative() {
        double[][] cases = {
            {0.0, 0.5}, {0.0, 2.5}, {0.0, 1.0}, {0.0, 0.0},   // x = 0
            {1e200, 1.6},                                     // x^y overflows, x^(y-1) does not
            {1e-200, 1.6},                                    // x^y is subnormal or zero
            {-2.0, 0.5},                                      // NaN
            {Double.POSITIVE_INFINITY, -0.5}, {Double.POSITIVE_INFINITY, 0.5},
        };
        for (double[] c : cases) {
            double x = c[0];
            double y = c[1];
            assertEquals(reference(x, y), Derivatives.powBase(x, y, Math.pow(x, y)), 0.0, x + "^" + y);
            assertEquals(y == 0.0 ? 0.0 : y * StrictMath.pow(x, y - 1.0),
                    Derivatives.powBaseStrict(x, y, StrictMath.pow(x, y)), 0.0, x + "^" + y);
        }
    }
}
