package io.crosscountry.elimination.search;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;

/**
 * The original graph as flat arrays, with the two routines {@link LowerBounds} is built from: the
 * current neighbours of a vertex whose edge is "costly" (collected through the eliminated vertices),
 * and the maximum number of disjoint paths from such neighbours to the inputs or the outputs.
 *
 * <p>Everything is computed on the <em>original</em> graph with a per-call set of eliminated
 * ("transit") nodes: the current graph after eliminating a set T has an edge u→w exactly when the
 * original graph has a path from u to w whose interior lies in T (u not eliminated; w not
 * eliminated or an eliminated output, which keeps its in-edges). An edge of the current graph is
 * constant exactly when every such path consists of constant edges (a product is constant when both
 * factors are, a sum when both summands are), so "non-constant" is decided by the paths too.
 *
 * <p>Nodes are numbered as in the engine: inputs {@code 0..numInputs-1}, vertex {@code id} at
 * {@code numInputs + id - 1}. Not thread-safe (scratch arrays).
 */
final class LowerBoundNetwork {

    final int numInputs;
    final int numNodes;
    /** Original edges: tail and head node, and whether the partial is not a compile-time constant. */
    private final int[] tail;
    private final int[] head;
    private final boolean[] costly;
    /** Edge ids leaving / entering each node. */
    private final int[][] outEdges;
    private final int[][] inEdges;
    final boolean[] output;
    /** Constant partial of each edge (NaN when not constant). */
    private final double[] value;
    /**
     * Original path counts capped at 2, {@code pathsFrom[a][b]} from node a to node b, for a an input
     * or a vertex (EFFECTIVE mode only: they certify permanent constant edges).
     */
    private final byte[][] pathsFrom;
    private final int[] outputNodes;
    /** Nodes known to be still present (not eliminated) when the vertex being bounded is eliminated. */
    private final boolean[] present;
    private final int[] presentList;
    private int presentCount;

    // per-call state
    private boolean[] transit;

    // scratch for collection (2 bits per node: visited without / with a costly edge on the way)
    private final int[] visitStamp;
    private final byte[] visitBits;
    private final int[] resultStamp;
    private int stamp;
    private final int[] stackNode;
    private final boolean[] stackFlag;

    // scratch for max flow
    private final int[] nodeFlow;
    private final int[] edgeFlow;
    private final int[] flowStamp;      // nodeFlow / edgeFlow valid when == flowGen (edges via tail)
    private final int[] edgeFlowStamp;
    private int flowGen;
    private final int[] sourceUsed;     // == flowGen when the source has started a path
    private final int[] seenIn;
    private final int[] seenOut;
    private int seenGen;
    private final int[] prevState;
    private final int[] prevEdge;
    private final int[] queue;

    /**
     * @param costlyAll when true every edge counts as costly ({@link CostMode#PAPER}); otherwise
     *                  only edges whose partial is not a compile-time constant do
     */
    LowerBoundNetwork(Graph graph, boolean costlyAll) {
        numInputs = graph.numInputs();
        numNodes = numInputs + graph.numVertices();
        int edges = 0;
        for (int v = 1; v <= graph.numVertices(); v++) {
            edges += graph.predIds(v).length;
        }
        tail = new int[edges];
        head = new int[edges];
        costly = new boolean[edges];
        value = new double[edges];
        int[] outDeg = new int[numNodes];
        int[] inDeg = new int[numNodes];
        int e = 0;
        for (int v = 1; v <= graph.numVertices(); v++) {
            int[] p = graph.predIds(v);
            double[] c = graph.predConstantPartials(v);
            for (int k = 0; k < p.length; k++) {
                tail[e] = node(p[k]);
                head[e] = node(v);
                costly[e] = costlyAll || Double.isNaN(c[k]);
                value[e] = c[k];
                outDeg[tail[e]]++;
                inDeg[head[e]]++;
                e++;
            }
        }
        outEdges = new int[numNodes][];
        inEdges = new int[numNodes][];
        for (int i = 0; i < numNodes; i++) {
            outEdges[i] = new int[outDeg[i]];
            inEdges[i] = new int[inDeg[i]];
        }
        int[] o = new int[numNodes];
        int[] in = new int[numNodes];
        for (int k = 0; k < edges; k++) {
            outEdges[tail[k]][o[tail[k]]++] = k;
            inEdges[head[k]][in[head[k]]++] = k;
        }
        output = new boolean[numNodes];
        for (int id : graph.outputs()) {
            output[node(id)] = true;
        }
        outputNodes = new int[graph.numOutputs()];
        for (int i = 0; i < outputNodes.length; i++) {
            outputNodes[i] = node(graph.outputs()[i]);
        }
        pathsFrom = new byte[costlyAll ? 0 : numNodes][];
        for (int i = 0; i < pathsFrom.length; i++) {
            pathsFrom[i] = countPaths(i);
        }
        present = new boolean[numNodes];
        presentList = new int[numNodes];
        transit = new boolean[numNodes];
        visitStamp = new int[numNodes];
        visitBits = new byte[numNodes];
        resultStamp = new int[numNodes];
        // each node is expanded at most twice (without, then with a costly edge), pushing its edges
        stackNode = new int[2 * edges + numNodes + 2];
        stackFlag = new boolean[2 * edges + numNodes + 2];
        nodeFlow = new int[numNodes];
        flowStamp = new int[numNodes];
        edgeFlow = new int[edges];
        edgeFlowStamp = new int[edges];
        sourceUsed = new int[numNodes];
        seenIn = new int[numNodes];
        seenOut = new int[numNodes];
        prevState = new int[2 * numNodes];
        prevEdge = new int[2 * numNodes];
        queue = new int[2 * numNodes];
    }

