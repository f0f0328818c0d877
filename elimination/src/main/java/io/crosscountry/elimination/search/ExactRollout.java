package io.crosscountry.elimination.search;

import io.crosscountry.elimination.EliminationState;

/**
 * Greedy completion used for incumbents: repeatedly eliminate the remaining vertex that is cheapest
 * now (ties: smallest Markowitz degree, then lowest id), then undo back to where it started.
 */
final class ExactRollout {

    private ExactRollout() {
    }

    /**
     * Eliminates the still-legal vertices of {@code candidates} greedily, writes them into {@code out}
     * (from index {@code from}), restores the state, and returns the completion's cost, or -1 when
     * the context said stop before it was complete.
     */
    static long complete(EliminationState state, int[] candidates, int[] out, int from, SearchContext context) {
        int steps = 0;
        long cost = 0;
        while (true) {
            if (context.shouldStop()) {
                cost = -1;
                break;
            }
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            long bestDegree = Long.MAX_VALUE;
            for (int v : candidates) {
                if (!state.isLegal(v)) {
                    continue;
                }
                long c = state.eliminationCost(v);
                if (c > bestCost) {
                    continue;
                }
                long d = state.markowitzDegree(v);
                if (c < bestCost || d < bestDegree || (d == bestDegree && v < best)) {
                    best = v;
                    bestCost = c;
                    bestDegree = d;
                }
            }
            if (best < 0) {
                break;
            }
            cost += state.eliminate(best);
            out[from + steps++] = best;
        }
        for (int i = 0; i < steps; i++) {
            state.undo();
        }
        return cost;
    }
}
