package io.crosscountry.elimination.search;

import io.crosscountry.elimination.EliminationState;

/**
 * Moves one {@link EliminationState} to the set of any search node: it undoes the current path back
 * to the longest common prefix with the node's parent-pointer path, then eliminates the rest.
 * Best-first search pops nodes that are usually close to the previous one, so this costs a few
 * eliminations instead of a full replay. Any path to a set gives the same graph (only the set
 * matters), so the path need not be the node's cheapest.
 */
final class ExactCursor {

    private final EliminationState state;
    private final ExactNodes nodes;
    private final int[] current;   // vertices eliminated in state, in order
    private int currentLength;
    private final int[] target;

    ExactCursor(EliminationState state, ExactNodes nodes, int maxDepth) {
        this.state = state;
        this.nodes = nodes;
        this.current = new int[maxDepth];
        this.target = new int[maxDepth];
    }

    EliminationState state() {
        return state;
    }

    /** Makes the state's eliminated set equal node n's set; returns the number of eliminations done. */
    int moveTo(int n) {
        int depth = path(n, target);
        int common = 0;
        while (common < depth && common < currentLength && current[common] == target[common]) {
            common++;
        }
        int work = 0;
        while (currentLength > common) {
            state.undo();
            currentLength--;
            work++;
        }
        while (currentLength < depth) {
            int v = target[currentLength];
            state.eliminate(v);
            current[currentLength++] = v;
            work++;
        }
        return work;
    }

    /** The vertices of node n's parent-pointer path, root first, into {@code out}; returns the depth. */
    int path(int n, int[] out) {
        int depth = 0;
        for (int x = n; nodes.parent(x) >= 0; x = nodes.parent(x)) {
            depth++;
        }
        int i = depth;
        for (int x = n; nodes.parent(x) >= 0; x = nodes.parent(x)) {
            out[--i] = nodes.last(x);
        }
        return depth;
    }
}