    int node(int id) {
        return id < 0 ? -id - 1 : numInputs + id - 1;
    }

    /** The original predecessors (forward false) or successors (forward true) of node x. */
    int[] adjacent(int x, boolean forward) {
        int[] edges = forward ? outEdges[x] : inEdges[x];
        int[] r = new int[edges.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = forward ? head[edges[i]] : tail[edges[i]];
        }
        return r;
    }

    /** The nodes linked to x by an original edge (either direction), only by non-costly ones if asked. */
    int[] neighbours(int x, boolean nonCostlyOnly) {
        int[] r = new int[inEdges[x].length + outEdges[x].length];
        int n = 0;
        for (int e : inEdges[x]) {
            if (!nonCostlyOnly || !costly[e]) {
                r[n++] = tail[e];
            }
        }
        for (int e : outEdges[x]) {
            if (!nonCostlyOnly || !costly[e]) {
                r[n++] = head[e];
            }
        }
        return java.util.Arrays.copyOf(r, n);
    }

    /** Sets the eliminated nodes for the following calls (the array is read, not copied). */
    void setTransit(boolean[] eliminatedNodes) {
        this.transit = eliminatedNodes;
    }

    /**
     * Collects the current predecessors p of {@code v} whose edge p→v is costly, into {@code out}.
     *
     * <p>Walks backwards from v through eliminated nodes; a non-eliminated node reached is a current
     * predecessor, and its edge is costly when some path to it carries a costly original edge.
     * Eliminated outputs are passed through (their out-edges were folded into their predecessors).
     *
     * @return how many were written
     */
    int costlyPreds(int v, int[] out) {
        return collect(v, false, out);
    }

    /**
     * Collects the current successors s of {@code v} whose edge v→s is costly, into {@code out}.
     * Eliminated outputs are both successors (they keep their in-edges) and passed through.
     */
    int costlySuccs(int v, int[] out) {
        return collect(v, true, out);
    }

    private int collect(int v, boolean forward, int[] out) {
        int gen = ++stamp;
        int top = 0;
        int[] edges = forward ? outEdges[v] : inEdges[v];
        for (int e : edges) {
            stackNode[top] = forward ? head[e] : tail[e];
            stackFlag[top++] = costly[e];
        }
        int count = 0;
        while (top > 0) {
            int x = stackNode[--top];
            boolean flag = stackFlag[top];
            // visited bits: 1 = seen without a costly edge, 2 = seen with one (dominates)
            int bits = visitStamp[x] == gen ? visitBits[x] : 0;
            if ((bits & 2) != 0 || (!flag && bits != 0)) {
                continue;
            }
            visitStamp[x] = gen;
            visitBits[x] = (byte) (bits | (flag ? 2 : 1));
            boolean pass = transit[x];
            boolean record = !pass || (forward && output[x]);
            if (record && flag && resultStamp[x] != gen) {
                resultStamp[x] = gen;
                out[count++] = x;
            }
            if (pass) {
                int[] next = forward ? outEdges[x] : inEdges[x];
                for (int e : next) {
                    stackNode[top] = forward ? head[e] : tail[e];
                    stackFlag[top++] = flag || costly[e];
                }
            }
        }
        return count;
    }

