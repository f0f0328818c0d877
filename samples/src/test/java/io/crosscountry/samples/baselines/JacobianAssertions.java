package io.crosscountry.samples.baselines;

import static org.junit.jupiter.api.Assertions.fail;

import io.crosscountry.elimination.Graph;
import io.crosscountry.samples.bench.JacobianCheck;
import java.util.BitSet;
import java.util.SplittableRandom;

/** Comparisons of Jacobians, and random points near the example arguments. */
final class JacobianAssertions {

    private JacobianAssertions() {
    }

    /**
     * A random point near {@code x}: every entry scaled by a random factor in [0.9, 1.1], and a zero
     * entry replaced by a random value in [−0.1, 0.1], so that no entry keeps a special value (the
     * example arguments of BlackScholes are all ones).
     */
    static double[] perturb(double[] x, SplittableRandom random) {
        double[] p = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double u = 2.0 * random.nextDouble() - 1.0;
            p[j] = x[j] == 0.0 ? 0.1 * u : x[j] * (1.0 + 0.1 * u);
        }
        return p;
    }

    /**
     * Asserts, entry by entry, {@code |actual − expected| <= rel·max(|actual|, |expected|, floor·rowMax) + abs},
     * where rowMax is the largest finite {@code |expected|} in the row: entries much smaller than
     * their row are compared relative to {@code floor·rowMax} (entries that are exactly zero by
     * cancellation carry rounding noise; {@code floor = 1} is a row-wise norm test). Entries marked
     * in {@code skip} (may be null) are not compared. A NaN (in either) is accepted only where
     * {@code outputs[r]} is not finite, and then only if both are NaN.
     */
    static void assertClose(double[][] expected, double[][] actual, double[] outputs, double rel, double floor,
                            double abs, BitSet[] skip, String what) {
        JacobianCheck.compare(expected, actual, outputs, rel, floor, abs, skip).ifPresent(m -> fail(what + ": " + m));
    }

    /**
     * The entries {@code (r, j)} of the Jacobian where input {@code j} reaches output {@code r} through
     * a stop_gradient: there the AD Jacobian drops a dependence that finite differences see.
     */
    static BitSet[] throughStopGradient(Graph graph) {
        return JacobianCheck.throughStopGradient(graph);
    }

    /** Rows whose output is not finite (nothing to compare differences with) marked as skipped entirely. */
    static BitSet[] withNonFiniteRows(BitSet[] skip, double[] outputs, int numInputs) {
        BitSet[] s = new BitSet[outputs.length];
        for (int r = 0; r < outputs.length; r++) {
            s[r] = (BitSet) skip[r].clone();
            if (!Double.isFinite(outputs[r])) {
                s[r].set(0, numInputs);
            }
        }
        return s;
    }
}
