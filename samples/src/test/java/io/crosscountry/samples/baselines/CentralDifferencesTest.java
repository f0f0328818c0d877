package io.crosscountry.samples.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscountry.CrossCountry;
import io.crosscountry.elimination.Graph;
import io.crosscountry.samples.Sample;
import io.crosscountry.samples.Samples;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central differences on the original method agree loosely with the dual-number reference.
 *
 * <p>The tolerance is 2e-4 relative to the largest entry of the row, plus 1e-7: the prescribed step
 * {@code cbrt(ε)·max(1, |x|)} is not scaled down for small inputs, so on RoeFlux_1d (inputs near
 * 0.01, {@code h/|x|} ≈ 6e-4) the truncation error reaches 4e-5 of the row (over 30 random points;
 * other samples stay below 1.1e-5). Skipped: rows whose output is NaN or infinite, and entries that
 * depend on their input through a stop_gradient (differences see that dependence; the Jacobian
 * drops it, as in f).
 */
class CentralDifferencesTest {

    static Stream<String> samples() {
        return Samples.names().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void central_differences_approximate_the_exact_jacobian(String name) {
        Sample sample = Samples.get(name);
        Graph graph = CrossCountry.graph(sample.owner(), sample.method(), sample.args());
        OriginalFunction f = OriginalFunction.of(sample);
        CentralDifferences fd = new CentralDifferences(f);
        DualNumbers reference = new DualNumbers(Program.compile(graph));
        assertEquals(reference.numInputs(), fd.numInputs());
        assertEquals(reference.numOutputs(), fd.numOutputs());
        BitSet[] stopped = JacobianAssertions.throughStopGradient(graph);

        SplittableRandom random = new SplittableRandom(name.hashCode() + 1);
        double[] example = f.exampleInputs();
        for (int point = 0; point < 3; point++) {
            double[] x = JacobianAssertions.perturb(example, random);
            double[] y = new double[f.numOutputs()];
            f.evaluate(x, y);
            double[][] exact = reference.jacobian(x);
            double[][] approx = fd.jacobian(x);
            JacobianAssertions.assertClose(exact, approx, y, 2e-4, 1.0, 1e-7,
                    JacobianAssertions.withNonFiniteRows(stopped, y, x.length), name + " point " + point);
        }
    }
}
