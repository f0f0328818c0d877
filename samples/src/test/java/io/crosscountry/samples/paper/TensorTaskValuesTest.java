package io.crosscountry.samples.paper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.Differentiable;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * Values of the five tensor tasks: each at its reference inputs against the benchmark
 * specification's check values (computed there in float32, hence relative tolerances of 1e-5),
 * the Greeks against central differences of the price, and the reference inputs against the JAX
 * random draws they stand for.
 */
class TensorTaskValuesTest {

    /** Relative tolerance for comparisons with the specification's float32 check values. */
    private static final double SPEC_TOL = 1e-5;

    @Test
    void roeFlux3d_matches_the_spec_check_values() {
        Object[] a = RoeFlux3d.exampleArgs();
        double[] phi = RoeFlux3d.roeFlux((double) a[0], (double[]) a[1], (double) a[2], (double) a[3],
                (double[]) a[4], (double) a[5]);
        assertClose(new double[] {0.21035519, 0.20000002, 0.3, 0.8, 0.5999999}, phi, SPEC_TOL);
    }

    @Test
    void functionF_matches_the_spec_check_values() {
        Object[] a = FunctionF.exampleArgs();
        double[] out = FunctionF.f((double[]) a[0], (double[]) a[1], (double[]) a[2], (double[]) a[3]);
        assertEquals(24, out.length);
        // v74 (1,4), v65, v67 (2,), v69, then v73 (4,4) of which the spec quotes [0,0]
        double[] expected = {0.06098087, 1.4717829, 0.6101991, 0.90168184, 4.5975556, -8.654869, -9.795126,
            -2.5363111, 0.03998443};
        double[] head = new double[expected.length];
        System.arraycopy(out, 0, head, 0, head.length);
        assertClose(expected, head, SPEC_TOL);
        for (double v : out) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void mlp_matches_the_spec_check_value() {
        assertClose(new double[] {3.7347841}, new double[] {mlp(Mlp.exampleArgs())}, SPEC_TOL);
    }

    /**
     * Away from the degenerate reference point (γ = 0 makes the normalised layer constant), the
     * Java loss equals an independent NumPy float64 implementation of the specification written
     * with whole-array operations: x = (0.3, −1.2, 0.8, 0.1), γ = 0.7, β = −0.3.
     */
    @Test
    void mlp_equals_a_vectorised_reimplementation_at_nonzero_gamma() {
        Object[] a = Mlp.exampleArgs();
        a[0] = new double[] {0.3, -1.2, 0.8, 0.1};
        a[6] = 0.7;
        a[7] = -0.3;
        assertEquals(5.560728596232552, mlp(a), 1e-12);
    }

    @Test
    void encoder_matches_the_spec_check_values() {
        assertClose(new double[] {-2.2139146, 1.627775}, encoder(Encoder.exampleArgs()), SPEC_TOL);
    }

    /**
     * With x = ones the first block is degenerate (identical columns, uniform attention, zero
     * variance), so the reference point cannot show the layer norm's last-axis broadcast. Here x is
     * a fixed non-constant matrix and γ, β are non-trivial; the expected values come from an
     * independent NumPy float64 implementation using NumPy broadcasting as JAX does. A per-row
     * layer norm would give (−5.1193520, 1.4306477) instead.
     */
    @Test
    void encoder_keeps_the_last_axis_layer_norm_quirk() {
        Object[] a = Encoder.exampleArgs();
        a[0] = new double[] {0.3, -1.2, 0.8, 0.1, 0.5, 0.9, -0.4, -0.7, 1.1, 0.2, -0.6, 0.4, -0.3, 0.6, 0.05, -1.0};
        a[12] = 0.8;
        a[13] = -0.1;
        a[14] = 1.2;
        a[15] = 0.3;
        assertArrayEquals(new double[] {-5.378206165630448, 1.8015471918870793}, encoder(a), 1e-11);
    }

    @Test
    void blackScholes_price_matches_the_spec_and_the_closed_form() {
        assertClose(new double[] {0.67881805}, new double[] {BlackScholes.price(1, 1, 1, 1, 1)}, SPEC_TOL);
        SplittableRandom rnd = new SplittableRandom(20240605L); // fixed seed: reproducible draws
        for (int i = 0; i < 20; i++) {
            double[] p = randomMarket(rnd);
            double s = p[0];
            double k = p[1];
            double r = p[2];
            double sigma = p[3];
            double t = p[4];
            double d1 = (Math.log(s / k) + (r + sigma * sigma / 2) * t) / (sigma * Math.sqrt(t));
            double d2 = d1 - sigma * Math.sqrt(t);
            double closed = s * normalCdf(d1) - k * Math.exp(-r * t) * normalCdf(d2);
            assertEquals(closed, BlackScholes.price(s, k, r, sigma, t), 1e-12 * Math.max(1, closed));
        }
    }

    @Test
    void greeks_match_the_spec_check_values() {
        assertClose(new double[] {0.93319279, -0.25437483, 0.25437474, 0.1295176, 0.31913352},
                BlackScholes.greeks(1, 1, 1, 1, 1), SPEC_TOL);
    }

    @Test
    void greeks_equal_central_differences_of_the_price() {
        SplittableRandom rnd = new SplittableRandom(1234L); // fixed seed: reproducible draws
        for (int i = 0; i < 20; i++) {
            double[] p = randomMarket(rnd);
            double[] g = BlackScholes.greeks(p[0], p[1], p[2], p[3], p[4]);
            for (int j = 0; j < 5; j++) {
                double h = 1e-5 * Math.max(1, Math.abs(p[j]));
                double[] up = p.clone();
                double[] down = p.clone();
                up[j] += h;
                down[j] -= h;
                double fd = (BlackScholes.price(up[0], up[1], up[2], up[3], up[4])
                        - BlackScholes.price(down[0], down[1], down[2], down[3], down[4])) / (2 * h);
                assertEquals(fd, g[j], 1e-6 * Math.max(1, Math.abs(fd)), "input " + j + " at draw " + i);
            }
        }
    }

    /** Every task's reference arguments fit its registered method (the registry calls it reflectively). */
    @Test
    void example_arguments_fit_the_differentiable_methods() throws Exception {
        check(RoeFlux3d.class, "roeFlux", RoeFlux3d.exampleArgs(), 10, 5);
        check(FunctionF.class, "f", FunctionF.exampleArgs(), 30, 24);
        check(Mlp.class, "loss", Mlp.exampleArgs(), 86, 1);
        check(Encoder.class, "loss", Encoder.exampleArgs(), 154, 2);
        check(BlackScholes.class, "greeks", BlackScholes.exampleArgs(), 5, 5);
        check(BlackScholes.class, "price", BlackScholes.exampleArgs(), 5, 1);
    }

    /** f's reference inputs are the spec's uniform(PRNGKey(250197), shape) values. */
    @Test
    void functionF_inputs_are_the_jax_uniform_draws() {
        long[] key = JaxRandom.key(250197);
        Object[] a = FunctionF.exampleArgs();
        assertArrayEquals(JaxRandom.uniform(key, 4), (double[]) a[0], 1e-8);
        assertArrayEquals(JaxRandom.uniform(key, 6), (double[]) a[1], 1e-8);
        assertArrayEquals(JaxRandom.uniform(key, 16), (double[]) a[2], 1e-8);
        assertArrayEquals(JaxRandom.uniform(key, 4), (double[]) a[3], 1e-8);
    }

    /** The MLP's weights are the JAX normal draws of the spec's key schedule (to 1 float32 ulp). */
    @Test
    void mlp_inputs_are_the_jax_normal_draws() {
        long[] key = JaxRandom.key(1234);
        long[][] k1 = JaxRandom.split(key, 3);
        long[][] k2 = JaxRandom.split(k1[2], 3);
        Object[] a = Mlp.exampleArgs();
        assertArrayEquals(new double[] {1, 1, 1, 1}, (double[]) a[0]);
        assertArrayEquals(JaxRandom.normal(key, 4), (double[]) a[1], 1e-6);
        assertArrayEquals(JaxRandom.normal(k1[0], 32), (double[]) a[2], 1e-6);
        assertArrayEquals(JaxRandom.normal(k1[1], 8), (double[]) a[3], 1e-6);
        assertArrayEquals(JaxRandom.normal(k2[0], 32), (double[]) a[4], 1e-6);
        assertArrayEquals(JaxRandom.normal(k2[1], 4), (double[]) a[5], 1e-6);
    }

    /** The Encoder's weights are the JAX normal draws of the spec's key schedule (to 1 float32 ulp). */
    @Test
    void encoder_inputs_are_the_jax_normal_draws() {
        long[] key = JaxRandom.key(250197);
        long[][] s1 = JaxRandom.split(key, 4);
        long[][] s2 = JaxRandom.split(s1[3], 4);
        long[][] s3 = JaxRandom.split(s2[3], 4);
        Object[] a = Encoder.exampleArgs();
        double[] ones = new double[16];
        java.util.Arrays.fill(ones, 1.0);
        assertArrayEquals(ones, (double[]) a[0]);
        assertArrayEquals(JaxRandom.normal(key, 8), (double[]) a[1], 1e-6);
        assertArrayEquals(JaxRandom.normal(s1[0], 16), (double[]) a[2], 1e-6); // WQ1
        assertArrayEquals(JaxRandom.normal(s2[0], 16), (double[]) a[3], 1e-6); // WQ2
        assertArrayEquals(JaxRandom.normal(s1[1], 16), (double[]) a[4], 1e-6); // WK1
        assertArrayEquals(JaxRandom.normal(s2[1], 16), (double[]) a[5], 1e-6); // WK2
        assertArrayEquals(JaxRandom.normal(s1[2], 16), (double[]) a[6], 1e-6); // WV1
        assertArrayEquals(JaxRandom.normal(s2[2], 16), (double[]) a[7], 1e-6); // WV2
        assertArrayEquals(JaxRandom.normal(s3[0], 16), (double[]) a[8], 1e-6); // W1
        assertArrayEquals(JaxRandom.normal(s3[1], 8), (double[]) a[9], 1e-6); // W2
        assertArrayEquals(JaxRandom.normal(s3[2], 4), (double[]) a[10], 1e-6); // b1
        assertArrayEquals(JaxRandom.normal(s3[3], 2), (double[]) a[11], 1e-6); // b2
    }

    private static double mlp(Object[] a) {
        return Mlp.loss((double[]) a[0], (double[]) a[1], (double[]) a[2], (double[]) a[3], (double[]) a[4],
                (double[]) a[5], (double) a[6], (double) a[7]);
    }

    private static double[] encoder(Object[] a) {
        return Encoder.loss((double[]) a[0], (double[]) a[1], (double[]) a[2], (double[]) a[3], (double[]) a[4],
                (double[]) a[5], (double[]) a[6], (double[]) a[7], (double[]) a[8], (double[]) a[9],
                (double[]) a[10], (double[]) a[11], (double) a[12], (double) a[13], (double) a[14],
                (double) a[15]);
    }

    /** (S, K, r, σ, T) in a range where every Greek is well away from zero. */
    private static double[] randomMarket(SplittableRandom rnd) {
        return new double[] {
            rnd.nextDouble(0.5, 2.0), rnd.nextDouble(0.5, 2.0), rnd.nextDouble(0.01, 0.1),
            rnd.nextDouble(0.1, 0.6), rnd.nextDouble(0.25, 2.0)};
    }

    private static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    private static void check(Class<?> owner, String name, Object[] args, int inputs, int outputs)
            throws Exception {
        Method method = null;
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(name)) {
                method = m;
            }
        }
        assertNotNull(method, owner.getSimpleName() + "." + name);
        assertNotNull(method.getAnnotation(Differentiable.class), name + " is @Differentiable");
        int count = 0;
        for (Object o : args) {
            count += o instanceof double[] d ? d.length : 1;
        }
        assertEquals(inputs, count, "scalar inputs of " + name);
        Object result = method.invoke(null, args);
        assertEquals(outputs, result instanceof double[] d ? d.length : 1, "outputs of " + name);
    }

    private static void assertClose(double[] expected, double[] actual, double rel) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * Math.max(1e-3, Math.abs(expected[i])), "component " + i);
        }
    }

    /**
     * {@code jax.random} as JAX ≥ 0.5 computes it by default (threefry-2x32, partitionable mode):
     * a key is two 32-bit words, {@code PRNGKey(seed)} = (0, seed); split i and the random bits of
     * element i come from threefry applied to the counter (0, i), the bits being the XOR of its two
     * output words. Values are float32 as in JAX, widened to double.
     */
    static final class JaxRandom {

        private static final int[][] ROTATIONS = {{13, 15, 26, 6}, {17, 29, 16, 24}};

        private JaxRandom() {
        }

        static long[] key(int seed) {
            return new long[] {0, seed};
        }

        static long[][] split(long[] key, int n) {
            long[][] keys = new long[n][];
            for (int i = 0; i < n; i++) {
                int[] w = threefry((int) key[0], (int) key[1], 0, i);
                keys[i] = new long[] {w[0] & 0xFFFFFFFFL, w[1] & 0xFFFFFFFFL};
            }
            return keys;
        }

        static double[] uniform(long[] key, int n) {
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = unitFloat(key, i);
            }
            return u;
        }

        static double[] normal(long[] key, int n) {
            float lo = Math.nextUp(-1f);
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                float u = Math.max(lo, unitFloat(key, i) * (1f - lo) + lo);
                z[i] = (float) Math.sqrt(2) * (float) Erf.erfInv(u);
            }
            return z;
        }

        /** A float in [0, 1) from the top 23 random bits, as {@code jax.random.uniform}. */
        private static float unitFloat(long[] key, int i) {
            int[] w = threefry((int) key[0], (int) key[1], 0, i);
            int bits = w[0] ^ w[1];
            return Float.intBitsToFloat((bits >>> 9) | 0x3F800000) - 1f;
        }

        /** Threefry-2x32 with 20 rounds. */
        private static int[] threefry(int k0, int k1, int x0, int x1) {
            int[] ks = {k0, k1, k0 ^ k1 ^ 0x1BD11BDA};
            x0 += ks[0];
            x1 += ks[1];
            for (int g = 0; g < 5; g++) {
                for (int r : ROTATIONS[g % 2]) {
                    x0 += x1;
                    x1 = Integer.rotateLeft(x1, r);
                    x1 ^= x0;
                }
                x0 += ks[(g + 1) % 3];
                x1 += ks[(g + 2) % 3] + g + 1;
            }
            return new int[] {x0, x1};
        }
    }
}
