package io.crosscountry.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CrossCountry;
import io.crosscountry.analysis.GraphEvaluator;
import io.crosscountry.analysis.Trace;
import io.crosscountry.elimination.Graph;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample's graph computes exactly what the method computes: at the example arguments and at
 * randomly perturbed ones (same shapes, so the same graph), bit for bit.
 */
class SamplePrimalTest {

    static Stream<String> samples() {
        return Samples.names().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void graph_evaluates_to_the_methods_own_result(String name) throws Exception {
        Sample s = Samples.get(name);
        Trace trace = CrossCountry.trace(s.owner(), s.method(), s.args());
        Graph g = trace.graph();
        assertEquals(g.numInputs(), flatten(s.args()).length, "inputs are the flattened double arguments");
        assertBitwiseEqual(invoke(s, s.args()), trace.outputValues(), name + " traced values");

        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int trial = 0; trial < 5; trial++) {
            Object[] args = perturb(s.args(), random);
            double[] expected = invoke(s, args);
            double[] actual = GraphEvaluator.outputs(g, flatten(args));
            assertBitwiseEqual(expected, actual, name + " trial " + trial);
        }
    }

    static double[] invoke(Sample s, Object[] args) throws Exception {
        Method m = null;
        for (Method candidate : s.owner().getDeclaredMethods()) {
            if (candidate.getName().equals(s.method()) && candidate.getParameterCount() == args.length) {
                m = candidate;
            }
        }
        assertTrue(m != null, "method " + s.method());
        m.setAccessible(true);
        return flatten(new Object[] {m.invoke(null, args)});
    }

    /** Doubles and the elements of double arrays, in order. */
    static double[] flatten(Object[] values) {
        List<Double> out = new ArrayList<>();
        for (Object v : values) {
            flattenInto(v, out);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flattenInto(Object v, List<Double> out) {
        if (v instanceof Double || v instanceof Float) {
            out.add(((Number) v).doubleValue());
        } else if (v instanceof double[] a) {
            for (double x : a) {
                out.add(x);
            }
        } else if (v instanceof double[][] a) {
            for (double[] row : a) {
                flattenInto(row, out);
            }
        }
    }

    /** Multiplies every double by a random factor in [0.9, 1.1]; other arguments are kept. */
    static Object[] perturb(Object[] args, SplittableRandom random) {
        Object[] r = args.clone();
        for (int i = 0; i < r.length; i++) {
            if (r[i] instanceof Double d) {
                r[i] = d * random.nextDouble(0.9, 1.1);
            } else if (r[i] instanceof double[] a) {
                double[] b = a.clone();
                for (int k = 0; k < b.length; k++) {
                    b[k] *= random.nextDouble(0.9, 1.1);
                }
                r[i] = b;
            } else if (r[i] instanceof double[][] a) {
                double[][] b = new double[a.length][];
                for (int k = 0; k < a.length; k++) {
                    b[k] = (double[]) perturb(new Object[] {a[k]}, random)[0];
                }
                r[i] = b;
            }
        }
        return r;
    }

    private static void assertBitwiseEqual(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": number of outputs");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                    what + ": output " + i + " expected " + expected[i] + " but was " + actual[i]);
        }
    }
}
