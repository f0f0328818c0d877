package io.crosscountry.elimination;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The fast, mutable elimination engine: the current graph while vertices are eliminated one by
 * one, with the multiplications counted in one {@link CostMode}.
 *
 * <p>Built for search: adjacency lives in primitive arrays, an elimination costs time
 * proportional to the edges around the vertex (plus the out-degrees of its predecessors), every
 * change is logged so that {@link #undo()} restores the previous state exactly, and {@link #key()}
 * identifies the set of eliminated vertices (the remaining graph depends only on which vertices are
 * eliminated, not on their order), so searches can share states through transposition tables.
 * Nothing is allocated in the hot loop once the arrays have grown to their working size.
 *
 * <p>Semantics equal {@link Graph#cost(int[], CostMode)} (tested against it): eliminating v adds
 * e(p,v)·e(v,s) onto e(p,s) for every predecessor p and successor s; an output that a later vertex
 * reads keeps its in-edges. In {@link CostMode#EFFECTIVE} edges whose partial is a compile-time
 * constant are tracked with their value, and a product costs nothing when a factor is ±1 or both
 * factors are constants.
 *
 * <p>Not thread-safe; use {@link #copy()} per thread.
 */
public final class EliminationState {

    // undo log opcodes
    private static final int LOG_ELIMINATE = 1;   // v, previous cost (in values)
    private static final int LOG_SET = 2;         // owner, index; old value and constness in values
    private static final int LOG_APPEND_SUCC = 3; // owner
    private static final int LOG_APPEND_PRED = 4; // owner
    private static final int LOG_REMOVE_SUCC = 5; // owner, index, removed node; value + constness
    private static final int LOG_REMOVE_PRED = 6; // owner, index, removed node
    private static final int LOG_CLEAR = 7;       // v, old succ count, old pred count

    private final Graph graph;
    private final CostMode mode;
    private final int numInputs;
    private final int numNodes;
    private final boolean[] eliminableNode;
    private final boolean[] outputNode;
    private final long[] zobrist;

    // initial adjacency (for reset)
    private final int[][] initSucc;
    private final double[][] initSuccVal;
    private final boolean[][] initSuccConst;
    private final int[][] initPred;

    // current adjacency
    private int[][] succ;
    private double[][] succVal;
    private boolean[][] succConst;
    private final int[] succCount;
    private int[][] pred;
    private final int[] predCount;

    // remaining eliminable vertices (node indices), swap-removed
    private final int[] remaining;
    private final int[] posInRemaining;
    private int numRemaining;
    private final int[] eliminatedOrder;
    private int numEliminated;
    private final boolean[] eliminated;

    private long cost;
    private long key;

    // scratch: position of a node in the current predecessor's successor list
    private final int[] stamp;
    private final int[] stampPos;
    private int generation;

    // undo log
    private int[] log = new int[1024];
    private int logSize;
    private double[] logValues = new double[256];
    private int logValueSize;

    /** A fresh state of {@code graph} with nothing eliminated, counting in {@code mode}. */
    public EliminationState(Graph graph, CostMode mode) {
        this.graph = graph;
        this.mode = mode;
        this.numInputs = graph.numInputs();
        this.numNodes = numInputs + graph.numVertices();
        this.eliminableNode = new boolean[numNodes];
        this.outputNode = new boolean[numNodes];
        int[] elim = graph.eliminable();
        for (int v : elim) {
            eliminableNode[node(v)] = true;
        }
        for (int o : graph.outputs()) {
            outputNode[node(o)] = true;
        }
        this.zobrist = new long[numNodes];
        SplittableRandom random = new SplittableRandom(0x5DEECE66DL ^ graph.numVertices());
        for (int i = 0; i < numNodes; i++) {
            zobrist[i] = random.nextLong();
        }
        // initial adjacency from the graph's edges
        int[] outDeg = new int[numNodes];
        for (int v = 1; v <= graph.numVertices(); v++) {
            for (int p : graph.predsOf(v)) {
                outDeg[graph.node(p)]++;
            }
        }
        initSucc = new int[numNodes][];
        initSuccVal = new double[numNodes][];
        initSuccConst = new boolean[numNodes][];
        initPred = new int[numNodes][];
        for (int i = 0; i < numNodes; i++) {
            initSucc[i] = new int[outDeg[i]];
            initSuccVal[i] = new double[outDeg[i]];
            initSuccConst[i] = new boolean[outDeg[i]];
        }
        int[] fill = new int[numNodes];
        for (int i = 0; i < numInputs; i++) {
            initPred[i] = new int[0];
        }
        for (int v = 1; v <= graph.numVertices(); v++) {
            int w = node(v);
            int[] p = graph.predsOf(v);
            double[] c = graph.predConstantsOf(v);
            initPred[w] = new int[p.length];
            for (int k = 0; k < p.length; k++) {
                int u = graph.node(p[k]);
                initPred[w][k] = u;
                int at = fill[u]++;
                initSucc[u][at] = w;
                initSuccVal[u][at] = Double.isNaN(c[k]) ? 0.0 : c[k];
                initSuccConst[u][at] = !Double.isNaN(c[k]);
            }
        }
        succ = new int[numNodes][];
        succVal = new double[numNodes][];
        succConst = new boolean[numNodes][];
        pred = new int[numNodes][];
        succCount = new int[numNodes];
        predCount = new int[numNodes];
        for (int i = 0; i < numNodes; i++) {
            int cap = Math.max(4, initSucc[i].length * 2);
            succ[i] = new int[cap];
            succVal[i] = new double[cap];
            succConst[i] = new boolean[cap];
            pred[i] = new int[Math.max(4, initPred[i].length * 2)];
        }
        remaining = new int[elim.length];
        posInRemaining = new int[numNodes];
        eliminatedOrder = new int[elim.length];
        eliminated = new boolean[numNodes];
        stamp = new int[numNodes];
        stampPos = new int[numNodes];
        reset();
    }

    /** Restores the state with nothing eliminated (and clears the undo history). */
    public void reset() {
        for (int i = 0; i < numNodes; i++) {
            int n = initSucc[i].length;
            System.arraycopy(initSucc[i], 0, succ[i], 0, n);
            System.arraycopy(initSuccVal[i], 0, succVal[i], 0, n);
            System.arraycopy(initSuccConst[i], 0, succConst[i], 0, n);
            succCount[i] = n;
            int m = initPred[i].length;
            System.arraycopy(initPred[i], 0, pred[i], 0, m);
            predCount[i] = m;
            eliminated[i] = false;
        }
        numRemaining = 0;
        for (int i = 0; i < numNodes; i++) {
            if (eliminableNode[i]) {
                posInRemaining[i] = numRemaining;
                remaining[numRemaining++] = i;
            }
        }
        numEliminated = 0;
        cost = 0;
        key = 0;
        logSize = 0;
        logValueSize = 0;
    }

    /** A deep copy with the same current graph, cost and history. */
    public EliminationState copy() {
        EliminationState c = new EliminationState(graph, mode);
        c.copyFrom(this);
        return c;
    }

    /** Makes this state equal to {@code other} (a state of the same graph and mode). */
    public void copyFrom(EliminationState other) {
        if (other.graph != graph || other.mode != mode) {
            throw new IllegalArgumentException("states of different graphs or modes");
        }
        for (int i = 0; i < numNodes; i++) {
            if (succ[i].length < other.succ[i].length) {
                growSucc(i, other.succ[i].length); // undo may need the slots beyond the count
            }
            // whole arrays: undo restores cleared lists from the slots beyond the count
            System.arraycopy(other.succ[i], 0, succ[i], 0, other.succ[i].length);
            System.arraycopy(other.succVal[i], 0, succVal[i], 0, other.succ[i].length);
            System.arraycopy(other.succConst[i], 0, succConst[i], 0, other.succ[i].length);
            succCount[i] = other.succCount[i];
            if (pred[i].length < other.pred[i].length) {
                pred[i] = Arrays.copyOf(pred[i], other.pred[i].length);
            }
            System.arraycopy(other.pred[i], 0, pred[i], 0, other.pred[i].length);
            predCount[i] = other.predCount[i];
            eliminated[i] = other.eliminated[i];
            posInRemaining[i] = other.posInRemaining[i];
        }
        System.arraycopy(other.remaining, 0, remaining, 0, remaining.length);
        numRemaining = other.numRemaining;
        System.arraycopy(other.eliminatedOrder, 0, eliminatedOrder, 0, eliminatedOrder.length);
        numEliminated = other.numEliminated;
        cost = other.cost;
        key = other.key;
        if (log.length < other.logSize) {
            log = new int[other.log.length];
        }
        System.arraycopy(other.log, 0, log, 0, other.logSize);
        logSize = other.logSize;
        if (logValues.length < other.logValueSize) {
            logValues = new double[other.logValues.length];
        }
        System.arraycopy(other.logValues, 0, logValues, 0, other.logValueSize);
        logValueSize = other.logValueSize;
    }

    // ------------------------------------------------------------------ queries

    /** The graph this state eliminates. */
    public Graph graph() {
        return graph;
    }

    /** The cost mode multiplications are counted in. */
    public CostMode mode() {
        return mode;
    }

    /** The multiplications of all eliminations so far. */
    public long cost() {
        return cost;
    }

    /** A 64-bit hash of the set of eliminated vertices (independent of their order). */
    public long key() {
        return key;
    }

    /** How many vertices have been eliminated. */
    public int numEliminated() {
        return numEliminated;
    }

    /** How many eliminable vertices remain. */
    public int numRemaining() {
        return numRemaining;
    }

    /** Whether every eliminable vertex is eliminated (the edges now form the Jacobian). */
    public boolean isComplete() {
        return numRemaining == 0;
    }

    /** Whether vertex {@code id} is eliminated. */
    public boolean isEliminated(int id) {
        return eliminated[node(id)];
    }

    /** Whether vertex {@code id} may still be eliminated (eliminable and not yet eliminated). */
    public boolean isLegal(int id) {
        int v = node(id);
        return eliminableNode[v] && !eliminated[v];
    }

    /** The i-th remaining eliminable vertex id (0 ≤ i < {@link #numRemaining()}), in no particular order. */
    public int remainingAt(int i) {
        if (i < 0 || i >= numRemaining) {
            throw new IndexOutOfBoundsException(i);
        }
        return id(remaining[i]);
    }

    /** The remaining eliminable vertex ids, ascending. */
    public int[] remaining() {
        int[] r = new int[numRemaining];
        for (int i = 0; i < numRemaining; i++) {
            r[i] = id(remaining[i]);
        }
        Arrays.sort(r);
        return r;
    }

    /** The vertices eliminated so far, in order. */
    public int[] eliminatedOrder() {
        int[] r = new int[numEliminated];
        for (int i = 0; i < numEliminated; i++) {
            r[i] = id(eliminatedOrder[i]);
        }
        return r;
    }

    /** The current number of in-edges of vertex {@code id}. */
    public int inDegree(int id) {
        return predCount[node(id)];
    }

    /** The current number of out-edges of vertex {@code id} (or input, as {@code -1, -2, …}). */
    public int outDegree(int id) {
        return succCount[node(id)];
    }

    /** The current predecessors of vertex {@code id}: vertex ids, inputs as {@code -1, -2, …}. */
    public int[] predIds(int id) {
        int v = node(id);
        int[] r = new int[predCount[v]];
        for (int k = 0; k < r.length; k++) {
            r[k] = id(pred[v][k]);
        }
        return r;
    }

    /** The current successors of vertex {@code id} (or input, as {@code -1, -2, …}). */
    public int[] succIds(int id) {
        int v = node(id);
        int[] r = new int[succCount[v]];
        for (int k = 0; k < r.length; k++) {
            r[k] = id(succ[v][k]);
        }
        return r;
    }

    /** The paper's Markowitz degree: |preds|·|succs| in the current graph. */
    public long markowitzDegree(int id) {
        int v = node(id);
        return (long) predCount[v] * succCount[v];
    }

    /** The multiplications that eliminating {@code id} now would cost in this state's mode. */
    public long eliminationCost(int id) {
        int v = node(id);
        if (mode == CostMode.PAPER) {
            return (long) predCount[v] * succCount[v];
        }
        long c = 0;
        for (int k = 0; k < predCount[v]; k++) {
            int p = pred[v][k];
            int at = indexOf(p, v);
            boolean inConst = succConst[p][at];
            double in = succVal[p][at];
            for (int j = 0; j < succCount[v]; j++) {
                c += effectiveCost(inConst, in, succConst[v][j], succVal[v][j]);
            }
        }
        return c;
    }

    // ------------------------------------------------------------------ elimination

    /**
     * Eliminates vertex {@code id} and returns the multiplications it cost.
     *
     * @throws IllegalArgumentException when {@code id} is not eliminable or already eliminated
     */
    public long eliminate(int id) {
        if (id < 1 || id > graph.numVertices() || !isLegal(id)) {
            throw new IllegalArgumentException("vertex " + id + " is not eliminable here"
                    + (id >= 1 && id <= graph.numVertices() && isEliminated(id) ? " (already eliminated)" : ""));
        }
        int v = node(id);
        long before = cost;
        pushLog(LOG_ELIMINATE, v);
        pushValue(Double.longBitsToDouble(before));
        int nSucc = succCount[v];
        int[] vSucc = succ[v];
        double[] vVal = succVal[v];
        boolean[] vConst = succConst[v];
        boolean keepInEdges = outputNode[v];
        long c = 0;
        for (int k = 0; k < predCount[v]; k++) {
            int p = pred[v][k];
            generation++;
            int[] pSucc = succ[p];
            for (int j = 0; j < succCount[p]; j++) {
                stamp[pSucc[j]] = generation;
                stampPos[pSucc[j]] = j;
            }
            int at = stampPos[v];
            boolean inConst = succConst[p][at];
            double in = succVal[p][at];
            for (int j = 0; j < nSucc; j++) {
                int s = vSucc[j];
                boolean outConst = vConst[j];
                double out = vVal[j];
                if (mode == CostMode.PAPER) {
                    c++;
                } else {
                    c += effectiveCost(inConst, in, outConst, out);
                }
                boolean prodConst = inConst && outConst;
                double prod = prodConst ? in * out : 0.0;
                if (stamp[s] == generation) {
                    int pos = stampPos[s];
                    logSet(p, pos);
                    boolean sumConst = succConst[p][pos] && prodConst;
                    succVal[p][pos] = sumConst ? succVal[p][pos] + prod : 0.0;
                    succConst[p][pos] = sumConst;
                } else {
                    appendSucc(p, s, prod, prodConst);
                    appendPred(s, p);
                    stamp[s] = generation;
                    stampPos[s] = succCount[p] - 1;
                }
            }
            if (!keepInEdges) {
                removeSuccAt(p, stampPos[v]);
            }
        }
        for (int j = 0; j < nSucc; j++) {
            removePred(vSucc[j], v);
        }
        ensureLog(4);
        log[logSize++] = v;
        log[logSize++] = succCount[v];
        log[logSize++] = predCount[v];
        log[logSize++] = LOG_CLEAR;
        succCount[v] = 0;
        if (!keepInEdges) {
            predCount[v] = 0;
        }
        eliminated[v] = true;
        int pos = posInRemaining[v];
        int last = remaining[--numRemaining];
        remaining[pos] = last;
        posInRemaining[last] = pos;
        remaining[numRemaining] = v;
        posInRemaining[v] = numRemaining;
        eliminatedOrder[numEliminated++] = v;
        key ^= zobrist[v];
        cost += c;
        return c;
    }

    /** Whether there is an elimination to undo. */
    public boolean canUndo() {
        return numEliminated > 0 && logSize > 0;
    }

    /**
     * Undoes the last elimination, restoring the graph, cost and key exactly.
     *
     * @throws IllegalStateException when nothing was eliminated since the last reset or copy
     */
    public void undo() {
        if (!canUndo()) {
            throw new IllegalStateException("nothing to undo");
        }
        while (true) {
            int op = log[logSize - 1];
            switch (op) {
                case LOG_CLEAR -> {
                    int oldPred = log[logSize - 2];
                    int oldSucc = log[logSize - 3];
                    int v = log[logSize - 4];
                    logSize -= 4;
                    succCount[v] = oldSucc;
                    predCount[v] = oldPred;
                }
                case LOG_SET -> {
                    int pos = log[logSize - 2];
                    int p = log[logSize - 3];
                    logSize -= 3;
                    succConst[p][pos] = logValues[--logValueSize] != 0.0;
                    succVal[p][pos] = logValues[--logValueSize];
                }
                case LOG_APPEND_SUCC -> {
                    int p = log[logSize - 2];
                    logSize -= 2;
                    succCount[p]--;
                }
                case LOG_APPEND_PRED -> {
                    int s = log[logSize - 2];
                    logSize -= 2;
                    predCount[s]--;
                }
                case LOG_REMOVE_SUCC -> {
                    int removed = log[logSize - 2];
                    int pos = log[logSize - 3];
                    int p = log[logSize - 4];
                    logSize -= 4;
                    boolean removedConst = logValues[--logValueSize] != 0.0;
                    double removedVal = logValues[--logValueSize];
                    int n = succCount[p]++;
                    // the element moved into pos came from the end: move it back, restore the removed one
                    succ[p][n] = succ[p][pos];
                    succVal[p][n] = succVal[p][pos];
                    succConst[p][n] = succConst[p][pos];
                    succ[p][pos] = removed;
                    succVal[p][pos] = removedVal;
                    succConst[p][pos] = removedConst;
                }
                case LOG_REMOVE_PRED -> {
                    int removed = log[logSize - 2];
                    int pos = log[logSize - 3];
                    int s = log[logSize - 4];
                    logSize -= 4;
                    int n = predCount[s]++;
                    pred[s][n] = pred[s][pos];
                    pred[s][pos] = removed;
                }
                case LOG_ELIMINATE -> {
                    int v = log[logSize - 2];
                    logSize -= 2;
                    cost = Double.doubleToRawLongBits(logValues[--logValueSize]);
                    eliminated[v] = false;
                    numEliminated--;
                    // v sits at remaining[numRemaining]; the vertex moved into its old slot is restored by swapping back
                    numRemaining++;
                    key ^= zobrist[v];
                    return;
                }
                default -> throw new IllegalStateException("corrupt undo log");
            }
        }
    }

    // ------------------------------------------------------------------ internals

    private static long effectiveCost(boolean aConst, double a, boolean bConst, double b) {
        if ((aConst && (a == 1.0 || a == -1.0)) || (bConst && (b == 1.0 || b == -1.0))) {
            return 0;
        }
        return aConst && bConst ? 0 : 1;
    }

    private int indexOf(int p, int s) {
        int[] list = succ[p];
        for (int j = 0; j < succCount[p]; j++) {
            if (list[j] == s) {
                return j;
            }
        }
        throw new IllegalStateException("missing edge");
    }

    private void appendSucc(int p, int s, double value, boolean constant) {
        int n = succCount[p];
        if (n == succ[p].length) {
            growSucc(p, n * 2);
        }
        succ[p][n] = s;
        succVal[p][n] = value;
        succConst[p][n] = constant;
        succCount[p] = n + 1;
        pushLog(LOG_APPEND_SUCC, p);
    }

    private void growSucc(int p, int capacity) {
        succ[p] = Arrays.copyOf(succ[p], capacity);
        succVal[p] = Arrays.copyOf(succVal[p], capacity);
        succConst[p] = Arrays.copyOf(succConst[p], capacity);
    }

    private void appendPred(int s, int p) {
        int n = predCount[s];
        if (n == pred[s].length) {
            pred[s] = Arrays.copyOf(pred[s], n * 2);
        }
        pred[s][n] = p;
        predCount[s] = n + 1;
        pushLog(LOG_APPEND_PRED, s);
    }

    private void removeSuccAt(int p, int pos) {
        int last = --succCount[p];
        pushValue(succVal[p][pos]);
        pushValue(succConst[p][pos] ? 1.0 : 0.0);
        int removed = succ[p][pos];
        succ[p][pos] = succ[p][last];
        succVal[p][pos] = succVal[p][last];
        succConst[p][pos] = succConst[p][last];
        ensureLog(4);
        log[logSize++] = p;
        log[logSize++] = pos;
        log[logSize++] = removed;
        log[logSize++] = LOG_REMOVE_SUCC;
    }

    private void removePred(int s, int p) {
        int[] list = pred[s];
        int n = predCount[s];
        for (int k = 0; k < n; k++) {
            if (list[k] == p) {
                list[k] = list[n - 1];
                predCount[s] = n - 1;
                ensureLog(4);
                log[logSize++] = s;
                log[logSize++] = k;
                log[logSize++] = p;
                log[logSize++] = LOG_REMOVE_PRED;
                return;
            }
        }
        throw new IllegalStateException("missing pred edge");
    }

    private void logSet(int p, int pos) {
        pushValue(succVal[p][pos]);
        pushValue(succConst[p][pos] ? 1.0 : 0.0);
        ensureLog(3);
        log[logSize++] = p;
        log[logSize++] = pos;
        log[logSize++] = LOG_SET;
    }

    /** Pushes an entry of two ints: its argument, then the opcode on top. */
    private void pushLog(int op, int arg) {
        ensureLog(2);
        log[logSize++] = arg;
        log[logSize++] = op;
    }

    private void ensureLog(int extra) {
        if (logSize + extra > log.length) {
            log = Arrays.copyOf(log, log.length * 2);
        }
    }

    private void pushValue(double x) {
        if (logValueSize == logValues.length) {
            logValues = Arrays.copyOf(logValues, logValues.length * 2);
        }
        logValues[logValueSize++] = x;
    }

    private int node(int id) {
        return graph.node(id);
    }

    private int id(int node) {
        return node < numInputs ? -(node + 1) : node - numInputs + 1;
    }
}
