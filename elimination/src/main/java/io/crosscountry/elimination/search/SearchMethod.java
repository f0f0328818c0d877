package io.crosscountry.elimination.search;

/** Which search {@link Optimizer#optimize} runs. */
public enum SearchMethod {
    /** Everything below, sharing incumbents and bounds, on all threads (the policy lanes when a pretrained policy is on the class path). */
    PORTFOLIO,
    /** The Markowitz family and the other greedy heuristics (instant). */
    HEURISTIC,
    /** Simulated annealing / local search over orders. */
    ANNEAL,
    /** Beam search over eliminated sets. */
    BEAM,
    /** Exact search with lower bounds: proves optimality when it completes. */
    EXACT,
    /** The pretrained policy played greedily, no search (one network evaluation per vertex). */
    POLICY,
    /** Policy-guided tree search (Gumbel root search, transposition table) within the budget. */
    MCTS
}
