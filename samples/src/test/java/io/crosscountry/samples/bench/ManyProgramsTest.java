package io.crosscountry.samples.bench;

import static io.crosscountry.elimination.Operand.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.samples.baselines.DualNumbers;
import io.crosscountry.samples.baselines.Program;
import org.junit.jupiter.api.Test;

/** {@code bench --many}: random programs against dual numbers, with a tolerance for cancellation noise. */
class ManyProgramsTest {

    @Test
    void randomProgramsHaveNoMismatches() {
        ManyPrograms.Result r = ManyPrograms.run(150, 1, done -> { });
        assertEquals(600, r.jacobians());
        assertEquals(0, r.mismatches(), r.examples().toString());
    }

    /**
     * Seed 3107's program has ∂/∂y of atan2(y, x) with x and y the same value on two paths: the dual
     * numbers give exactly 0, a random order 2e-14 (the two products' rounding) — noise on the scale of
     * the products, no longer a mismatch.
     */
    @Test
    void cancellingProductsMayLeaveRoundingNoise() {
        ManyPrograms.Result r = ManyPrograms.run(1, 3107, done -> { });
        assertEquals(0, r.mismatches(), r.examples().toString());
    }

    @Test
    void magnitudesSumTheAbsoluteProducts() {
        Graph.Builder b = Graph.builder(1);
        b.add(Op.ATAN2, input(0), input(0));                   // ∂ = x/(2x²) - x/(2x²) = 0
        Graph g = b.outputs(new int[] {1}).build();
        DualNumbers duals = new DualNumbers(Program.compile(g));
        double x = 0.37;
        double[][] m = new double[1][1];
        duals.magnitudes(new double[] {x}, m);
        double[][] j = new double[1][1];
        duals.jacobian(new double[] {x}, j);
        assertEquals(0.0, j[0][0], 0.0);
        assertEquals(1 / x, m[0][0], 1e-15);
        double[] outputs = {duals.outputValue(0)};
        double[][] noise = {{2e-14}};
        double[][] wrong = {{1e-9}};
        assertTrue(JacobianCheck.compare(j, noise, outputs, 1e-12, 1e-3, 1e-14, null).isPresent(),
                "without magnitudes, noise next to an exact 0 is a mismatch");
        assertTrue(JacobianCheck.compare(j, noise, outputs, 1e-12, 1e-3, 1e-14, null, m).isEmpty(),
                "noise on the products' scale is accepted");
        assertTrue(JacobianCheck.compare(j, wrong, outputs, 1e-12, 1e-3, 1e-14, null, m).isPresent(),
                "a real error is still one");
    }
}
