package io.crosscountry.elimination;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The fast, mutable elimination engine: the current graph while vertices are eliminated one by
 * one, with the multiplications counted in one {@link CostMode}.
 *
 * <p>Built for search: every change is logged so that {@link #undo()} restores the previous state
 * exactly, and {@link #key()} identifies the set of eliminated vertices (the remaining graph
 * depends only on which vertices are eliminated, not on their order), so searches can share states
 * through transposition tables. Nothing is allocated in the hot loop once the arrays have grown to
 * their working size.
 *
 * <p>Two representations of the current edges, chosen by graph size (inputs plus vertices):
 * <ul>
 *   <li>up to 4096 nodes in {@link CostMode#PAPER} and 1024 in {@link CostMode#EFFECTIVE}, one
 *       bit-set row of successors and one of predecessors per node, so that an elimination is a
 *       few word-wise ORs per neighbour, and its undo restores only the rows it changed. Graphs of
 *       up to 128 nodes (every scalar paper task) get rows of two words and their own faster
 *       code. EFFECTIVE mode adds two bit-set rows per node (constant edges, ±1 edges) and a
 *       dense n×n matrix of constant values: 8n² bytes, 8 MiB at 1024 nodes;</li>
 *   <li>beyond that, successor and predecessor lists: time proportional to the edges around the
 *       vertex plus its predecessors' out-degrees.</li>
 * </ul>
 * Both count the same multiplications and keep the same edges (tested against each other). With
 * bit-set rows, {@link #predIds} and {@link #succIds} list neighbours in ascending node order:
 * inputs {@code -1, -2, …} first, then vertex ids ascending; with lists, in an order that depends
 * on the history. Either way the order is fixed for a fixed history, as is
 * {@link #remainingAt}'s, so seeded searches are reproducible.
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

    /** Which representation of the current edges a state uses. */
    enum Representation {
        /** {@link BitAdjacency}: bit-set rows. */
        BITS,
        /** Bit-set rows of at least three words, so that their code for any width runs on small graphs (tests). */
        WIDE_BITS,
        /** {@link ListAdjacency}: successor and predecessor lists. */
        LISTS;

        /** The representation {@link EliminationState#EliminationState(Graph, CostMode)} picks. */
        static Representation of(Graph graph, CostMode mode) {
            return BitAdjacency.fits(graph.numInputs() + graph.numVertices(), mode) ? BITS : LISTS;
        }
    }

    private final Graph graph;
    private final CostMode mode;
    private final int numInputs;
    private final int numVertices;
    private final boolean[] eliminableNode; // shared by copies
    private final boolean[] outputNode;     // shared by copies
    private final long[] zobrist;           // shared by copies
    private final int[] initialRemaining;   // the eliminable nodes ascending; shared by copies
    private final int[] initialPosInRemaining; // shared by copies
    private final Representation representation;
    private final Adjacency adjacency;

    // remaining eliminable vertices (node indices), swap-removed
    private final int[] remaining;
    private final int[] posInRemaining;
    private int numRemaining;
    private final int[] eliminatedOrder;
    private final long[] costBefore; // costBefore[i]: the cost before the i-th elimination
    private int numEliminated;
    private final boolean[] eliminated;

    private long cost;
    private long key;

    /** A fresh state of {@code graph} with nothing eliminated, counting in {@code mode}. */
    public EliminationState(Graph graph, CostMode mode) {
        this(graph, mode, Representation.of(graph, mode));
    }

    /** A fresh state with the given representation of edges (for tests and benchmarks). */
    EliminationState(Graph graph, CostMode mode, Representation representation) {
        this.graph = graph;
        this.mode = mode;
        this.numInputs = graph.numInputs();
        this.numVertices = graph.numVertices();
        int numNodes = numInputs + numVertices;
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
        this.representation = representation;
        this.adjacency = switch (representation) {
            case BITS -> new BitAdjacency(graph, mode, false);
            case WIDE_BITS -> new BitAdjacency(graph, mode, true);
            case LISTS -> new ListAdjacency(graph, mode);
        };
        this.initialRemaining = new int[elim.length];
        this.initialPosInRemaining = new int[numNodes];
        for (int i = 0; i < elim.length; i++) {
            initialRemaining[i] = node(elim[i]);
            initialPosInRemaining[initialRemaining[i]] = i;
        }
        this.remaining = new int[elim.length];
        this.posInRemaining = new int[numNodes];
        this.eliminatedOrder = new int[elim.length];
        this.costBefore = new long[elim.length];
        this.eliminated = new boolean[numNodes];
        reset();
    }

    /** A copy of {@code other}: shares its immutable tables, copies everything else. */
    private EliminationState(EliminationState other) {
        this.graph = other.graph;
        this.mode = other.mode;
        this.numInputs = other.numInputs;
        this.numVertices = other.numVertices;
        this.eliminableNode = other.eliminableNode;
        this.outputNode = other.outputNode;
        this.zobrist = other.zobrist;
        this.initialRemaining = other.initialRemaining;
        this.initialPosInRemaining = other.initialPosInRemaining;
        this.representation = other.representation;
        this.adjacency = other.adjacency.copy();
        this.remaining = other.remaining.clone();
        this.posInRemaining = other.posInRemaining.clone();
        this.numRemaining = other.numRemaining;
        this.eliminatedOrder = other.eliminatedOrder.clone();
        this.costBefore = other.costBefore.clone();
        this.numEliminated = other.numEliminated;
        this.eliminated = other.eliminated.clone();
        this.cost = other.cost;
        this.key = other.key;
    }

    /** Restores the state with nothing eliminated (and clears the undo history). */
    public void reset() {
        adjacency.reset();
        Arrays.fill(eliminated, false);
        System.arraycopy(initialRemaining, 0, remaining, 0, remaining.length);
        System.arraycopy(initialPosInRemaining, 0, posInRemaining, 0, posInRemaining.length);
        numRemaining = remaining.length;
        numEliminated = 0;
        cost = 0;
        key = 0;
    }

    /** A deep copy with the same current graph, cost and history. */
    public EliminationState copy() {
        return new EliminationState(this);
    }

    /** Makes this state equal to {@code other} (a state of the same graph and mode). */
    public void copyFrom(EliminationState other) {
        if (other.graph != graph || other.mode != mode) {
            throw new IllegalArgumentException("states of different graphs or modes");
        }
        if (other.representation != representation) {
            throw new IllegalArgumentException("states with different representations of edges");
        }
        adjacency.copyFrom(other.adjacency);
        System.arraycopy(other.eliminated, 0, eliminated, 0, eliminated.length);
        System.arraycopy(other.posInRemaining, 0, posInRemaining, 0, posInRemaining.length);
        System.arraycopy(other.remaining, 0, remaining, 0, remaining.length);
        numRemaining = other.numRemaining;
        System.arraycopy(other.eliminatedOrder, 0, eliminatedOrder, 0, eliminatedOrder.length);
        System.arraycopy(other.costBefore, 0, costBefore, 0, costBefore.length);
        numEliminated = other.numEliminated;
        cost = other.cost;
        key = other.key;
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

    /** How this state represents the current edges. */
    Representation representation() {
        return representation;
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

    /**
     * The i-th remaining eliminable vertex id (0 ≤ i < {@link #numRemaining()}), in no particular
     * order: initially ascending; an elimination moves the last remaining vertex into the gap, and
     * its undo leaves it there and appends the vertex again. For a fixed history the order is
     * fixed, so random choices by index are reproducible.
     */
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
        return adjacency.inDegree(node(id));
    }

    /** The current number of out-edges of vertex {@code id} (or input, as {@code -1, -2, …}). */
    public int outDegree(int id) {
        return adjacency.outDegree(node(id));
    }

    /**
     * The current predecessors of vertex {@code id}: vertex ids, inputs as {@code -1, -2, …}. The
     * order is fixed for a fixed history (see the class comment).
     */
    public int[] predIds(int id) {
        return toIds(adjacency.preds(node(id)));
    }

    /**
     * The current successors of vertex {@code id} (or input, as {@code -1, -2, …}). The order is
     * fixed for a fixed history (see the class comment).
     */
    public int[] succIds(int id) {
        return toIds(adjacency.succs(node(id)));
    }

    /** The paper's Markowitz degree: |preds|·|succs| in the current graph. */
    public long markowitzDegree(int id) {
        int v = node(id);
        return (long) adjacency.inDegree(v) * adjacency.outDegree(v);
    }

    /** The multiplications that eliminating {@code id} now would cost in this state's mode. */
    public long eliminationCost(int id) {
        return adjacency.eliminationCost(node(id));
    }

    // ------------------------------------------------------------------ elimination

    /**
     * Eliminates vertex {@code id} and returns the multiplications it cost.
     *
     * @throws IllegalArgumentException when {@code id} is not eliminable or already eliminated
     */
    public long eliminate(int id) {
        int v = numInputs + id - 1;
        if (id < 1 || id > numVertices || !eliminableNode[v] || eliminated[v]) {
            throw notEliminable(id);
        }
        long c = adjacency.eliminate(v, outputNode[v]);
        eliminated[v] = true;
        int pos = posInRemaining[v];
        int last = remaining[--numRemaining];
        remaining[pos] = last;
        posInRemaining[last] = pos;
        remaining[numRemaining] = v;
        posInRemaining[v] = numRemaining;
        costBefore[numEliminated] = cost;
        eliminatedOrder[numEliminated++] = v;
        key ^= zobrist[v];
        cost += c;
        return c;
    }

    private IllegalArgumentException notEliminable(int id) {
        boolean already = id >= 1 && id <= numVertices && eliminated[node(id)];
        return new IllegalArgumentException("vertex " + id + " is not eliminable here" + (already ? " (already eliminated)" : ""));
    }

    /** Whether there is an elimination to undo. */
    public boolean canUndo() {
        return numEliminated > 0;
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
        adjacency.undo();
        int v = eliminatedOrder[--numEliminated];
        cost = costBefore[numEliminated];
        eliminated[v] = false;
        // v sits at remaining[numRemaining]; the vertex moved into its old slot stays there
        numRemaining++;
        key ^= zobrist[v];
    }

    // ------------------------------------------------------------------ internals

    private int[] toIds(int[] nodes) {
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] = id(nodes[k]);
        }
        return nodes;
    }

    private int node(int id) {
        return graph.node(id);
    }

    private int id(int node) {
        return node < numInputs ? -(node + 1) : node - numInputs + 1;
    }
}
