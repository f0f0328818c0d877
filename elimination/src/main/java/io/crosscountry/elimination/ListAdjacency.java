package io.crosscountry.elimination;

import java.util.Arrays;

/**
 * Adjacency as successor and predecessor lists in primitive arrays, for graphs of any size (the
 * fallback where {@link BitAdjacency} rows would be too large).
 *
 * <p>Each node's successors are kept with their edge values and constness; an elimination costs
 * time proportional to the edges around the vertex plus the out-degrees of its predecessors
 * (their successor lists are scanned to find existing edges). Every change is logged so that
 * {@link #undo()} restores the lists exactly, including their order. Removal swaps the last
 * element into the gap, so list order depends on the history.
 */
final class ListAdjacency extends Adjacency {

    // undo log opcodes (the opcode is pushed last)
    private static final int LOG_ELIMINATE = 1;   // v
    private static final int LOG_SET = 2;         // owner, index; old value and constness in values
    private static final int LOG_APPEND_SUCC = 3; // owner
    private static final int LOG_APPEND_PRED = 4; // owner
    private static final int LOG_REMOVE_SUCC = 5; // owner, index, removed node; value + constness
    private static final int LOG_REMOVE_PRED = 6; // owner, index, removed node
    private static final int LOG_CLEAR = 7;       // v, old succ count, old pred count

    private final int numNodes;
    private final boolean effective;

    // initial adjacency (for reset), shared by copies
    private final int[][] initSucc;
    private final double[][] initSuccVal;
    private final boolean[][] initSuccConst;
    private final int[][] initPred;

    // current adjacency
    private final int[][] succ;
    private final double[][] succVal;
    private final boolean[][] succConst;
    private final int[] succCount;
    private final int[][] pred;
    private final int[] predCount;

    // scratch: position of a node in the current predecessor's successor list
    private final int[] stamp;
    private final int[] stampPos;
    private int generation;

    // undo log
    private int[] log = new int[1024];
    private int logSize;
    private double[] logValues = new double[256];
    private int logValueSize;

    /** The initial edges of {@code graph}, counting in {@code mode}. */
    ListAdjacency(Graph graph, CostMode mode) {
        this.numNodes = graph.numInputs() + graph.numVertices();
        this.effective = mode == CostMode.EFFECTIVE;
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
            initPred[i] = new int[0];
        }
        int[] fill = new int[numNodes];
        for (int v = 1; v <= graph.numVertices(); v++) {
            int w = graph.node(v);
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
        for (int i = 0; i < numNodes; i++) {
            int cap = Math.max(4, initSucc[i].length * 2);
            succ[i] = new int[cap];
            succVal[i] = new double[cap];
            succConst[i] = new boolean[cap];
            pred[i] = new int[Math.max(4, initPred[i].length * 2)];
        }
        succCount = new int[numNodes];
        predCount = new int[numNodes];
        stamp = new int[numNodes];
        stampPos = new int[numNodes];
        reset();
    }

    /** An empty adjacency sharing {@code source}'s initial lists (filled by {@link #copyFrom}). */
    private ListAdjacency(ListAdjacency source) {
        this.numNodes = source.numNodes;
        this.effective = source.effective;
        this.initSucc = source.initSucc;
        this.initSuccVal = source.initSuccVal;
        this.initSuccConst = source.initSuccConst;
        this.initPred = source.initPred;
        succ = new int[numNodes][];
        succVal = new double[numNodes][];
        succConst = new boolean[numNodes][];
        pred = new int[numNodes][];
        for (int i = 0; i < numNodes; i++) {
            succ[i] = new int[source.succ[i].length];
            succVal[i] = new double[source.succ[i].length];
            succConst[i] = new boolean[source.succ[i].length];
            pred[i] = new int[source.pred[i].length];
        }
        succCount = new int[numNodes];
        predCount = new int[numNodes];
        stamp = new int[numNodes];
        stampPos = new int[numNodes];
    }

    @Override
    void reset() {
        for (int i = 0; i < numNodes; i++) {
            int n = initSucc[i].length;
            System.arraycopy(initSucc[i], 0, succ[i], 0, n);
            System.arraycopy(initSuccVal[i], 0, succVal[i], 0, n);
            System.arraycopy(initSuccConst[i], 0, succConst[i], 0, n);
            succCount[i] = n;
            int m = initPred[i].length;
            System.arraycopy(initPred[i], 0, pred[i], 0, m);
            predCount[i] = m;
        }
        logSize = 0;
        logValueSize = 0;
    }

    @Override
    Adjacency copy() {
        ListAdjacency c = new ListAdjacency(this);
        c.copyFrom(this);
        return c;
    }

    @Override
    void copyFrom(Adjacency source) {
        ListAdjacency other = (ListAdjacency) source;
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
        }
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

    @Override
    int inDegree(int v) {
        return predCount[v];
    }

    @Override
    int outDegree(int v) {
        return succCount[v];
    }

    @Override
    int[] preds(int v) {
        return Arrays.copyOf(pred[v], predCount[v]);
    }

    @Override
    int[] succs(int v) {
        return Arrays.copyOf(succ[v], succCount[v]);
    }

    @Override
    long eliminationCost(int v) {
        if (!effective) {
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

    @Override
    long eliminate(int v, boolean keepInEdges) {
        pushLog(LOG_ELIMINATE, v);
        int nSucc = succCount[v];
        int[] vSucc = succ[v];
        double[] vVal = succVal[v];
        boolean[] vConst = succConst[v];
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
                c += effective ? effectiveCost(inConst, in, outConst, out) : 1;
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
        return c;
    }

    @Override
    void undo() {
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
                    logSize -= 2;
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
}
