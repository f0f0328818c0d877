package io.crosscountry.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The generated direct primal call beyond the samples (each sample's is checked in {@link RuntimeSuiteTest}). */
class GeneratedPrimalCallTest {

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
