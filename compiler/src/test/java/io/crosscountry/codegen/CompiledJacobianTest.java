package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CompiledJacobian;
import io.crosscountry.CrossCountry;
import io.crosscountry.Order;
import io.crosscountry.analysis.fixtures.Structure;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.InvalidOrderException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The public API: {@code CrossCountry.jacobian}, {@link Order}, {@link CompiledJacobian}. */
class CompiledJacobianTest {

    /** The README's example. */
    static double[] arm(double t1, double t2) {
        return new double[] {Math.cos(t1) + Math.cos(t1 + t2), Math.sin(t1) + Math.sin(t1 + t2)};
    }

    @Test
    void readmeExample() {
        CompiledJacobian j = CrossCountry.jacobian(CompiledJacobianTest.class, "arm", Order.AUTO, 0.3, 1.1);
        assertEquals(2, j.numInputs());
        assertEquals(2, j.numOutputs());
        double t1 = 0.7;
        double t2 = -0.4;
        double[][] expected = {
            {-Math.sin(t1) - Math.sin(t1 + t2), -Math.sin(t1 + t2)},
            {Math.cos(t1) + Math.cos(t1 + t2), Math.cos(t1 + t2)}};
        double[][] actual = j.apply(t1, t2);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-15);
        }
    }

    @Test
    void ordersResolveOnTheGraph() {
        Graph g = CrossCountry.graph(Subjects.class, "trig", 0.5, 0.5);
        assertArrayEquals(g.forwardOrder(), jac(Order.FWD).order());
        assertArrayEquals(g.reverseOrder(), jac(Order.REV).order());
        assertArrayEquals(g.markowitzOrder(), jac(Order.MARKOWITZ).order());
        long best = List.of(g.forwardOrder(), g.reverseOrder(), g.markowitzOrder()).stream()
                .mapToLong(o -> g.cost(o, CostMode.EFFECTIVE)).min().orElseThrow();
        assertEquals(best, g.cost(jac(Order.AUTO).order(), CostMode.EFFECTIVE));
        int[] mine = Check.shuffled(g.eliminable(), new java.util.SplittableRandom(1));
        CompiledJacobian explicit = jac(Order.of(mine));
        assertArrayEquals(mine, explicit.order());
        assertEquals(g.fingerprint(), explicit.graph().fingerprint());
        double[][] a = explicit.apply(0.6, 0.4);
        double[][] b = jac(Order.REV).apply(0.6, 0.4);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(b[i], a[i], 1e-13);
        }
        assertThrows(InvalidOrderException.class, () -> jac(Order.of(1, 2)));
        CompiledJacobian optimized = jac(Order.OPTIMIZED);
        assertTrue(g.cost(optimized.order(), CostMode.EFFECTIVE) <= best, "the search never loses to the baselines");
        double[][] c = optimized.apply(0.6, 0.4);
        for (int i = 0; i < c.length; i++) {
            assertArrayEquals(b[i], c[i], 1e-13);
        }
        assertSame(Order.REV, Order.named("REV"));
        assertSame(Order.MARKOWITZ, Order.named("markowitz"));
        assertThrows(IllegalArgumentException.class, () -> Order.named("best"));
        assertEquals(Order.of(1, 2), Order.of(1, 2));
    }

    private static CompiledJacobian jac(Order order) {
        return CrossCountry.jacobian(Subjects.class, "trig", order, 0.5, 0.5);
    }

    @Test
    void applyIntoWritesEveryEntry() {
        CompiledJacobian j = CrossCountry.jacobian(Subjects.class, "copies", Order.REV, 0.5, 2.0);
        double[][] jac = JacobianCompilerTest.filled(5, 2, Double.NaN);
        j.applyInto(jac, 3.0, 4.0);
        double[][] expected = {{1, 0}, {0, 0}, {4, 3}, {4, 3}, {0, 1}};
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], jac[i]);
            assertArrayEquals(expected[i], j.apply(3.0, 4.0)[i]);
        }
        CompiledJacobian zeros = CrossCountry.jacobian(Structure.class, "zeros", Order.FWD, 1.0, 3);
        double[][] z = JacobianCompilerTest.filled(3, 1, Double.NaN);
        zeros.applyInto(z, 2.0, 3);
        assertArrayEquals(new double[] {0, 0, 0}, new double[] {z[0][0], z[1][0], z[2][0]});
    }

    @Test
    void argumentsOfEveryKind() {
        CompiledJacobian f = CrossCountry.jacobian(Subjects.class, "floats", Order.REV, 1.5f, 0.5f, 2.0);
        Object[] args = {1.25f, 0.75f, -0.5};
        Graph g = f.graph();
        Check.assertMatchesDuals(f.apply(args), DualNumbers.jacobian(g, Check.flatten(args)), "floats");
        double[][] m = {{0.1, 0.2, 0.3}, {-0.4, 0.5, 0.6}};
        CompiledJacobian mat = CrossCountry.jacobian(Subjects.class, "matrix", Order.MARKOWITZ, m, new double[] {1, 2, 3});
        assertEquals(9, mat.numInputs());
        assertEquals(2, mat.numOutputs());
        Object[] margs = {new double[][] {{0.3, -0.2, 0.1}, {0.4, 0.5, -0.6}}, new double[] {0.5, -1.0, 2.0}};
        Check.assertMatchesDuals(mat.apply(margs), DualNumbers.jacobian(mat.graph(), Check.flatten(margs)), "matrix");
    }

    /** float[][] parameters: flattened row by row, shapes checked, other branch paths retraced. */
    @Test
    void floatMatrixArguments() {
        float[][] example = {{0.1f, 0.7f, 0.3f}, {-0.4f, 0.5f, -0.6f}};
        CompiledJacobian j = CrossCountry.jacobian(Subjects.class, "floatRowMax", Order.REV, (Object) example);
        assertEquals(6, j.numInputs());
        assertArrayEquals(new double[] {0, 2, 0, 0, 0, 0}, j.apply((Object) example)[0]);
        float[][] other = {{0.9f, 0.7f, 0.3f}, {-0.4f, 0.5f, 0.6f}};      // other maxima: a retrace
        double[][] jac = j.apply((Object) other);
        assertArrayEquals(new double[] {2, 0, 0, 0, 0, 0}, jac[0]);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 2}, jac[1]);
        assertEquals(2, j.compiledPaths());
        assertSameMatrix(jac, j.applyFlat(new double[] {0.9, 0.7, 0.3, -0.4, 0.5, 0.6}));
        CompiledJacobian outer = CrossCountry.jacobian(Subjects.class, "floatOuter", Order.FWD, new float[] {0.5f, -1f},
                new float[] {0.25f, 2f, -0.5f});
        Object[] args = {new float[] {1.5f, 0.5f}, new float[] {-0.5f, 1f, 0.75f}};
        Check.assertMatchesDuals(outer.apply(args), DualNumbers.jacobian(outer.graph(), Check.flatten(args)), "floatOuter");
        assertEquals(6, outer.numOutputs());
        assertThrows(IllegalArgumentException.class, () -> j.apply((Object) new float[][] {{1f, 2f, 3f}, {1f, 2f}}));
        assertThrows(IllegalArgumentException.class, () -> j.apply((Object) new double[][] {{1, 2, 3}, {1, 2, 3}}));
        assertThrows(IllegalArgumentException.class, () -> j.apply((Object) new float[][] {{1f, 2f, 3f}, null}));
    }

    @Test
    void flatInputsGiveTheSameJacobianAsArguments() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        CompiledJacobian mat = CrossCountry.jacobian(Subjects.class, "matrix", Order.MARKOWITZ, new double[2][3], new double[3]);
        CompiledJacobian loop = CrossCountry.jacobian(Subjects.class, "loop", Order.REV, new double[] {0.1, 0.2, 0.3}, 5);
        CompiledJacobian floats = CrossCountry.jacobian(Subjects.class, "floats", Order.FWD, 1.5f, 0.5f, 2.0);
        for (int trial = 0; trial < 20; trial++) {
            double[][] m = {{random.nextDouble(-1, 1), random.nextDouble(-1, 1), random.nextDouble(-1, 1)},
                {random.nextDouble(-1, 1), random.nextDouble(-1, 1), random.nextDouble(-1, 1)}};
            double[] v = {random.nextDouble(-2, 2), random.nextDouble(-2, 2), random.nextDouble(-2, 2)};
            assertSameMatrix(mat.apply(m, v), mat.applyFlat(Check.flatten(new Object[] {m, v})));
            double[] x = {random.nextDouble(-1, 1), random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
            assertSameMatrix(loop.apply(x, 5), loop.applyFlat(x));
            float a = (float) random.nextDouble(0.5, 2);
            float b = (float) random.nextDouble(0.5, 2);
            double c = random.nextDouble(-1, 1);
            assertSameMatrix(floats.apply(a, b, c), floats.applyFlat(new double[] {a, b, c}));
            double unrounded = a + 1e-9;                   // a float parameter's input is rounded like applyInto's
            assertSameMatrix(floats.apply((float) unrounded, b, c), floats.applyFlat(new double[] {unrounded, b, c}));
        }
        assertThrows(IllegalArgumentException.class, () -> loop.applyFlat(new double[2]));
        assertThrows(IllegalArgumentException.class, () -> loop.applyFlat(null));
        assertThrows(IllegalArgumentException.class, () -> loop.applyFlatInto(new double[5][2], new double[3]));
    }

    private static void assertSameMatrix(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i]);
        }
    }

    @Test
    void wrongShapesAreRefused() {
        CompiledJacobian loop = CrossCountry.jacobian(Subjects.class, "loop", Order.REV, new double[] {0.1, 0.2, 0.3}, 5);
        assertEquals(5, loop.apply(new double[] {0.3, 0.2, 0.1}, 5).length);
        assertThrows(IllegalArgumentException.class, () -> loop.apply(new double[] {0.3, 0.2}, 5));
        assertThrows(IllegalArgumentException.class, () -> loop.apply(new double[] {0.3, 0.2, 0.1}, 4));
        assertThrows(IllegalArgumentException.class, () -> loop.apply(new double[] {0.3, 0.2, 0.1}));
        assertThrows(IllegalArgumentException.class, () -> loop.apply("x", 5));
        assertThrows(IllegalArgumentException.class, () -> loop.applyInto(new double[4][3], new double[] {0.3, 0.2, 0.1}, 5));
        assertThrows(IllegalArgumentException.class, () -> loop.applyInto(new double[5][2], new double[] {0.3, 0.2, 0.1}, 5));
        CompiledJacobian mat = CrossCountry.jacobian(Subjects.class, "matrix", Order.REV, new double[2][3], new double[3]);
        assertThrows(IllegalArgumentException.class, () -> mat.apply(new double[][] {{1, 2, 3}, {1, 2}}, new double[3]));
        CompiledJacobian choose = CrossCountry.jacobian(Structure.class, "choose", Order.REV, 1.0, 2.0, true);
        assertArrayEquals(new double[] {3.0, 2.0}, choose.apply(2.0, 3.0, true)[0]);
        assertThrows(IllegalArgumentException.class, () -> choose.apply(2.0, 3.0, false));
    }

    @Test
    void retracingViewsShareTheCache() {
        CompiledJacobian j = CrossCountry.jacobian(Subjects.class, "guarded", Order.AUTO, 2.0, 1.0);
        CompiledJacobian strict = j.withRetracing(false);
        assertNotSame(j, strict);
        assertSame(j, j.withRetracing(true));
        j.apply(0.5, 1.5);
        assertArrayEquals(new double[] {1.0 + Math.cos(0.5), -1.0}, strict.apply(0.5, 1.5)[0]);
    }

    @Test
    void applyIntoDoesNotAllocate() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CompiledJacobian j = CrossCountry.jacobian(Subjects.class, "trig", Order.AUTO, 0.5, 0.5);
        double[][] jac = new double[1][2];
        Object[] args = {0.6, 0.4};
        for (int i = 0; i < 20_000; i++) {
            j.applyInto(jac, args);
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            j.applyInto(jac, args);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1024, "10,000 calls allocated " + allocated + " bytes");
        double[] x = {0.6, 0.4};
        for (int i = 0; i < 20_000; i++) {
            j.applyFlatInto(jac, x);
        }
        before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            j.applyFlatInto(jac, x);
        }
        allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1024, "10,000 flat calls allocated " + allocated + " bytes");
    }

    @Test
    void threadsComputeTheSame() throws Exception {
        CompiledJacobian j = CrossCountry.jacobian(Subjects.class, "loop", Order.MARKOWITZ, new double[] {0.1, 0.2, 0.3}, 6);
        double[][] expected = j.apply(new double[] {0.3, -0.2, 0.1}, 6);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][]>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    double[][] r = null;
                    for (int i = 0; i < 500; i++) {
                        r = j.apply(new double[] {0.3, -0.2, 0.1}, 6);
                    }
                    return r;
                }));
            }
            for (Future<double[][]> f : results) {
                double[][] r = f.get();
                for (int i = 0; i < expected.length; i++) {
                    assertArrayEquals(expected[i], r[i]);
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
