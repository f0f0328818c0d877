package io.crosscountry.elimination;

import java.util.Arrays;

/**
 * Adjacency as bit-set rows, for graphs small enough that a row of one bit per node is cheap
 * (see {@link #fits}).
 *
 * <p>Every node has a successor row and a predecessor row of {@code words} longs (two for graphs
 * of up to {@value #NARROW_NODES} nodes, else ⌈n/64⌉), so an edge test is one bit test, and
 * eliminating v is word-wise: each predecessor's successor row becomes {@code row | succ(v)} and
 * each successor's predecessor row {@code row | pred(v)}; the fill-in is the bits that were not set
 * before. In {@link CostMode#EFFECTIVE} each successor row has two companion rows — which
 * out-edges are constants, and which of those are ±1 — and the constant values live in a dense n×n
 * matrix, read and written only where the constant bit is set. The effective cost of one
 * predecessor is then a popcount: with a ±1 in-edge nothing costs; with another constant in-edge
 * every variable out-edge costs one; with a variable in-edge every out-edge that is not ±1 costs
 * one.
 *
 * <p>In EFFECTIVE mode most predecessors have no constant edge that takes part (neither p→v nor
 * p→s for a successor s of v): their in-edge is variable, so they cost one per out-edge of v that
 * is not ±1, and their constant rows do not change. Only the others go through the constant
 * tracking ({@code foldConstants…}).
 *
 * <p>An eliminated node's rows are left as they were: nothing reads them while it stays
 * eliminated (it is no one's predecessor, and unless it keeps its in-edges no one's successor);
 * its degrees drop to zero, and the queries go by the degrees.
 *
 * <p>Degrees. Rows of more than two words keep in- and out-degree arrays, updated by every
 * elimination. Rows of two words keep none: a degree is the popcount of the row, and two-word
 * bit sets of the nodes whose out-edges (in-edges) are gone stand for the zero degrees of
 * eliminated nodes with stale rows — fewer loads and stores per neighbour.
 *
 * <p>Undo log. Eliminating v pushes, per predecessor p, p's old successor row and out-degree
 * (with rows of two words in PAPER mode: the row only, without a header, since undo finds the
 * predecessors again in v's predecessor row, which is left as it was);
 * when p's constant edges take part, p's old constant and ±1 rows and the old values of the
 * constant edges that get a product added; and last v itself. The successors' predecessor rows
 * are not saved: undo derives them. Popping v puts v back into its successors' predecessor rows;
 * popping p's old row removes p from the predecessor rows of the successors that p gained (the
 * bits of its current row that the old one lacks) — they got p as a predecessor from this
 * elimination. A fill-in edge's value needs no entry: the matrix entry of an absent edge is never
 * read. Nor does an edge that is removed: the entry of a removed edge p→v is not written while v
 * stays eliminated (v has no in-edges then, so no fill-in reaches it), and the entries of an
 * eliminated node's own out-edges are not written either.
 */
final class BitAdjacency extends Adjacency {

    /** Largest graph (inputs plus vertices) for which {@link CostMode#PAPER} uses bit-set rows. */
    static final int MAX_NODES_PAPER = 4096;
    /**
     * Largest graph for which {@link CostMode#EFFECTIVE} uses bit-set rows: its n×n value matrix
     * takes 8n² bytes (8 MiB at this size).
     */
    static final int MAX_NODES_EFFECTIVE = 1024;
    /**
     * Graphs of up to this many nodes get rows of exactly two words, for which elimination has
     * its own faster code.
     */
    static final int NARROW_NODES = 128;

    // log entry kinds (the low two bits of an entry's header, which is pushed last)
    private static final int KIND_ELIMINATED = 0; // the header only: v
    private static final int KIND_FOLDED = 1;     // a predecessor's old successor row; its out-degree
    private static final int KIND_CONSTANTS = 2;  // a predecessor's old constant and ±1 rows
    private static final int KIND_VALUE = 3;      // the old bits of a constant edge's value

    /** The initial state, shared by copies (never written). */
    private record Initial(long[] succ, long[] pred, long[] constant, long[] unit, int[] outDeg, int[] inDeg,
            int[] constIndex, double[] constValue) {
    }

    private final Initial initial;
    private final int n;
    private final int words;
    private final boolean effective;

