package io.crosscountry.samples.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscountry.samples.Sample;
import io.crosscountry.samples.Samples;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On every sample, at random points within ±10 % of the example arguments, the AD baselines
 * (Hipparchus Gradient and DerivativeStructure, the tape) agree with the dual-number reference to
 * 1e-10 relative, and the reference's values are the method's, bit for bit. An entry smaller than
 * 1e-3 of its row's largest is compared relative to that instead (entries that are exactly zero by
 * cancellation carry rounding noise); NaN equals NaN only where the output itself is not finite.
 */
class BaselineAgreementTest {

    private static final double REL = 1e-10;
    private static final int POINTS = 4;

    static Stream<String> samples() {
        return Samples.names().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void ad_baselines_agree_with_dual_numbers(String name) {
        Sample sample = Samples.get(name);
        OriginalFunction f = OriginalFunction.of(sample);
        Program program = Program.of(sample);
        DualNumbers reference = new DualNumbers(program);
        List<JacobianMethod> methods = List.of(new GradientForward(program), new DerivativeStructureForward(program),
                new TapeReverse(program));
        assertEquals(f.numInputs(), reference.numInputs(), "inputs");
        assertEquals(f.numOutputs(), reference.numOutputs(), "outputs");

        SplittableRandom random = new SplittableRandom(name.hashCode());
        double[] example = f.exampleInputs();
        for (int point = 0; point < POINTS; point++) {
            double[] x = JacobianAssertions.perturb(example, random);
            double[] y = new double[f.numOutputs()];
            f.evaluate(x, y);
            double[][] expected = reference.jacobian(x);
            double[] values = new double[y.length];
            for (int r = 0; r < y.length; r++) {
                values[r] = reference.outputValue(r);
            }
            assertArrayEquals(y, values, 0.0, name + ": the dual numbers' values are the method's");
            for (JacobianMethod m : methods) {
                JacobianAssertions.assertClose(expected, m.jacobian(x), y, REL, 1e-3, 0.0, null, name + " point " + point + " " + m.name());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void a_reused_instance_gives_the_same_jacobian(String name) {
        Sample sample = Samples.get(name);
        double[] x = OriginalFunction.of(sample).exampleInputs();
        double[] other = JacobianAssertions.perturb(x, new SplittableRandom(7));
        for (JacobianMethod m : Baselines.all(sample)) {
            double[][] first = m.jacobian(x);
            m.jacobian(other);
            double[][] again = new double[m.numOutputs()][m.numInputs()];
            m.jacobian(x, again);
            for (int r = 0; r < first.length; r++) {
                assertArrayEquals(first[r], again[r], 0.0, name + " " + m.name() + " row " + r);
            }
        }
    }
}
