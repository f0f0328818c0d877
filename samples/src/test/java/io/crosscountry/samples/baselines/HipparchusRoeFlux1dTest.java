package io.crosscountry.samples.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.crosscountry.samples.Samples;
import io.crosscountry.samples.paper.RoeFlux1d;
import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.Gradient;
import org.junit.jupiter.api.Test;

/** The hand-written Hipparchus RoeFlux_1d is the graph-driven one, bit for bit. */
class HipparchusRoeFlux1dTest {

    @Test
    void hand_written_gradient_equals_the_graph_driven_one_exactly() {
        GradientForward graphDriven = new GradientForward(Program.of(Samples.get("RoeFlux_1d")));
        HipparchusRoeFlux1d handWritten = new HipparchusRoeFlux1d();
        double[] example = OriginalFunction.of(Samples.get("RoeFlux_1d")).exampleInputs();
        SplittableRandom random = new SplittableRandom(11);
        for (int point = 0; point < 20; point++) {
            double[] x = JacobianAssertions.perturb(example, random);
            double[][] expected = graphDriven.jacobian(x);
            double[][] actual = handWritten.jacobian(x);
            for (int r = 0; r < 3; r++) {
                assertArrayEquals(expected[r], actual[r], 0.0, "point " + point + " row " + r);
            }
        }
    }

    @Test
    void hand_written_values_are_close_to_the_method() {
        double[] x = {0.011, 0.019, 0.021, 0.0105, 0.031, 0.028};
        double[] expected = RoeFlux1d.roeFlux(x[0], x[1], x[2], x[3], x[4], x[5]);
        Gradient[] phi = HipparchusRoeFlux1d.roeFlux(Gradient.constant(6, x[0]), Gradient.constant(6, x[1]),
                Gradient.constant(6, x[2]), Gradient.constant(6, x[3]), Gradient.constant(6, x[4]), Gradient.constant(6, x[5]));
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(new double[] {expected[r]}, new double[] {phi[r].getValue()}, 1e-13 * Math.abs(expected[r]));
        }
    }
}
