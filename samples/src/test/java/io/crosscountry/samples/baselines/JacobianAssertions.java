package io.crosscountry.samples.baselines;

import static org.junit.jupiter.api.Assertions.fail;

import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
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
        List<String> bad = new ArrayList<>();
        for (int r = 0; r < expected.length; r++) {
            double rowMax = 0.0;
            for (double e : expected[r]) {
                if (Double.isFinite(e)) {
                    rowMax = Math.max(rowMax, Math.abs(e));
                }
            }
            for (int j = 0; j < expected[r].length; j++) {
                if (skip != null && skip[r].get(j)) {
                    continue;
                }
                double e = expected[r][j];
                double a = actual[r][j];
                boolean ok;
                if (Double.isNaN(e) || Double.isNaN(a)) {
                    ok = Double.isNaN(e) && Double.isNaN(a) && !Double.isFinite(outputs[r]);
                } else if (Double.isInfinite(e) || Double.isInfinite(a)) {
                    ok = e == a;
                } else {
                    double scale = Math.max(Math.max(Math.abs(a), Math.abs(e)), floor * rowMax);
                    ok = Math.abs(a - e) <= rel * scale + abs;
                }
                if (!ok) {
                    bad.add("J[" + r + "][" + j + "]: expected " + e + ", got " + a);
                }
            }
        }
        if (!bad.isEmpty()) {
            fail(what + ": " + bad.size() + " entries differ, e.g. " + bad.subList(0, Math.min(8, bad.size())));
        }
    }

    /**
     * The entries {@code (r, j)} of the Jacobian where input {@code j} reaches output {@code r} through
     * a stop_gradient: there the AD Jacobian drops a dependence that finite differences see.
     */
    static BitSet[] throughStopGradient(Graph graph) {
        int n = graph.numVertices();
        BitSet[] depends = new BitSet[n + 1];    // the inputs each vertex depends on, by any path
        BitSet[] stopped = new BitSet[n + 1];    // … by a path through a stop_gradient
        for (int v = 1; v <= n; v++) {
            depends[v] = new BitSet();
            stopped[v] = new BitSet();
            for (Operand o : graph.operands(v)) {
                if (o.isInput()) {
                    depends[v].set(o.inputIndex());
                } else if (o.isVertex()) {
                    depends[v].or(depends[o.ref()]);
                    stopped[v].or(stopped[o.ref()]);
                }
            }
            if (graph.op(v) == Op.STOP_GRADIENT) {
                stopped[v].or(depends[v]);
            }
        }
        int[] outputs = graph.outputs();
        BitSet[] skip = new BitSet[outputs.length];
        for (int r = 0; r < outputs.length; r++) {
            skip[r] = stopped[outputs[r]];
        }
        return skip;
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
