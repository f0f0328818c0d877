package io.crosscountry.samples.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.samples.Sample;
import io.crosscountry.samples.Samples;
import io.crosscountry.samples.baselines.OriginalFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GeneratedPrimalCallTest {

    static Stream<String> tasks() {
        return Samples.names().stream();
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void the_generated_call_computes_what_the_method_does(String task) {
        Sample sample = Samples.get(task);
        OriginalFunction f = OriginalFunction.of(sample);
        double[] expected = new double[f.numOutputs()];
        f.evaluate(f.exampleInputs(), expected);
        double[] actual = new double[f.numOutputs()];
        Runnable call = GeneratedPrimalCall.of(sample.owner(), sample.method(), sample.args(), actual).orElseThrow();
        call.run();
        assertArrayEquals(expected, actual, 0.0, task);
        assertTrue(call.getClass().isHidden());
        assertEquals(sample.owner().getPackageName(), call.getClass().getPackageName());
    }

    @SuppressWarnings("unused")
    private static float narrow(float a, int n, long m, double[] x) {
        return a * n + m + (float) x[1];
    }

    @SuppressWarnings("unused")
    private static double flag(boolean b, double x) {
        return b ? x : -x;
    }

    @SuppressWarnings("unused")
    private static double[][] matrix(double x) {
        return new double[][] {{x}};
    }

    @Test
    void every_supported_parameter_kind_reaches_a_private_method() {
        double[] out = new double[1];
        Object[] args = {1.5f, 3, 7L, new double[] {0.25, 0.5}};
        GeneratedPrimalCall.of(GeneratedPrimalCallTest.class, "narrow", args, out).orElseThrow().run();
        assertEquals(narrow(1.5f, 3, 7L, new double[] {0.25, 0.5}), out[0], 0.0);
    }

    @Test
    void other_parameter_and_result_types_have_no_direct_call() {
        double[] out = new double[1];
        assertTrue(GeneratedPrimalCall.of(GeneratedPrimalCallTest.class, "flag", new Object[] {true, 1.0}, out).isEmpty());
        assertTrue(GeneratedPrimalCall.of(GeneratedPrimalCallTest.class, "matrix", new Object[] {1.0}, out).isEmpty());
        assertTrue(GeneratedPrimalCall.of(GeneratedPrimalCallTest.class, "missing", new Object[] {1.0}, out).isEmpty());
    }
}