    /**
     * Number of original paths from {@code root} to every node, capped at 2. Nodes are in
     * topological order by number (vertices only read earlier vertices and inputs).
     */
    private byte[] countPaths(int root) {
        byte[] count = new byte[numNodes];
        count[root] = 1;
        for (int x = Math.max(root + 1, numInputs); x < numNodes; x++) {
            int c = 0;
            for (int e : inEdges[x]) {
                c += count[tail[e]];
            }
            count[x] = (byte) Math.min(2, c);
        }
        return count;
    }

    /** Marks node x as known to be present (a terminal for the flows, an end of permanent edges). */
    void addPresent(int x) {
        if (!present[x]) {
            present[x] = true;
            presentList[presentCount++] = x;
        }
    }

    /** Forgets every present mark. */
    void clearPresent() {
        for (int i = 0; i < presentCount; i++) {
            present[presentList[i]] = false;
        }
        presentCount = 0;
    }

    /**
     * The nodes p — inputs, or nodes marked present — whose current edge p→v is a <em>permanent
     * non-unit constant</em>, written to {@code out} from index {@code from}: the original graph has
     * exactly one path from p to v, its interior is eliminated, its partials are all constant and
     * their product is not ±1 (by a margin far above rounding). No elimination can add a term to
     * that edge, and p stays (an input is never eliminated; a present node by assumption), so v
     * keeps the edge, with that value, until v itself is eliminated. EFFECTIVE mode only.
     *
     * @return the new end index
     */
    int permanentConstPreds(int v, int[] out, int from) {
        for (int p = 0; p < numInputs; p++) {
            if (pathsFrom[p][v] == 1 && permanentConst(p, v)) {
                out[from++] = p;
            }
        }
        for (int i = 0; i < presentCount; i++) {
            int p = presentList[i];
            if (p < v && pathsFrom[p][v] == 1 && permanentConst(p, v)) {
                out[from++] = p;
            }
        }
        return from;
    }

    /**
     * The nodes o — outputs (eliminated or not: an output keeps its in-edges), or nodes marked
     * present — whose current edge v→o is a permanent non-unit constant (as above).
     */
    int permanentConstSuccs(int v, int[] out, int from) {
        byte[] count = pathsFrom[v];
        for (int o : outputNodes) {
            if (o > v && count[o] == 1 && !present[o] && permanentConst(v, o)) {
                out[from++] = o;
            }
        }
        for (int i = 0; i < presentCount; i++) {
            int o = presentList[i];
            if (o > v && count[o] == 1 && permanentConst(v, o)) {
                out[from++] = o;
            }
        }
        return from;
    }

    /** Walks the unique original path a→…→b backwards and checks it (see above). */
    private boolean permanentConst(int a, int b) {
        byte[] count = pathsFrom[a];
        double product = 1.0;
        int x = b;
        while (x != a) {
            int edge = -1;
            for (int e : inEdges[x]) {
                if (count[tail[e]] > 0) {
                    edge = e;
                    break;
                }
            }
            if (edge < 0 || Double.isNaN(value[edge])) {
                return false;
            }
            product *= value[edge];
            x = tail[edge];
            if (x != a && !transit[x]) {
                return false; // interior not eliminated yet: not a current edge
            }
        }
        return !Double.isNaN(product) && Math.abs(Math.abs(product) - 1.0) > 1e-6;
    }

    /**
     * The maximum number of paths that start at distinct nodes of {@code sources} and end at
     * distinct terminals — inputs when walking backwards ({@code forward == false}), outputs when
     * walking forwards — and share no non-eliminated node (eliminated nodes have unlimited capacity;
     * a terminal ends its path). The sources are non-eliminated nodes.
     */
    int disjointPaths(int[] sources, int count, boolean forward) {
        if (count == 0) {
            return 0;
        }
        int gen = ++flowGen;
        int paths = 0;
        while (paths < count && augment(sources, count, forward, gen)) {
            paths++;
        }
        return paths;
    }

    private boolean terminal(int x, boolean forward) {
        return present[x] || (forward ? output[x] : x < numInputs);
    }

