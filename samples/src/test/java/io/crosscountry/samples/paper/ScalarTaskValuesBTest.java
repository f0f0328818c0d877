package io.crosscountry.samples.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Numeric checks of PropaneCombustion and g against the "Check values" of
 * {@code shared/benchmarks/TASKS.md} (sections 7 and 10). The spec's values were computed by JAX in
 * float32, so they are compared with a relative tolerance of 1e-5.
 */
class ScalarTaskValuesBTest {

    private static final double F32_REL = 1e-5;

    private static double[] doubles(Object[] boxed) {
        double[] d = new double[boxed.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (Double) boxed[i];
        }
        return d;
    }

    private static void assertClose(double expected, double actual, double rel, String what) {
        double tol = rel * Math.max(Math.abs(expected), 1e-2);
        assertEquals(expected, actual, tol, what);
    }

    private static double[] propane(double[] x) {
        return PropaneCombustion.residuals(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10]);
    }

    private static double[] g(double[] v) {
        return FunctionG.g(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
                v[14]);
    }

    @Test
    void propaneExampleArgsAreTheReferenceInputs() {
        double[] x = doubles(PropaneCombustion.exampleArgs());
        assertEquals(11, x.length);
        for (double xi : x) {
            assertEquals(0.15, xi);
        }
    }

    @Test
    void propaneMatchesTheSpecCheckValues() {
        double[] expected = {-2.7, -8.65, -7.1, -39.55, 0, -0.79868329, -0.7986834, -5.85, -0.30932873, -0.87750012,
            -1.35};
        double[] f = propane(doubles(PropaneCombustion.exampleArgs()));
        assertEquals(11, f.length);
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], f[i], F32_REL, "f" + (i + 1));
        }
        // f5 = x2·x4 − x1·x5 is exactly zero when all inputs are equal
        assertEquals(0.0, f[4]);
    }

    @Test
    void propaneMatchesItsMathematicsAtOtherInputs() {
        double[] x = {0.3, 1.7, 0.45, 2.2, 0.9, 1.1, 0.6, 0.35, 1.4, 0.8, 2.5};
        double x1 = x[0], x2 = x[1], x3 = x[2], x4 = x[3], x5 = x[4], x6 = x[5];
        double x7 = x[6], x8 = x[7], x9 = x[8], x10 = x[9], x11 = x[10];
        double p = 40, r = 10, q = Math.sqrt(p / x11);
        double sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += x[i];
        }
        double[] expected = {
            x1 + x4 - 3,
            2 * x1 + x2 + x4 + x7 + x8 + x9 + 2 * x10 - r,
            2 * x2 + 2 * x5 + x6 + x7 - 8,
            2 * x3 + x9 - 4 * r,
            x2 * x4 - x1 * x5,
            Math.sqrt(x2 * x4) - Math.sqrt(x1) * x6 * q,
            Math.sqrt(x1 * x2) - Math.sqrt(x4) * x7 * q,
            x1 - p * x4 * x8 / x11,
            x1 * Math.sqrt(x3) - x4 * x9 * q,
            Math.pow(x1, 2) - p * Math.pow(x4, 2) * x10 / x11,
            x11 - sum,
        };
        double[] f = propane(x);
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], f[i], 1e-12, "f" + (i + 1));
        }
    }

    @Test
    void gAtTheReferenceInputsShowsTheSpecNanQuirk() {
        double[] v = doubles(FunctionG.referenceArgs());
        assertEquals(15, v.length);
        assertTrue(Arrays.stream(v).allMatch(vi -> vi == 0.15));
        double[] out = g(v);
        assertEquals(20, out.length);
        // outputs 3, 4, 7, 8, 15 (1-based) are finite, with the spec's float32 values
        assertClose(0.0225, out[2], F32_REL, "output 3");
        assertClose(0.14944312, out[3], F32_REL, "output 4");
        assertClose(2.0392528, out[6], F32_REL, "output 7");
        assertClose(1.6626214, out[7], F32_REL, "output 8");
        assertClose(2.0346663, out[14], F32_REL, "output 15");
        // output 13 is +inf, every other one NaN
        assertEquals(Double.POSITIVE_INFINITY, out[12], "output 13");
        Set<Integer> finiteOrInf = Set.of(3, 4, 7, 8, 13, 15);
        for (int i = 1; i <= 20; i++) {
            if (!finiteOrInf.contains(i)) {
                assertTrue(Double.isNaN(out[i - 1]), "output " + i + " should be NaN but is " + out[i - 1]);
            }
        }
    }

    @Test
    void gIsFiniteAtTheExampleInputs() {
        double[] v = doubles(FunctionG.exampleArgs());
        assertEquals(15, v.length);
        double[] out = g(v);
        // an independent double-precision evaluation of the spec's listing at the same inputs
        double[] expected = {
            0.7831390141534039, 0.5484998252137059, 0.96, 1.3979983651114343, 1.4337295184740606,
            2.553467822511308, 2.593083034225686, 0.3324270715695423, 0.2564965383573824, -0.5102846162887277,
            0.7691947143564197, -0.34064659883063897, -27.547279511371098, 2.008523592551504,
            -0.6570641543088309, 1.8899697641151798, 1.0307137264825434, 0.622265004050559,
            0.19845248755024894, 0.2763937273501175,
        };
        assertEquals(20, out.length);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Double.isFinite(out[i]), "output " + (i + 1));
            assertClose(expected[i], out[i], 1e-12, "output " + (i + 1));
        }
    }
}