    private final long[] succ;     // row v: the successors of v
    private final long[] pred;     // row v: the predecessors of v
    private final long[] constant; // row v: the successors s whose edge v→s is a constant (EFFECTIVE only)
    private final long[] unit;     // row v: the constant edges v→s whose value is ±1 (EFFECTIVE only)
    private final double[] value;  // [v·n + s]: the value of the constant edge v→s (EFFECTIVE only)
    private final int[] outDeg;    // rows of more than two words only (two-word rows count their bits)
    private final int[] inDeg;     // rows of more than two words only
    // rows of two words: the nodes whose out-edges are gone (eliminated), and whose in-edges are
    // gone (eliminated and not keeping them), as bit sets of two words
    private long outGone0;
    private long outGone1;
    private long inGone0;
    private long inGone1;

    private long[] log = new long[1024];
    private int logSize;

    /** Whether a graph of {@code numNodes} nodes (inputs plus vertices) uses bit-set rows in {@code mode}. */
    static boolean fits(int numNodes, CostMode mode) {
        return numNodes <= (mode == CostMode.PAPER ? MAX_NODES_PAPER : MAX_NODES_EFFECTIVE);
    }

    /**
     * The longs per row: two up to {@link #NARROW_NODES} nodes, else one per 64 nodes; with
     * {@code wide}, at least three (so that the code for rows of any width runs).
     */
    private static int wordsFor(int n, boolean wide) {
        if (wide) {
            return Math.max(3, (n + 63) >>> 6);
        }
        return n <= NARROW_NODES ? 2 : (n + 63) >>> 6;
    }

    /**
     * The initial edges of {@code graph}, counting in {@code mode}; {@code wide}: rows of at least
     * three words even for a small graph (to test the code for any width).
     */
    BitAdjacency(Graph graph, CostMode mode, boolean wide) {
        this(initialOf(graph, mode, wordsFor(graph.numInputs() + graph.numVertices(), wide)),
                graph.numInputs() + graph.numVertices(), mode == CostMode.EFFECTIVE);
        reset();
    }

    private BitAdjacency(Initial initial, int n, boolean effective) {
        this.initial = initial;
        this.n = n;
        this.words = initial.succ.length / n;
        this.effective = effective;
        this.succ = new long[n * words];
        this.pred = new long[n * words];
        this.constant = effective ? new long[n * words] : null;
        this.unit = effective ? new long[n * words] : null;
        this.value = effective ? new double[n * n] : null;
        this.outDeg = new int[n];
        this.inDeg = new int[n];
    }

    private static Initial initialOf(Graph graph, CostMode mode, int words) {
        int numInputs = graph.numInputs();
        int n = numInputs + graph.numVertices();
        long[] succ = new long[n * words];
        long[] pred = new long[n * words];
        long[] constant = new long[n * words];
        long[] unit = new long[n * words];
        int[] outDeg = new int[n];
        int[] inDeg = new int[n];
        int[] constIndex = new int[0];
        double[] constValue = new double[0];
        int numConst = 0;
        for (int id = 1; id <= graph.numVertices(); id++) {
            int s = graph.node(id);
            int[] p = graph.predsOf(id);
            double[] c = graph.predConstantsOf(id);
            for (int k = 0; k < p.length; k++) {
                int u = graph.node(p[k]);
                succ[u * words + (s >>> 6)] |= 1L << s;
                pred[s * words + (u >>> 6)] |= 1L << u;
                outDeg[u]++;
                inDeg[s]++;
                if (!Double.isNaN(c[k])) {
                    constant[u * words + (s >>> 6)] |= 1L << s;
                    if (c[k] == 1.0 || c[k] == -1.0) {
                        unit[u * words + (s >>> 6)] |= 1L << s;
                    }
                    if (numConst == constIndex.length) {
                        constIndex = Arrays.copyOf(constIndex, Math.max(16, 2 * numConst));
                        constValue = Arrays.copyOf(constValue, constIndex.length);
                    }
                    constIndex[numConst] = u * n + s;
                    constValue[numConst++] = c[k];
                }
            }
        }
        boolean effective = mode == CostMode.EFFECTIVE;
        return new Initial(succ, pred, effective ? constant : null, effective ? unit : null, outDeg, inDeg,
                Arrays.copyOf(constIndex, numConst), Arrays.copyOf(constValue, numConst));
    }

    @Override
    void reset() {
        System.arraycopy(initial.succ, 0, succ, 0, succ.length);
        System.arraycopy(initial.pred, 0, pred, 0, pred.length);
        if (words == 2) {
            outGone0 = outGone1 = inGone0 = inGone1 = 0L;
        } else {
            System.arraycopy(initial.outDeg, 0, outDeg, 0, n);
            System.arraycopy(initial.inDeg, 0, inDeg, 0, n);
        }
        if (effective) {
            System.arraycopy(initial.constant, 0, constant, 0, constant.length);
            System.arraycopy(initial.unit, 0, unit, 0, unit.length);
            // entries of other edges are written when those edges appear
            for (int i = 0; i < initial.constIndex.length; i++) {
                value[initial.constIndex[i]] = initial.constValue[i];
            }
        }
        logSize = 0;
    }