    private int nodeFlow(int x, int gen) {
        return flowStamp[x] == gen ? nodeFlow[x] : 0;
    }

    private void addNodeFlow(int x, int gen, int delta) {
        if (flowStamp[x] != gen) {
            flowStamp[x] = gen;
            nodeFlow[x] = 0;
        }
        nodeFlow[x] += delta;
    }

    private int edgeFlow(int e, int gen) {
        return edgeFlowStamp[e] == gen ? edgeFlow[e] : 0;
    }

    private void addEdgeFlow(int e, int gen, int delta) {
        if (edgeFlowStamp[e] != gen) {
            edgeFlowStamp[e] = gen;
            edgeFlow[e] = 0;
        }
        edgeFlow[e] += delta;
    }

    /**
     * One breadth-first augmenting path in the node-split residual network. States: {@code 2x}
     * ("arrived at x") and {@code 2x+1} ("left x"). For an eliminated node both are one state.
     */
    private boolean augment(int[] sources, int count, boolean forward, int gen) {
        int sg = ++seenGen;
        int qh = 0;
        int qt = 0;
        for (int i = 0; i < count; i++) {
            int s = sources[i];
            // a source starts at most one path (the super-source edge has capacity 1)
            if (sourceUsed[s] != gen && seenIn[s] != sg) {
                seenIn[s] = sg;
                prevState[2 * s] = -1;
                queue[qt++] = 2 * s;
            }
        }
        int found = -1;
        while (qh < qt && found < 0) {
            int state = queue[qh++];
            int x = state >> 1;
            boolean left = (state & 1) != 0;
            boolean pass = transit[x] && !terminal(x, forward);
            if (!left) {
                boolean end = terminal(x, forward);
                if (end && nodeFlow(x, gen) == 0) {
                    found = state;
                    break;
                }
                if (!end && (pass || nodeFlow(x, gen) == 0)) {
                    if (seenOut[x] != sg) {
                        seenOut[x] = sg;
                        prevState[2 * x + 1] = state;
                        prevEdge[2 * x + 1] = -1;
                        queue[qt++] = 2 * x + 1;
                    }
                }
                // cancel flow on an edge that enters x
                int[] back = forward ? inEdges[x] : outEdges[x];
                for (int e : back) {
                    if (edgeFlow(e, gen) > 0) {
                        int w = forward ? tail[e] : head[e];
                        if (seenOut[w] != sg) {
                            seenOut[w] = sg;
                            prevState[2 * w + 1] = state;
                            prevEdge[2 * w + 1] = e;
                            queue[qt++] = 2 * w + 1;
                        }
                    }
                }
            } else {
                int[] next = forward ? outEdges[x] : inEdges[x];
                for (int e : next) {
                    int y = forward ? head[e] : tail[e];
                    if (seenIn[y] != sg) {
                        seenIn[y] = sg;
                        prevState[2 * y] = state;
                        prevEdge[2 * y] = e;
                        queue[qt++] = 2 * y;
                    }
                }
                // cancel flow through x (an eliminated node's capacity is unlimited: always allowed)
                if ((pass || nodeFlow(x, gen) > 0) && seenIn[x] != sg) {
                    seenIn[x] = sg;
                    prevState[2 * x] = state;
                    prevEdge[2 * x] = -1;
                    queue[qt++] = 2 * x;
                }
            }
        }
        if (found < 0) {
            return false;
        }
        addNodeFlow(found >> 1, gen, 1); // the terminal is used
        int state = found;
        while (prevState[state] >= 0) {
            int from = prevState[state];
            int e = prevEdge[state];
            int a = from >> 1;
            int b = state >> 1;
            boolean fromLeft = (from & 1) != 0;
            boolean toLeft = (state & 1) != 0;
            if (e >= 0) {
                // out(a) -> in(b) along e (forward flow), or in(a) -> out(b) against e (cancel)
                addEdgeFlow(e, gen, fromLeft && !toLeft ? 1 : -1);
            } else if (a == b) {
                boolean pass = transit[a] && !terminal(a, forward);
                if (!pass) {
                    addNodeFlow(a, gen, !fromLeft && toLeft ? 1 : -1);
                }
            }
            state = from;
        }
        sourceUsed[state >> 1] = gen; // the path's first state is in(s) of an unused source
        return true;
    }
}
