package io.crosscountry.analysis;

import static io.crosscountry.analysis.TestSupport.assertSameDouble;

import io.crosscountry.elimination.Op;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The values of operations that are not one JDK call: the float fma. */
class OpValuesTest {

    /** Float operands: exactly {@code Math.fma(float, float, float)}, specials included. */
    @Test
    void floatFmaOfFloatsIsTheJdksFloatFma() {
        SplittableRandom rnd = new SplittableRandom(41);
        float[] specials = {0f, -0f, 1f, -1f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY};
        for (float a : specials) {
            for (float b : specials) {
                for (float c : specials) {
                    assertSameDouble(Math.fma(a, b, c), OpValues.floatFma(a, b, c), a + "·" + b + " + " + c);
                }
            }
        }
        for (int i = 0; i < 100_000; i++) {
            float a = (float) rnd.nextDouble(-1e3, 1e3);
            float b = (float) rnd.nextDouble(-1e3, 1e3);
            float c = (float) rnd.nextDouble(-1e6, 1e6);
            assertSameDouble(Math.fma(a, b, c), OpValues.floatFma(a, b, c), a + "·" + b + " + " + c);
            assertSameDouble(Math.fma(a, b, c), OpValues.apply(Op.FMA, true, false, a, b, c), "apply");
            assertSameDouble(Math.fma(a, b, c), OpValues.apply(Op.FMA, true, true, a, b, c), "apply, strict");
        }
    }

    /** Double operands (generated graphs): the exact a·b + c rounded once to float. */
    @Test
    void floatFmaOfDoublesRoundsTheExactSumOnce() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            double a = rnd.nextDouble(-10, 10);
            double b = rnd.nextDouble(-10, 10);
            double c = rnd.nextDouble(-100, 100);
            float exact = new BigDecimal(a).multiply(new BigDecimal(b)).add(new BigDecimal(c)).floatValue();
            assertSameDouble(exact, OpValues.floatFma(a, b, c), a + "·" + b + " + " + c);
        }
        assertSameDouble(-0.0, OpValues.floatFma(0.0, -0.1, -0.0), "−0 + −0 is −0, as in IEEE arithmetic");
        assertSameDouble(0.0, OpValues.floatFma(0.1, 0.0, -0.0), "+0 + −0 is +0");
        assertSameDouble(Double.POSITIVE_INFINITY, OpValues.floatFma(1e200, 1e200, 0.1), "overflows the float range");
        assertSameDouble(Double.NaN, OpValues.floatFma(Double.POSITIVE_INFINITY, 0.1, Double.NEGATIVE_INFINITY), "∞ − ∞");
    }
}