    @Override
    Adjacency copy() {
        BitAdjacency c = new BitAdjacency(initial, n, effective);
        c.copyFrom(this);
        return c;
    }

    @Override
    void copyFrom(Adjacency other) {
        BitAdjacency o = (BitAdjacency) other;
        System.arraycopy(o.succ, 0, succ, 0, succ.length);
        System.arraycopy(o.pred, 0, pred, 0, pred.length);
        if (words == 2) {
            outGone0 = o.outGone0;
            outGone1 = o.outGone1;
            inGone0 = o.inGone0;
            inGone1 = o.inGone1;
        } else {
            System.arraycopy(o.outDeg, 0, outDeg, 0, n);
            System.arraycopy(o.inDeg, 0, inDeg, 0, n);
        }
        if (effective) {
            System.arraycopy(o.constant, 0, constant, 0, constant.length);
            System.arraycopy(o.unit, 0, unit, 0, unit.length);
            // the whole matrix: undo may restore edges whose entries are not current edges
            System.arraycopy(o.value, 0, value, 0, value.length);
        }
        if (log.length < o.logSize) {
            log = new long[o.log.length];
        }
        System.arraycopy(o.log, 0, log, 0, o.logSize);
        logSize = o.logSize;
    }

    // ------------------------------------------------------------------ queries

    @Override
    int inDegree(int v) {
        if (words != 2) {
            return inDeg[v];
        }
        long gone = v < 64 ? inGone0 >>> v : inGone1 >>> v;
        return (gone & 1L) != 0 ? 0 : Long.bitCount(pred[2 * v]) + Long.bitCount(pred[2 * v + 1]);
    }

    @Override
    int outDegree(int v) {
        if (words != 2) {
            return outDeg[v];
        }
        long gone = v < 64 ? outGone0 >>> v : outGone1 >>> v;
        return (gone & 1L) != 0 ? 0 : Long.bitCount(succ[2 * v]) + Long.bitCount(succ[2 * v + 1]);
    }

    @Override
    int[] preds(int v) {
        return members(pred, v, inDegree(v));
    }

    @Override
    int[] succs(int v) {
        return members(succ, v, outDegree(v));
    }

    /** The {@code count} nodes in row {@code v} of {@code rows}, ascending (none: the row may be stale). */
    private int[] members(long[] rows, int v, int count) {
        if (count == 0) {
            return new int[0];
        }
        int[] r = new int[count];
        int i = 0;
        for (int w = 0; w < words; w++) {
            for (long bits = rows[v * words + w]; bits != 0; bits &= bits - 1) {
                r[i++] = (w << 6) | Long.numberOfTrailingZeros(bits);
            }
        }
        return r;
    }

    @Override
    long eliminationCost(int v) {
        if (!effective || outDegree(v) == 0) {
            return (long) inDegree(v) * outDegree(v); // an eliminated node has no out-degree (and stale rows)
        }
        int variableCost = variableInCost(v);
        int constantCost = constantInCost(v);
        long c = 0;
        for (int w = 0; w < words; w++) {
            for (long bits = pred[v * words + w]; bits != 0; bits &= bits - 1) {
                int p = (w << 6) | Long.numberOfTrailingZeros(bits);
                c += inEdgeCost(p, v, variableCost, constantCost);
            }
        }
        return c;
    }

    /** EFFECTIVE: what a variable in-edge of v costs — one per out-edge of v that is not ±1. */
    private int variableInCost(int v) {
        int c = 0;
        for (int k = v * words; k < (v + 1) * words; k++) {
            c += Long.bitCount(succ[k] & ~unit[k]);
        }
        return c;
    }

    /** EFFECTIVE: what a constant in-edge (not ±1) of v costs — one per variable out-edge of v. */
    private int constantInCost(int v) {
        int c = 0;
        for (int k = v * words; k < (v + 1) * words; k++) {
            c += Long.bitCount(succ[k] & ~constant[k]);
        }
        return c;
    }

    /**
     * EFFECTIVE: the multiplications of e(p,v)·e(v,s) over all successors s — none when e(p,v) is
     * ±1, else {@code constantCost} or {@code variableCost} by whether e(p,v) is a constant.
     */
    private int inEdgeCost(int p, int v, int variableCost, int constantCost) {
        int at = p * words + (v >>> 6);
        long vBit = 1L << v;
        if ((unit[at] & vBit) != 0) {
            return 0;
        }
        return (constant[at] & vBit) != 0 ? constantCost : variableCost;
    }

