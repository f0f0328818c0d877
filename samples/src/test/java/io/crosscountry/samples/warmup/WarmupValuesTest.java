package io.crosscountry.samples.warmup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Checks each warm-up task ({@code shared/benchmarks/TASKS.md}, section 2) against its closed-form
 * mathematics, written here in a different but equivalent form, at non-trivial inputs.
 */
class WarmupValuesTest {

    private static final double REL = 1e-12;

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, REL * Math.max(1.0, Math.abs(expected)), what);
    }

    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], "output " + (i + 1));
        }
    }

    @Test
    void simple() {
        for (double[] xy : new double[][] {{0.5, 1.5}, {-1.2, -0.4}, {2.0, 1.3}}) {
            double x = xy[0], y = xy[1];
            double s = Math.sin(x * y);
            assertTrue(s > 0);
            assertClose(new double[] {s + x * y, Math.log(s)}, Simple.simple(x, y));
        }
    }

    @Test
    void simpleAtTheReferenceInputsHasNanLog() {
        assertArrayEquals(new Object[] {5.0, 7.0}, Simple.exampleArgs());
        double[] out = Simple.simple(5.0, 7.0);
        assertClose(Math.sin(35.0) + 35.0, out[0], "output 1");
        assertTrue(Double.isNaN(out[1]), "sin 35 < 0, so log(sin 35) is NaN");
    }

    @Test
    void lighthouse() {
        assertArrayEquals(new Object[] {0.02, 0.02, 0.02, 0.02}, Lighthouse.exampleArgs());
        for (double[] a : new double[][] {{0.02, 0.02, 0.02, 0.02}, {1.3, 2.1, 0.7, 0.9}, {-0.5, 0.3, 1.4, -0.2}}) {
            double nu = a[0], gamma = a[1], omega = a[2], t = a[3];
            double s = Math.sin(omega * t), c = Math.cos(omega * t);
            double y1 = nu * s / (gamma * c - s);
            assertClose(new double[] {y1, gamma * y1}, Lighthouse.lighthouse(nu, gamma, omega, t));
        }
    }

    @Test
    void hole() {
        assertArrayEquals(new Object[] {1.0, 2.0, 3.0, 4.0}, Hole.exampleArgs());
        for (double[] a : new double[][] {{1, 2, 3, 4}, {-0.3, 0.7, 1.1, -2.0}}) {
            double x = a[0], y = a[1], z = a[2], w = a[3];
            double d = Math.cos(x + y * z);
            double e = Math.exp(w + y * z);
            assertClose(new double[] {d - e, d * Math.exp(-w - y * z), d * e}, Hole.hole(x, y, z, w));
        }
    }

    @Test
    void helmholtz() {
        double[][] inputs = {{0.05, 0.15, 0.25, 0.35}, {0.05, 0.15, 0.15, 0.2}, {0.3, 0.1, 0.2}};
        for (double[] x : inputs) {
            double sum = 0;
            for (double xi : x) {
                sum += xi;
            }
            double[] expected = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                expected[i] = x[i] * (Math.log(x[i]) - Math.log1p(-sum));
            }
            assertClose(expected, Helmholtz.helmholtz(x.clone()));
        }
    }

    @Test
    void helmholtzExampleArgsAreFreshReferenceInputs() {
        Object[] a = Helmholtz.exampleArgs();
        Object[] b = Helmholtz.exampleArgs();
        assertEquals(1, a.length);
        assertArrayEquals(new double[] {0.05, 0.15, 0.25, 0.35}, (double[]) a[0]);
        assertNotSame(a[0], b[0]);
        double[] x = (double[]) a[0];
        Helmholtz.helmholtz(x);
        assertArrayEquals(new double[] {0.05, 0.15, 0.25, 0.35}, x, "the input is not modified");
    }
}
