package io.crosscountry.samples.bench;

import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Compares a method's Jacobian (or primal values) with the dual-number reference before the method
 * is timed. Exact methods (our generated code, Hipparchus, the tape) must agree to
 * {@value #EXACT_REL} relative (an entry far below its row's largest is compared relative to
 * {@value #EXACT_FLOOR} of that instead: cancellations leave rounding noise); central differences to
 * {@value #DIFFERENCES_REL} of the row's largest entry plus {@value #DIFFERENCES_ABS}, skipping
 * entries that depend on their input through a {@code stop_gradient} (differences see that
 * dependence, the Jacobian drops it) and rows whose output is not finite. A NaN is accepted only
 * where both have one and the output itself is not finite.
 */
public final class JacobianCheck {

    static final double EXACT_REL = 1e-9;
    static final double EXACT_FLOOR = 1e-3;
    static final double DIFFERENCES_REL = 2e-4;
    static final double DIFFERENCES_ABS = 1e-7;
    static final double VALUES_REL = 1e-12;

    private JacobianCheck() {
    }

    /** Why an exact method's Jacobian differs from the reference, if it does. */
    static Optional<String> exact(double[][] expected, double[][] actual, double[] outputs) {
        return compare(expected, actual, outputs, EXACT_REL, EXACT_FLOOR, 0.0, null);
    }

    /** Why the central differences are too far from the reference, if they are. */
    static Optional<String> differences(Graph graph, double[][] expected, double[][] actual, double[] outputs) {
        BitSet[] skip = throughStopGradient(graph);
        for (int r = 0; r < outputs.length; r++) {
            if (!Double.isFinite(outputs[r])) {
                skip[r].set(0, graph.numInputs());
            }
        }
        return compare(expected, actual, outputs, DIFFERENCES_REL, 1.0, DIFFERENCES_ABS, skip);
    }

    /** Why the primal's outputs differ from the reference's values, if they do. */
    static Optional<String> values(double[] expected, double[] actual) {
        List<String> bad = new ArrayList<>();
        for (int r = 0; r < expected.length; r++) {
            double e = expected[r];
            double a = actual[r];
            boolean ok = Double.isNaN(e) ? Double.isNaN(a)
                    : e == a || Math.abs(a - e) <= VALUES_REL * Math.max(Math.abs(a), Math.abs(e));
            if (!ok) {
                bad.add("y[" + r + "]: expected " + e + ", got " + a);
            }
        }
        return report(bad);
    }

    /**
     * The entries where {@code |actual − expected| > rel·max(|actual|, |expected|, floor·rowMax) + abs}
     * (rowMax: the row's largest finite {@code |expected|}), described, or empty when none. Entries
     * marked in {@code skip} (may be null) are not compared; a NaN is accepted only where
     * {@code outputs[r]} is not finite, and then only if both are NaN.
     */
    public static Optional<String> compare(double[][] expected, double[][] actual, double[] outputs, double rel,
                                           double floor, double abs, BitSet[] skip) {
        return compare(expected, actual, outputs, rel, floor, abs, skip, null);
    }

    /**
     * {@link #compare(double[][], double[][], double[], double, double, double, BitSet[])} where the
     * scale of an entry is at least its finite {@code magnitude} (may be null; see
     * {@code DualNumbers.magnitudes}): rounding noise of cancelling products is allowed on that scale.
     */
    public static Optional<String> compare(double[][] expected, double[][] actual, double[] outputs, double rel,
                                           double floor, double abs, BitSet[] skip, double[][] magnitude) {
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
                    if (magnitude != null && Double.isFinite(magnitude[r][j])) {
                        scale = Math.max(scale, magnitude[r][j]);
                    }
                    ok = Math.abs(a - e) <= rel * scale + abs;
                }
                if (!ok) {
                    bad.add("J[" + r + "][" + j + "]: expected " + e + ", got " + a);
                }
            }
        }
        return report(bad);
    }

    private static Optional<String> report(List<String> bad) {
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(bad.size() + " entries differ from the dual numbers, e.g. " + bad.subList(0, Math.min(4, bad.size())));
    }

    /** Per output row, the inputs that reach it only or also through a {@code stop_gradient}. */
    public static BitSet[] throughStopGradient(Graph graph) {
        int n = graph.numVertices();
        BitSet[] depends = new BitSet[n + 1];
        BitSet[] stopped = new BitSet[n + 1];
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
            skip[r] = (BitSet) stopped[outputs[r]].clone();
        }
        return skip;
    }
}