    // ------------------------------------------------------------------ elimination

    @Override
    long eliminate(int v, boolean keepInEdges) {
        if (words == 2) {
            return effective ? eliminateEffective2(v, keepInEdges) : eliminatePaper2(v, keepInEdges);
        }
        return effective ? eliminateEffective(v, keepInEdges) : eliminatePaper(v, keepInEdges);
    }

    // Rows of two words (graphs of up to NARROW_NODES nodes): the same steps as the methods for any
    // width below, with v's rows held in locals (as far as the JIT knows, a store into one long[]
    // may change another, so rows read through arrays would be read again after every store).

    /** PAPER, rows of two words: see {@link #eliminatePaper}. */
    private long eliminatePaper2(int v, boolean keepInEdges) {
        final long[] succ = this.succ;
        final long s0 = succ[2 * v];
        final long s1 = succ[2 * v + 1];
        long bits = pred[2 * v];
        long high = pred[2 * v + 1];
        final int numPreds = Long.bitCount(bits) + Long.bitCount(high);
        final int numSuccs = Long.bitCount(s0) + Long.bitCount(s1);
        // masks that remove v from a predecessor's row unless its in-edges are kept
        final long keep0 = keepInEdges || v >= 64 ? -1L : ~(1L << v);
        final long keep1 = keepInEdges || v < 64 ? -1L : ~(1L << v);
        long[] log = ensureLog(logSize, 2 * numPreds + 1);
        int top = logSize;
        int offset = 0;
        for (int i = numPreds; i > 0; i--) {
            if (bits == 0) {
                bits = high;
                offset = 64;
            }
            int p = offset | Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            long r0 = succ[2 * p];
            long r1 = succ[2 * p + 1];
            log[top] = r0;       // no header: undo finds p in v's predecessor row
            log[top + 1] = r1;
            top += 2;
            succ[2 * p] = (r0 | s0) & keep0;
            succ[2 * p + 1] = (r1 | s1) & keep1;
        }
        inheritPreds2(v);
        logSize = markEliminated2(v, keepInEdges, log, top);
        return (long) numPreds * numSuccs;
    }

    /** EFFECTIVE, rows of two words: see {@link #eliminateEffective}. */
    private long eliminateEffective2(int v, boolean keepInEdges) {
        final long[] succ = this.succ;
        final long[] constant = this.constant;
        final long s0 = succ[2 * v];
        final long s1 = succ[2 * v + 1];
        long bits = pred[2 * v];
        long high = pred[2 * v + 1];
        final int numPreds = Long.bitCount(bits) + Long.bitCount(high);
        final int numSuccs = Long.bitCount(s0) + Long.bitCount(s1);
        final long keep0 = keepInEdges || v >= 64 ? -1L : ~(1L << v);
        final long keep1 = keepInEdges || v < 64 ? -1L : ~(1L << v);
        // a predecessor whose constant row meets v or its successors takes part in constant tracking
        final long touch0 = s0 | (v < 64 ? 1L << v : 0L);
        final long touch1 = s1 | (v < 64 ? 0L : 1L << v);
        final int variableCost = Long.bitCount(s0 & ~unit[2 * v]) + Long.bitCount(s1 & ~unit[2 * v + 1]);
        final int constantCost = Long.bitCount(s0 & ~constant[2 * v]) + Long.bitCount(s1 & ~constant[2 * v + 1]);
        // per predecessor: its row and header, two constant rows and a header, one old value per successor
        long[] log = ensureLog(logSize, numPreds * (8 + 2 * numSuccs) + 1);
        int top = logSize;
        long cost = 0;
        int offset = 0;
        for (int i = numPreds; i > 0; i--) {
            if (bits == 0) {
                bits = high;
                offset = 64;
            }
            int p = offset | Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            long r0 = succ[2 * p];
            long r1 = succ[2 * p + 1];
            long pc0 = constant[2 * p];
            long pc1 = constant[2 * p + 1];
            log[top] = r0;
            log[top + 1] = r1;
            log[top + 2] = header(KIND_FOLDED, p, 0);
            top += 3;
            succ[2 * p] = (r0 | s0) & keep0;
            succ[2 * p + 1] = (r1 | s1) & keep1;
            if (((pc0 & touch0) | (pc1 & touch1)) == 0) {
                cost += variableCost; // p→v is variable, and p's constant rows stay as they are
            } else {
                logSize = top;
                cost += foldConstants2(p, v, keepInEdges, s0 & ~r0, s1 & ~r1, variableCost, constantCost);
                top = logSize;
            }
        }
        inheritPreds2(v);
        logSize = markEliminated2(v, keepInEdges, log, top);
        return cost;
    }

