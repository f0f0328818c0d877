package io.crosscountry.policy;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Encodes an elimination state for the network: one node per input, per vertex not yet
 * eliminated and per output (an output that a later vertex read may be eliminated but keeps its
 * in-edges), the current edges, and {@value #COUNT} features per node. Every feature is a local or
 * relative quantity (no absolute graph size), so one network applies to graphs of any size.
 *
 * <table>
 *   <caption>features</caption>
 *   <tr><th>#</th><th>feature</th></tr>
 *   <tr><td>0, 1, 2</td><td>is input, is output, may be eliminated now (legal)</td></tr>
 *   <tr><td>3–7</td><td>operation class: linear (add, sub, neg, copy, to_float), mul, div, unary nonlinear, binary nonlinear</td></tr>
 *   <tr><td>8, 9, 10</td><td>log(1+in-degree)/4, log(1+out-degree)/4, log(1+in·out)/6 in the current graph</td></tr>
 *   <tr><td>11, 12</td><td>multiplications eliminating it now would cost (in the state's mode): relative to the
 *       largest among legal vertices, and log(1+cost)/6</td></tr>
 *   <tr><td>13, 14</td><td>its rank by that cost among legal vertices (0 = cheapest, 1 = dearest or not legal); is a cheapest one</td></tr>
 *   <tr><td>15, 16</td><td>depth from the inputs and to the outputs in the original graph, relative to the largest</td></tr>
 *   <tr><td>17</td><td>share of its original in-edges whose partial is a compile-time constant</td></tr>
 *   <tr><td>18</td><td>its position in program order (id / number of vertices; inputs 0)</td></tr>
 *   <tr><td>19</td><td>Markowitz degree relative to the largest among legal vertices</td></tr>
 *   <tr><td>20, 21, 22</td><td>global: cost mode is PAPER, share of eliminable vertices already eliminated, log(1+legal)/8</td></tr>
 *   <tr><td>23</td><td>fill-in if eliminated now: new edges / (in·out)</td></tr>
 *   <tr><td>24, 25</td><td>edge growth if eliminated now (new edges − in − out), squashed to [0, 1]; its rank among legal
 *       vertices (0 = the largest shrink; 1 for the others)</td></tr>
 * </table>
 */
public final class Features {

    /** Features per node. */
    public static final int COUNT = 26;

    private static final Map<Graph, Statics> STATICS = new WeakHashMap<>();

    /** Per-graph quantities that do not change while eliminating. */
    private record Statics(float[] depthIn, float[] depthOut, float[] constShare, int[] opClass) {
    }

    private Features() {
    }

    /** The network input for {@code state}'s current graph. */
    public static GraphInput encode(EliminationState state) {
        Graph g = state.graph();
        Statics st = statics(g);
        int numInputs = g.numInputs();
        int numVertices = g.numVertices();
        int[] indexOf = new int[numInputs + numVertices];
        Arrays.fill(indexOf, -1);
        int[] ids = new int[numInputs + numVertices];
        int k = 0;
        for (int i = 0; i < numInputs; i++) {
            indexOf[i] = k;
            ids[k++] = -(i + 1);
        }
        for (int v = 1; v <= numVertices; v++) {
            // an eliminated output that a later vertex read keeps its in-edges: it stays a node
            if (!state.isEliminated(v) || g.isOutput(v)) {
                indexOf[numInputs + v - 1] = k;
                ids[k++] = v;
            }
        }
        int n = k;
        ids = Arrays.copyOf(ids, n);
        int[] predStart = new int[n + 1];
        int[] succStart = new int[n + 1];
        int[][] preds = new int[n][];
        int[][] succs = new int[n][];
        boolean[] legal = new boolean[n];
        long[] cost = new long[n];
        long maxCost = 0;
        long maxMarkowitz = 0;
        int numLegal = 0;
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            preds[i] = id < 0 ? new int[0] : state.predIds(id);
            succs[i] = state.succIds(id);
            predStart[i + 1] = predStart[i] + preds[i].length;
            succStart[i + 1] = succStart[i] + succs[i].length;
            if (id > 0 && state.isLegal(id)) {
                legal[i] = true;
                numLegal++;
                cost[i] = state.eliminationCost(id);
                maxCost = Math.max(maxCost, cost[i]);
                maxMarkowitz = Math.max(maxMarkowitz, (long) preds[i].length * succs[i].length);
            }
        }
        int[] predIndex = new int[predStart[n]];
        int[] succIndex = new int[succStart[n]];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < preds[i].length; j++) {
                predIndex[predStart[i] + j] = indexOf[node(preds[i][j], numInputs)];
            }
            for (int j = 0; j < succs[i].length; j++) {
                succIndex[succStart[i] + j] = indexOf[node(succs[i][j], numInputs)];
            }
        }
        float[] rank = costRanks(legal, cost, numLegal);
        long[] growth = new long[n];
        int[] fill = new int[n];
        int[][] sortedSuccs = new int[n][];
        for (int i = 0; i < n; i++) {
            sortedSuccs[i] = new int[succStart[i + 1] - succStart[i]];
            System.arraycopy(succIndex, succStart[i], sortedSuccs[i], 0, sortedSuccs[i].length);
            Arrays.sort(sortedSuccs[i]);
        }
        for (int i = 0; i < n; i++) {
            if (!legal[i]) {
                continue;
            }
            int created = 0;
            for (int q = predStart[i]; q < predStart[i + 1]; q++) {
                int[] ps = sortedSuccs[predIndex[q]];
                for (int j = succStart[i]; j < succStart[i + 1]; j++) {
                    if (Arrays.binarySearch(ps, succIndex[j]) < 0) {
                        created++;
                    }
                }
            }
            fill[i] = created;
            growth[i] = created - preds[i].length - succs[i].length;
        }
        float[] growthRank = costRanks(legal, growth, numLegal);
        long minCost = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (legal[i]) {
                minCost = Math.min(minCost, cost[i]);
            }
        }
        int eliminable = state.numEliminated() + state.numRemaining();
        float paper = state.mode() == CostMode.PAPER ? 1f : 0f;
        float progress = eliminable == 0 ? 1f : state.numEliminated() / (float) eliminable;
        float legalScale = (float) (Math.log1p(numLegal) / 8);
        float[] x = new float[n * COUNT];
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            int o = i * COUNT;
            int in = preds[i].length;
            int out = succs[i].length;
            x[o] = id < 0 ? 1f : 0f;
            x[o + 1] = id > 0 && g.isOutput(id) ? 1f : 0f;
            x[o + 2] = legal[i] ? 1f : 0f;
            if (id > 0) {
                x[o + 3 + st.opClass[id - 1]] = 1f;
            }
            x[o + 8] = (float) (Math.log1p(in) / 4);
            x[o + 9] = (float) (Math.log1p(out) / 4);
            x[o + 10] = (float) (Math.log1p((double) in * out) / 6);
            if (legal[i]) {
                x[o + 11] = maxCost == 0 ? 0f : cost[i] / (float) maxCost;
                x[o + 12] = (float) (Math.log1p(cost[i]) / 6);
                x[o + 14] = cost[i] == minCost ? 1f : 0f;
                x[o + 19] = maxMarkowitz == 0 ? 0f : (float) ((double) in * out / maxMarkowitz);
            }
            x[o + 13] = rank[i];
            if (id > 0) {
                x[o + 15] = st.depthIn[id - 1];
                x[o + 16] = st.depthOut[id - 1];
                x[o + 17] = st.constShare[id - 1];
                x[o + 18] = id / (float) numVertices;
            } else {
                x[o + 16] = 1f;
            }
            if (legal[i]) {
                long io = (long) in * out;
                x[o + 23] = io == 0 ? 0f : fill[i] / (float) io;
                double gr = growth[i] / (double) (in + out + 1);
                x[o + 24] = (float) ((gr / (1 + Math.abs(gr)) + 1) / 2);
            }
            x[o + 25] = growthRank[i];
            x[o + 20] = paper;
            x[o + 21] = progress;
            x[o + 22] = legalScale;
        }
        return new GraphInput(n, COUNT, x, predStart, predIndex, succStart, succIndex, ids, legal);
    }

    private static int node(int id, int numInputs) {
        return id < 0 ? -id - 1 : numInputs + id - 1;
    }

    /** Rank by cost among legal nodes scaled to [0, 1] (ties share the lowest rank); 1 for the others. */
    private static float[] costRanks(boolean[] legal, long[] cost, int numLegal) {
        int n = legal.length;
        float[] rank = new float[n];
        Arrays.fill(rank, 1f);
        if (numLegal <= 1) {
            for (int i = 0; i < n; i++) {
                if (legal[i]) {
                    rank[i] = 0f;
                }
            }
            return rank;
        }
        long[] sorted = new long[numLegal];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (legal[i]) {
                sorted[k++] = cost[i];
            }
        }
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            if (legal[i]) {
                int lo = lowerBound(sorted, cost[i]);
                rank[i] = lo / (float) (numLegal - 1);
            }
        }
        return rank;
    }

    private static int lowerBound(long[] a, long v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Statics statics(Graph g) {
        synchronized (STATICS) {
            return STATICS.computeIfAbsent(g, Features::computeStatics);
        }
    }

    private static Statics computeStatics(Graph g) {
        int n = g.numVertices();
        int[] depthIn = new int[n];
        int maxIn = 1;
        for (int v = 1; v <= n; v++) {
            int d = 1;
            for (int p : g.predIds(v)) {
                if (p > 0) {
                    d = Math.max(d, depthIn[p - 1] + 1);
                }
            }
            depthIn[v - 1] = d;
            maxIn = Math.max(maxIn, d);
        }
        int[] depthOut = new int[n];
        int maxOut = 1;
        for (int v = n; v >= 1; v--) {
            int d = g.isOutput(v) ? 0 : Integer.MAX_VALUE / 2;
            for (int s : g.succIds(v)) {
                d = Math.min(d, depthOut[s - 1] + 1);
            }
            if (d == Integer.MAX_VALUE / 2) {
                d = 0; // dead code: reaches no output
            }
            depthOut[v - 1] = d;
            maxOut = Math.max(maxOut, d);
        }
        float[] in = new float[n];
        float[] out = new float[n];
        float[] constShare = new float[n];
        int[] opClass = new int[n];
        for (int v = 1; v <= n; v++) {
            in[v - 1] = depthIn[v - 1] / (float) maxIn;
            out[v - 1] = depthOut[v - 1] / (float) maxOut;
            double[] c = g.predConstantPartials(v);
            int consts = 0;
            for (double d : c) {
                if (!Double.isNaN(d)) {
                    consts++;
                }
            }
            constShare[v - 1] = c.length == 0 ? 0f : consts / (float) c.length;
            opClass[v - 1] = opClass(g.op(v));
        }
        return new Statics(in, out, constShare, opClass);
    }

    /**
     * 0 linear (and nextafter, whose partial is 1), 1 mul (and fma, a product plus a linear term),
     * 2 div, 3 unary nonlinear (and copysign, nonlinear in its one differentiated operand), 4 binary
     * nonlinear.
     */
    static int opClass(Op op) {
        return switch (op) {
            case ADD, SUB, NEG, TO_FLOAT, COPY, NEXT_AFTER -> 0;
            case MUL, FMA -> 1;
            case DIV -> 2;
            case COPY_SIGN -> 3;          // one in-edge, like abs
            case POW, HYPOT, MAX, MIN -> 4;
            default -> op.arity() == 2 ? 4 : 3;
        };
    }
}
