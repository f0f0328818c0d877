package io.crosscountry.analysis;

import static io.crosscountry.analysis.TestSupport.assertRefused;
import static io.crosscountry.analysis.TestSupport.assertSameDoubles;
import static io.crosscountry.analysis.TestSupport.guardsHold;
import static io.crosscountry.analysis.TestSupport.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CompiledJacobian;
import io.crosscountry.CrossCountry;
import io.crosscountry.Order;
import io.crosscountry.analysis.fixtures.Sorting;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code Arrays.sort} of differentiated values: the order at the example, pinned by one guard per
 * neighbouring pair, so the guards hold exactly where the sorting permutation is the same.
 */
class TracerSortTest {

    private static final Class<?> S = Sorting.class;

    /** The permutation that sorts {@code x} (ties by index). */
    private static int[] argsort(double[] x) {
        return IntStream.range(0, x.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> x[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    private static double[] random(SplittableRandom r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-3.0, 3.0);
        }
        return x;
    }

    @Test
    void guardsHoldExactlyWhereThePermutationIsTheSame() {
        SplittableRandom r = new SplittableRandom(17);
        for (int trial = 0; trial < 100; trial++) {
            double[] x = random(r, 5);
            Trace t = CrossCountry.trace(S, "sorted", (Object) x.clone());
            assertSameDoubles(run(S, "sorted", (Object) x), t.outputValues(), "sorted values");
            assertEquals(4, t.guards().size(), "one guard per neighbouring pair: " + t.guards());
            assertEquals(0, t.graph().numVertices() - 5, "sorting adds no vertex beyond the copies of the outputs");
            for (int probe = 0; probe < 50; probe++) {
                double[] y = probe % 2 == 0 ? random(r, 5) : x.clone();
                if (probe % 2 == 1) {                   // a small move: usually the same order
                    y[r.nextInt(5)] += r.nextDouble(-0.3, 0.3);
                }
                boolean same = Arrays.equals(argsort(x), argsort(y));
                assertEquals(same, guardsHold(t, y), Arrays.toString(x) + " vs " + Arrays.toString(y));
                if (same) {
                    assertSameDoubles(run(S, "sorted", (Object) y), GraphEvaluator.outputs(t.graph(), y), "on the path");
                }
            }
        }
    }

    @Test
    void theMediansJacobianPicksTheMiddleElement() {
        SplittableRandom r = new SplittableRandom(18);
        CompiledJacobian j = CrossCountry.jacobian(S, "median", Order.REV, (Object) random(r, 5));
        CompiledJacobian even = CrossCountry.jacobian(S, "median", Order.FWD, (Object) random(r, 4));
        for (int i = 0; i < 100; i++) {
            double[] x = random(r, 5);
            double[] expected = new double[5];
            expected[argsort(x)[2]] = 1.0;
            assertArrayEquals(expected, j.apply((Object) x)[0], 0.0, Arrays.toString(x));
            double[] y = random(r, 4);
            double[] half = new double[4];
            half[argsort(y)[1]] = 0.5;
            half[argsort(y)[2]] = 0.5;
            assertArrayEquals(half, even.apply((Object) y)[0], 0.0, Arrays.toString(y));
        }
        assertTrue(j.compiledPaths() > 5, "other orders retrace: " + j.compiledPaths());
    }

    @Test
    void floatsRangesAndConstants() {
        float[] f = {0.5f, -1.25f, 2f, 0.75f};
        Trace t = CrossCountry.trace(S, "sortedF", (Object) f.clone());
        assertSameDoubles(run(S, "sortedF", (Object) f), t.outputValues(), "sorted floats");
        double[] x = {2.0, 0.5, -1.0, 1.5};
        Trace range = CrossCountry.trace(S, "rangeSorted", (Object) x.clone());
        assertSameDoubles(run(S, "rangeSorted", (Object) x), range.outputValues(), "x[1..4) sorted");
        assertEquals(2, range.guards().size(), "x[0] stays out of the sort");
        Trace mixed = CrossCountry.trace(S, "amongConstants", 2.0, 0.25);
        assertSameDoubles(run(S, "amongConstants", 2.0, 0.25), mixed.outputValues(), "among constants");
        assertEquals(3, mixed.guards().size(), "0.25 < 1 < 2 < 3: every pair has a differentiated side");
        // J of s0 + 2 s1 + 3 s2 + 4 s3 with s = (1, 2, 3, 10) for x = 10, y = 2: x ranks 4th, y 2nd
        assertArrayEquals(new double[] {4.0, 2.0},
                CrossCountry.jacobian(S, "amongConstants", Order.REV, 2.0, 0.25).apply(10.0, 2.0)[0], 0.0);
    }

    @Test
    void tiesHoldOnlyWhileTheyAreTies() {
        double[] x = {1.5, 0.5, 1.5};
        Trace t = CrossCountry.trace(S, "sorted", (Object) x.clone());
        assertSameDoubles(run(S, "sorted", (Object) x), t.outputValues(), "tied values");
        assertTrue(guardsHold(t, new double[] {2.5, 0.5, 2.5}), "another tie of the same sign");
        assertTrue(!guardsHold(t, new double[] {1.5, 0.5, 1.75}), "the tie broken");
        assertTrue(!guardsHold(t, new double[] {0.0, -1.0, 0.0}), "a tie at zero is its own path");
    }

    @Test
    void nanAndZeroTiesAtTheExampleAreRefused() {
        assertRefused(S, "median", "([D)D", "INVOKESTATIC java/util/Arrays.sort", "@sort-median", "NaN",
                (Object) new double[] {1.0, Double.NaN, 0.5});
        assertRefused(S, "median", "([D)D", "INVOKESTATIC java/util/Arrays.sort", "@sort-median", "equal differentiated zeros",
                (Object) new double[] {0.0, -0.0, 0.5});
        assertRefused(S, "withNaN", "(D)D", "INVOKESTATIC java/util/Arrays.sort", "@sort-nan", "NaN", 0.5);
    }
}