    /**
     * EFFECTIVE, rows of two words, for a predecessor p of v one of whose constant edges takes
     * part ({@code fresh0}, {@code fresh1}: the successors of v that p had no edge to): each
     * e(p,s) becomes e(p,s) + e(p,v)·e(v,s), a constant exactly when every term is, and p→v goes
     * from p's constant rows unless {@code keepInEdges}. Pushes p's old constant rows (and old
     * values) at {@link #logSize}, where room is ensured. Returns the products' cost (see
     * {@link #inEdgeCost}; {@code variableCost}, {@code constantCost}: v's, computed once per
     * elimination).
     */
    private long foldConstants2(int p, int v, boolean keepInEdges, long fresh0, long fresh1, int variableCost,
            int constantCost) {
        final long[] constant = this.constant;
        final long[] unit = this.unit;
        final long[] log = this.log;
        final int pBase = 2 * p;
        final long s0 = succ[2 * v];
        final long s1 = succ[2 * v + 1];
        final long c0 = constant[2 * v];
        final long c1 = constant[2 * v + 1];
        final long keep0 = keepInEdges || v >= 64 ? -1L : ~(1L << v);
        final long keep1 = keepInEdges || v < 64 ? -1L : ~(1L << v);
        long pc0 = constant[pBase];
        long pc1 = constant[pBase + 1];
        long pu0 = unit[pBase];
        long pu1 = unit[pBase + 1];
        int top = logSize;
        log[top] = pc0;
        log[top + 1] = pc1;
        log[top + 2] = pu0;
        log[top + 3] = pu1;
        log[top + 4] = header(KIND_CONSTANTS, p, 0);
        top += 5;
        boolean inConst = (constant[pBase + (v >>> 6)] & (1L << v)) != 0;
        boolean inUnit = (unit[pBase + (v >>> 6)] & (1L << v)) != 0;
        long cost = inUnit ? 0 : inConst ? constantCost : variableCost;
        // the sums that stay constant: constant in-edge, constant out-edge, old edge absent or constant
        long k0 = inConst ? s0 & c0 & (pc0 | fresh0) : 0L;
        long k1 = inConst ? s1 & c1 & (pc1 | fresh1) : 0L;
        constant[pBase] = ((pc0 & ~s0) | k0) & keep0;
        constant[pBase + 1] = ((pc1 & ~s1) | k1) & keep1;
        unit[pBase] = pu0 & ~s0 & keep0;
        unit[pBase + 1] = pu1 & ~s1 & keep1;
        if ((k0 | k1) != 0) {
            double in = value[p * n + v];
            top = foldConstants(p, v, 0, k0, fresh0, in, log, top);
            top = foldConstants(p, v, 1, k1, fresh1, in, log, top);
        }
        logSize = top;
        return cost;
    }

    /** Rows of two words: see {@link #inheritPreds}. */
    private void inheritPreds2(int v) {
        final long[] pred = this.pred;
        final long p0 = pred[2 * v];
        final long p1 = pred[2 * v + 1];
        final long clear0 = v >= 64 ? -1L : ~(1L << v);
        final long clear1 = v < 64 ? -1L : ~(1L << v);
        long bits = succ[2 * v];
        long high = succ[2 * v + 1];
        int offset = 0;
        for (int i = Long.bitCount(bits) + Long.bitCount(high); i > 0; i--) {
            if (bits == 0) {
                bits = high;
                offset = 64;
            }
            int s = offset | Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            long r0 = pred[2 * s];
            long r1 = pred[2 * s + 1];
            pred[2 * s] = (r0 | p0) & clear0;
            pred[2 * s + 1] = (r1 | p1) & clear1;
        }
    }

    // Rows of any width.

    /**
     * PAPER: each predecessor p of v gains v's successors (and loses v unless {@code keepInEdges}),
     * each successor gains v's predecessors and loses v, and v loses its out-edges (and its
     * in-edges unless {@code keepInEdges}); costs |preds|·|succs|.
     */
    private long eliminatePaper(int v, boolean keepInEdges) {
        final long cost = (long) inDeg[v] * outDeg[v];
        long[] log = ensureLog(logSize, inDeg[v] * (words + 1) + 1);
        int top = logSize;
        for (int w = 0; w < words; w++) {
            for (long bits = pred[v * words + w]; bits != 0; bits &= bits - 1) {
                int p = (w << 6) | Long.numberOfTrailingZeros(bits);
                top = fold(p, v, keepInEdges, log, top);
            }
        }
        inheritPreds(v);
        logSize = markEliminated(v, keepInEdges, log, top);
        return cost;
    }

