package io.crosscountry.elimination;

/**
 * The current edges of an elimination in progress: the part of {@link EliminationState} that
 * changes when a vertex is eliminated, with its own undo log.
 *
 * <p>Vertices are addressed by node index: inputs {@code 0..k-1}, vertex id {@code i} at
 * {@code k+i-1} ({@link Graph#node(int)}). Two implementations: {@link BitAdjacency} (bit-set rows,
 * for graphs of up to a few thousand nodes, see {@link BitAdjacency#fits}) and
 * {@link ListAdjacency} (successor and predecessor lists, for any size). Both count the same
 * multiplications and keep the same edges; they differ only in the order in which {@link #preds}
 * and {@link #succs} list neighbours.
 */
abstract sealed class Adjacency permits BitAdjacency, ListAdjacency {

    /** Restores the graph's initial edges and clears the undo log. */
    abstract void reset();

    /** A deep copy: same edges, same undo log. */
    abstract Adjacency copy();

    /** Makes this equal to {@code other}, an adjacency of the same kind, graph and mode. */
    abstract void copyFrom(Adjacency other);

    /** The current number of in-edges of node {@code v}. */
    abstract int inDegree(int v);

    /** The current number of out-edges of node {@code v}. */
    abstract int outDegree(int v);

    /** The current predecessors of node {@code v}, as node indices. */
    abstract int[] preds(int v);

    /** The current successors of node {@code v}, as node indices. */
    abstract int[] succs(int v);

    /** The multiplications that eliminating node {@code v} now would cost. */
    abstract long eliminationCost(int v);

    /**
     * Eliminates node {@code v}: adds e(p,v)·e(v,s) onto e(p,s) for every predecessor p and
     * successor s, removes v's out-edges, and its in-edges too unless {@code keepInEdges} (an
     * output that a later vertex reads). Logs everything it changes; returns the cost.
     */
    abstract long eliminate(int v, boolean keepInEdges);

    /** Undoes the last {@link #eliminate} that was not undone yet. */
    abstract void undo();
}
