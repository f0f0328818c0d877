package io.crosscountry.elimination.heuristics;

/**
 * A score a greedy heuristic minimises: computed for a remaining vertex on the current graph of an
 * {@link io.crosscountry.elimination.EliminationState}. P and S below are the vertex's current
 * predecessors and successors.
 */
public enum Criterion {

    /** The paper's Markowitz degree |P|·|S|: the multiplications eliminating the vertex costs in PAPER mode. */
    MARKOWITZ(false) {
        @Override
        long score(Scorer s, int v) {
            return s.state().markowitzDegree(v);
        }
    },

    /**
     * What eliminating the vertex costs in the state's own mode
     * ({@link io.crosscountry.elimination.EliminationState#eliminationCost(int)}): the Markowitz
     * degree in PAPER mode, the products that are not folded or free in EFFECTIVE mode.
     */
    MODE_COST(false) {
        @Override
        long score(Scorer s, int v) {
            return s.state().eliminationCost(v);
        }
    },

    /** The number of current out-edges |S|. */
    OUT_DEGREE(false) {
        @Override
        long score(Scorer s, int v) {
            return s.state().outDegree(v);
        }
    },

    /** The number of current in-edges |P|. */
    IN_DEGREE(false) {
        @Override
        long score(Scorer s, int v) {
            return s.state().inDegree(v);
        }
    },

    /**
     * Relative Markowitz: |P|·|S| − i(v)·d(v), where i(v) is the number of inputs the vertex
     * depends on and d(v) the number of outputs that depend on it. The product i·d is the size of
     * the vertex's own Jacobian block, a floor that elimination order cannot beat, so the score
     * measures how far the vertex's current degree is above the work it must cause anyway. This
     * is the "lowest relative Markowitz" rule of Naumann and Gottschling's angel library.
     */
    RELATIVE_MARKOWITZ(false) {
        @Override
        long score(Scorer s, int v) {
            Reachability r = s.reachability();
            return s.state().markowitzDegree(v) - (long) r.inputsReaching(v) * r.outputsReached(v);
        }
    },

    /**
     * The number of new edges (fill-in) eliminating the vertex creates: pairs p∈P, s∈S with no
     * edge p→s yet. Products that land on an existing edge are summed and add no edge.
     */
    FILL_IN(true) {
        @Override
        long score(Scorer s, int v) {
            return s.fillIn(v);
        }
    },

    /**
     * Markowitz degree relative to the edges the elimination removes: |P|·|S| − |P| − |S| (an
     * output that later vertices read keeps its in-edges, so for it only |S| is subtracted). It is
     * the most the edge count can grow, in the spirit of Naumann's "vertex, lowest relative" (VLR)
     * rules: cheap vertices that also shrink the graph come first.
     */
    EDGE_GROWTH(false) {
        @Override
        long score(Scorer s, int v) {
            long in = s.state().inDegree(v);
            long out = s.state().outDegree(v);
            return in * out - out - (s.graph().isOutput(v) ? 0 : in);
        }
    },

    /**
     * The mode's cost minus the edges the elimination removes: {@link #EDGE_GROWTH} with the
     * product replaced by {@link #MODE_COST}, so free (folded or ±1) products count nothing.
     */
    MODE_COST_EDGE_GROWTH(false) {
        @Override
        long score(Scorer s, int v) {
            long in = s.state().inDegree(v);
            long out = s.state().outDegree(v);
            return s.state().eliminationCost(v) - out - (s.graph().isOutput(v) ? 0 : in);
        }
    };

    private final boolean twoHop;

    Criterion(boolean twoHop) {
        this.twoHop = twoHop;
    }

    /** The score of remaining vertex {@code v} in the scorer's current state. */
    abstract long score(Scorer s, int v);

    /**
     * Whether eliminating a vertex can change this score beyond the vertex's own predecessors and
     * successors (fill-in depends on the edges among a vertex's neighbours).
     */
    boolean twoHop() {
        return twoHop;
    }
}