    /**
     * Predecessor p of v gains v's successors (and loses v unless {@code keepInEdges}); pushes its
     * old successor row and degree (room in {@code log} is ensured) and returns the new top.
     */
    private int fold(int p, int v, boolean keepInEdges, long[] log, int top) {
        final long[] succ = this.succ;
        final int pBase = p * words;
        final int vBase = v * words;
        int added = 0;
        for (int k = 0; k < words; k++) {
            long old = succ[pBase + k];
            long add = succ[vBase + k];
            log[top++] = old;
            added += Long.bitCount(add & ~old);
            succ[pBase + k] = old | add;
        }
        log[top++] = header(KIND_FOLDED, p, outDeg[p]);
        if (!keepInEdges) {
            succ[pBase + (v >>> 6)] &= ~(1L << v);
            added--;
        }
        outDeg[p] += added;
        return top;
    }

    /**
     * EFFECTIVE: as {@link #eliminatePaper}, and each e(p,s) becomes e(p,s) + e(p,v)·e(v,s), a
     * constant exactly when every term is; the products cost as {@link #inEdgeCost} counts. A
     * predecessor none of whose constant edges takes part (see {@link #constantsTakePart}) has a
     * variable in-edge and keeps its constant rows: it folds as in PAPER mode.
     */
    private long eliminateEffective(int v, boolean keepInEdges) {
        final int words = this.words;
        final long[] succ = this.succ;
        final long[] constant = this.constant;
        final long[] unit = this.unit;
        final int vBase = v * words;
        final long vBit = 1L << v;
        final int variableCost = variableInCost(v);
        final int constantCost = constantInCost(v);
        // per predecessor: its three rows and header, and at most one old value per successor
        final int perPred = 3 * words + 2 + 2 * outDeg[v];
        long[] log = this.log;
        int top = logSize;
        long cost = 0;
        for (int w = 0; w < words; w++) {
            for (long bits = pred[vBase + w]; bits != 0; bits &= bits - 1) {
                int p = (w << 6) | Long.numberOfTrailingZeros(bits);
                int pBase = p * words;
                log = ensureLog(top, perPred);
                if (!constantsTakePart(p, v)) {
                    top = fold(p, v, keepInEdges, log, top);
                    cost += variableCost;
                    continue;
                }
                for (int k = 0; k < words; k++) {
                    log[top++] = succ[pBase + k];
                }
                log[top++] = header(KIND_FOLDED, p, outDeg[p]);
                for (int k = 0; k < words; k++) {
                    log[top++] = constant[pBase + k];
                }
                for (int k = 0; k < words; k++) {
                    log[top++] = unit[pBase + k];
                }
                log[top++] = header(KIND_CONSTANTS, p, 0);
                cost += inEdgeCost(p, v, variableCost, constantCost);
                boolean inConst = (constant[pBase + (v >>> 6)] & vBit) != 0;
                double in = inConst ? value[p * n + v] : 0.0;
                int added = 0;
                for (int k = 0; k < words; k++) {
                    long add = succ[vBase + k];
                    if (add == 0) {
                        continue;
                    }
                    long old = succ[pBase + k];
                    long oldConst = constant[pBase + k];
                    long fresh = add & ~old;
                    added += Long.bitCount(fresh);
                    // the sums that stay constant: constant in-edge, constant out-edge, old edge absent or constant
                    long stayConst = inConst ? add & constant[vBase + k] & (oldConst | fresh) : 0L;
                    succ[pBase + k] = old | add;
                    constant[pBase + k] = (oldConst & ~add) | stayConst;
                    unit[pBase + k] &= ~add;
                    if (stayConst != 0) {
                        top = foldConstants(p, v, k, stayConst, fresh, in, log, top);
                    }
                }
                if (!keepInEdges) {
                    int at = pBase + (v >>> 6);
                    succ[at] &= ~vBit;
                    constant[at] &= ~vBit;
                    unit[at] &= ~vBit;
                    added--;
                }
                outDeg[p] += added;
            }
        }
        inheritPreds(v);
        log = ensureLog(top, 1);
        logSize = markEliminated(v, keepInEdges, log, top);
        return cost;
    }

