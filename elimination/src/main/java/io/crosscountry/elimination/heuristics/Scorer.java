package io.crosscountry.elimination.heuristics;

import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.Graph;

/** What {@link Criterion} scores read: the current state, facts about the graph, and scratch space. */
final class Scorer {

    private final EliminationState state;
    private final Graph graph;
    private Reachability reachability;
    private final int[] mark;
    private int generation;

    Scorer(EliminationState state) {
        this.state = state;
        this.graph = state.graph();
        this.mark = new int[graph.numVertices() + 1];
    }

    EliminationState state() {
        return state;
    }

    Graph graph() {
        return graph;
    }

    /** Input and output reachability counts, computed on first use. */
    Reachability reachability() {
        if (reachability == null) {
            reachability = new Reachability(graph);
        }
        return reachability;
    }

    /** The pairs p→s (p a predecessor, s a successor of {@code v}) that are not edges yet. */
    long fillIn(int v) {
        int[] preds = state.predIds(v);
        int[] succs = state.succIds(v);
        if (preds.length == 0 || succs.length == 0) {
            return 0;
        }
        if (generation == Integer.MAX_VALUE) {
            java.util.Arrays.fill(mark, 0);
            generation = 0;
        }
        int g = ++generation;
        for (int s : succs) {
            mark[s] = g;
        }
        long fill = (long) preds.length * succs.length;
        for (int p : preds) {
            for (int t : state.succIds(p)) {
                if (t > 0 && mark[t] == g) {
                    fill--;
                }
            }
        }
        return fill;
    }
}
