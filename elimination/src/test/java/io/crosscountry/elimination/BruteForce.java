package io.crosscountry.elimination;

import java.util.List;
import java.util.function.IntPredicate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The oracle of the search tests: the optimum by enumerating every permutation of the remaining
 * vertices (depth-first with undo, no pruning), and small random graphs for it.
 */
public final class BruteForce {

    private BruteForce() {
    }

    /** Random graphs with 1..{@code maxEliminable} eliminable vertices (recipes of up to maxEliminable+3 vertices). */
    public static Arbitrary<RandomGraphs.GraphCase> smallGraphs(int maxEliminable) {
        Arbitrary<Integer> inputs = Arbitraries.integers().between(2, 5);
        Arbitrary<List<Integer>> gene = Arbitraries.integers().between(0, 9999).list().ofSize(10);
        Arbitrary<List<List<Integer>>> recipe = gene.list().ofMinSize(2).ofMaxSize(maxEliminable + 3);
        return Combinators.combine(inputs, recipe).as((n, r) -> new RandomGraphs.GraphCase(n, r, RandomGraphs.build(n, r)))
                .filter(c -> c.graph().eliminable().length >= 1 && c.graph().eliminable().length <= maxEliminable);
    }

    /** The optimal cost of eliminating every remaining vertex of {@code state} (state restored). */
    static long costToGo(EliminationState state) {
        return costToGo(state, id -> true);
    }

    /** The optimal cost of eliminating the remaining vertices that satisfy {@code among} (state restored). */
    static long costToGo(EliminationState state, IntPredicate among) {
        long best = Long.MAX_VALUE;
        boolean any = false;
        int[] remaining = state.remaining();
        for (int v : remaining) {
            if (!among.test(v)) {
                continue;
            }
            any = true;
            long c = state.eliminate(v);
            long rest = costToGo(state, among);
            state.undo();
            best = Math.min(best, c + rest);
        }
        return any ? best : 0;
    }

    /** The optimum of the whole graph. */
    public static long optimum(Graph graph, CostMode mode) {
        return costToGo(new EliminationState(graph, mode));
    }

    /**
     * The optimal cost to go of {@code state} by dynamic programming over the eliminated subsets of
     * its remaining vertices (at most 62 eliminable vertices); faster than {@link #costToGo} on
     * larger graphs, and checked against it.
     */
    static long costToGoBySubsets(EliminationState state) {
        int[] elim = state.graph().eliminable();
        if (elim.length > 62) {
            throw new IllegalArgumentException("too many vertices");
        }
        java.util.Map<Long, Long> memo = new java.util.HashMap<>();
        return subsets(state, elim, memo);
    }

    private static long subsets(EliminationState state, int[] elim, java.util.Map<Long, Long> memo) {
        if (state.isComplete()) {
            return 0;
        }
        long mask = 0;
        for (int i = 0; i < elim.length; i++) {
            if (state.isEliminated(elim[i])) {
                mask |= 1L << i;
            }
        }
        Long known = memo.get(mask);
        if (known != null) {
            return known;
        }
        long best = Long.MAX_VALUE;
        for (int v : state.remaining()) {
            long c = state.eliminate(v);
            best = Math.min(best, c + subsets(state, elim, memo));
            state.undo();
        }
        memo.put(mask, best);
        return best;
    }

    /** The least that eliminating {@code target} costs over every completion of {@code state}. */
    static long minimumCostOf(EliminationState state, int target) {
        long best = Long.MAX_VALUE;
        for (int v : state.remaining()) {
            long c = state.eliminate(v);
            long r = v == target ? c : minimumCostOf(state, target);
            state.undo();
            best = Math.min(best, r);
        }
        return best;
    }
}