    /** EFFECTIVE: whether p→v or an edge from p to a successor of v is a constant (p's constant edges take part). */
    private boolean constantsTakePart(int p, int v) {
        if ((constant[p * words + (v >>> 6)] & (1L << v)) != 0) {
            return true;
        }
        for (int k = 0; k < words; k++) {
            if ((constant[p * words + k] & succ[v * words + k]) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * EFFECTIVE: the products e(p,v)·e(v,s) that stay constant, for the successors s in word
     * {@code k} of {@code products} ({@code fresh}: those without an edge p→s before): writes each
     * sum's value, sets its ±1 bit, and logs the old value of edges that existed. Room in
     * {@code log} is ensured; returns the new top.
     */
    private int foldConstants(int p, int v, int k, long products, long fresh, double in, long[] log, int top) {
        final double[] value = this.value;
        final int row = p * n;
        final int vRow = v * n;
        long units = 0L;
        for (long bits = products; bits != 0; bits &= bits - 1) {
            int s = (k << 6) | Long.numberOfTrailingZeros(bits);
            double x = in * value[vRow + s];
            if ((fresh & (1L << s)) == 0) {
                log[top++] = Double.doubleToRawLongBits(value[row + s]);
                log[top++] = header(KIND_VALUE, row + s, 0);
                x += value[row + s];
            }
            value[row + s] = x;
            if (x == 1.0 || x == -1.0) {
                units |= 1L << s;
            }
        }
        unit[p * words + k] |= units;
        return top;
    }

    /** Each successor s of v gains v's predecessors and loses v (undo derives this; nothing is logged). */
    private void inheritPreds(int v) {
        final int words = this.words;
        final long[] pred = this.pred;
        final int[] inDeg = this.inDeg;
        final int vBase = v * words;
        for (int w = 0; w < words; w++) {
            for (long bits = succ[vBase + w]; bits != 0; bits &= bits - 1) {
                int s = (w << 6) | Long.numberOfTrailingZeros(bits);
                int sBase = s * words;
                int added = 0;
                for (int k = 0; k < words; k++) {
                    long old = pred[sBase + k];
                    long add = pred[vBase + k];
                    added += Long.bitCount(add & ~old);
                    pred[sBase + k] = old | add;
                }
                pred[sBase + (v >>> 6)] &= ~(1L << v);
                inDeg[s] += added - 1;
            }
        }
    }

    /**
     * Ends the elimination of v: pushes its entry and zeroes its degrees — its out-degree, and its
     * in-degree unless {@code keepInEdges}. Its rows are left as they were: nothing reads them
     * while v stays eliminated (see the class comment), and undo needs them. Room in {@code log}
     * is ensured; returns the new top.
     */
    private int markEliminated(int v, boolean keepInEdges, long[] log, int top) {
        log[top] = header(KIND_ELIMINATED, v, 0);
        outDeg[v] = 0;
        if (!keepInEdges) {
            inDeg[v] = 0;
        }
        return top + 1;
    }

    /**
     * Rows of two words: as {@link #markEliminated}, with v's degrees dropped to zero through the
     * gone bits (two-word rows have no degree arrays).
     */
    private int markEliminated2(int v, boolean keepInEdges, long[] log, int top) {
        log[top] = header(KIND_ELIMINATED, v, 0);
        long lowBit = v < 64 ? 1L << v : 0L;
        long highBit = v < 64 ? 0L : 1L << v;
        outGone0 |= lowBit;
        outGone1 |= highBit;
        if (!keepInEdges) {
            inGone0 |= lowBit;
            inGone1 |= highBit;
        }
        return top + 1;
    }

    // ------------------------------------------------------------------ undo

    @Override
    void undo() {
        if (words == 2) {
            undo2();
            return;
        }
        final long[] log = this.log;
        int top = logSize;
        // v's entry comes last; its rows are as they were before (they are left alone)
        long h = log[--top];
        if (kindOf(h) != KIND_ELIMINATED) {
            throw new IllegalStateException("corrupt undo log");
        }
        int v = indexOf(h);
        int vBase = v * words;
        inDeg[v] = countRow(pred, v);
        outDeg[v] = countRow(succ, v);
        // v is a predecessor of its successors again
        for (int w = 0; w < words; w++) {
            for (long bits = succ[vBase + w]; bits != 0; bits &= bits - 1) {
                int s = (w << 6) | Long.numberOfTrailingZeros(bits);
                pred[s * words + (v >>> 6)] |= 1L << v;
                inDeg[s]++;
            }
        }
        logSize = popPredecessors(inDeg[v], top);
    }

    /**
     * Pops the entries of {@code numPreds} predecessors below {@code top}: per predecessor its row
     * (and, with degree arrays, its out-degree), after its constant rows and old values if any.
     * Returns the new top.
     */
    private int popPredecessors(int numPreds, int top) {
        final long[] log = this.log;
        for (int left = numPreds; left > 0; ) {
            long h = log[--top];
            int at = indexOf(h);
            switch (kindOf(h)) {
                case KIND_VALUE -> value[at] = Double.longBitsToDouble(log[--top]);
                case KIND_FOLDED -> {
                    top -= words;
                    unfold(at, log, top);
                    if (words != 2) {
                        outDeg[at] = degreeOf(h);
                    }
                    left--;
                }
                case KIND_CONSTANTS -> {
                    top -= 2 * words;
                    System.arraycopy(log, top, constant, at * words, words);
                    System.arraycopy(log, top + words, unit, at * words, words);
                }
                default -> throw new IllegalStateException("corrupt undo log");
            }
        }
        return top;
    }

    /**
     * Rows of two words: as the undo for any width, without degrees. In PAPER mode the log holds
     * only each predecessor's old row, pushed in ascending order of the predecessors, which are
     * found again in v's predecessor row (left as it was).
     */
    private void undo2() {
        final long[] log = this.log;
        final long[] pred = this.pred;
        int top = logSize;
        long h = log[--top];
        if (kindOf(h) != KIND_ELIMINATED) {
            throw new IllegalStateException("corrupt undo log");
        }
        int v = indexOf(h);
        long lowClear = v < 64 ? ~(1L << v) : -1L;
        long highClear = v < 64 ? -1L : ~(1L << v);
        outGone0 &= lowClear;
        outGone1 &= highClear;
        inGone0 &= lowClear;
        inGone1 &= highClear;
        // v is a predecessor of its successors again
        int vWord = v >>> 6;
        long vBit = 1L << v;
        for (long bits = succ[2 * v]; bits != 0; bits &= bits - 1) {
            pred[2 * Long.numberOfTrailingZeros(bits) + vWord] |= vBit;
        }
        for (long bits = succ[2 * v + 1]; bits != 0; bits &= bits - 1) {
            pred[2 * (64 | Long.numberOfTrailingZeros(bits)) + vWord] |= vBit;
        }
        if (!effective) {
            for (long bits = pred[2 * v + 1]; bits != 0; ) {
                int high = 63 - Long.numberOfLeadingZeros(bits);
                bits &= ~(1L << high);
                top -= 2;
                unfold(64 | high, log, top);
            }
            for (long bits = pred[2 * v]; bits != 0; ) {
                int high = 63 - Long.numberOfLeadingZeros(bits);
                bits &= ~(1L << high);
                top -= 2;
                unfold(high, log, top);
            }
            logSize = top;
            return;
        }
        logSize = popPredecessors(Long.bitCount(pred[2 * v]) + Long.bitCount(pred[2 * v + 1]), top);
    }

    /**
     * Undoes the fold of v's successors into predecessor p: the successors p gained (in its
     * current row, not in the old one saved at {@code log[from..]}) lose p as a predecessor, and
     * p's successor row gets its old words back.
     */
    private void unfold(int p, long[] log, int from) {
        int pBase = p * words;
        for (int k = 0; k < words; k++) {
            for (long gained = succ[pBase + k] & ~log[from + k]; gained != 0; gained &= gained - 1) {
                int s = (k << 6) | Long.numberOfTrailingZeros(gained);
                pred[s * words + (p >>> 6)] &= ~(1L << p);
                if (words != 2) {
                    inDeg[s]--;
                }
            }
        }
        System.arraycopy(log, from, succ, pBase, words);
    }

    private int countRow(long[] rows, int v) {
        int c = 0;
        for (int k = v * words; k < (v + 1) * words; k++) {
            c += Long.bitCount(rows[k]);
        }
        return c;
    }

    // ------------------------------------------------------------------ log entries

    /** A log entry's header: the index (node or matrix entry) high, a degree, the kind in the low two bits. */
    private static long header(int kind, int index, int degree) {
        return ((long) index << 32) | ((long) degree << 2) | kind;
    }

    private static int kindOf(long header) {
        return (int) header & 3;
    }

    private static int indexOf(long header) {
        return (int) (header >>> 32);
    }

    private static int degreeOf(long header) {
        return (int) header >>> 2;
    }

    /** The log, grown if needed so that {@code extra} more entries fit after {@code top}. */
    private long[] ensureLog(int top, int extra) {
        if (top + extra > log.length) {
            log = Arrays.copyOf(log, Math.max(log.length * 2, top + extra));
        }
        return log;
    }
}
