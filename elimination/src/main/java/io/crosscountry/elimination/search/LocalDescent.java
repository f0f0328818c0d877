package io.crosscountry.elimination.search;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Descent from one complete order by the window moves of {@link LocalSearchMoves}: a move is kept
 * when it does not raise the cost (moves of equal cost are kept too, so the order drifts along
 * plateaus), until {@code patience} proposals in a row brought no improvement, a move budget is
 * spent, or the caller says stop. Annealing at temperature zero, for polishing an order another
 * search found (see {@link MctsSearch}).
 */
final class LocalDescent {

    private static final int STOP_CHECK_INTERVAL = 256;

    /** The result: the order and its cost, recomputed from scratch. */
    record Result(int[] order, long cost, long moves) {
    }

    private LocalDescent() {
    }

    /**
     * @param order    a complete valid order of {@code graph}
     * @param patience proposals without an improvement after which the descent stops
     * @param maxMoves the most proposals in all
     * @param stop     checked every few hundred proposals
     * @return the cheapest order reached (at most {@code order}'s cost) and the proposals made
     */
    static Result descend(Graph graph, CostMode mode, int[] order, long seed, long patience, long maxMoves,
                          BooleanSupplier stop) {
        return kickAndDescend(graph, mode, order, seed, 0, patience, maxMoves, stop);
    }

    /**
     * Like {@link #descend}, after first applying {@code kicks} random window moves whatever they
     * cost (an iterated-local-search step: the descent then starts outside {@code order}'s basin).
     *
     * @return the cheapest order reached after the kicks, which may cost more than {@code order}
     */
    static Result kickAndDescend(Graph graph, CostMode mode, int[] order, long seed, int kicks, long patience,
                                 long maxMoves, BooleanSupplier stop) {
        LocalSearchState state = new LocalSearchState(graph, mode, order);
        if (state.size() < 2) {
            return new Result(state.order(), state.cost(), 0);
        }
        LocalSearchMoves moves = new LocalSearchMoves(state, new SplittableRandom(seed));
        for (int k = 0; k < kicks; k++) {
            moves.propose();
            state.tryWindow(moves.start(), moves.window(), moves.length(), Long.MAX_VALUE);
            state.commit();
        }
        if (kicks > 0) {
            state.replayAll();
        }
        long best = state.cost();
        int[] bestOrder = state.order();
        long sinceImprovement = 0;
        long move = 0;
        for (; move < maxMoves && sinceImprovement < patience; move++) {
            if ((move % STOP_CHECK_INTERVAL) == 0 && stop.getAsBoolean()) {
                break;
            }
            moves.propose();
            long delta = state.tryWindow(moves.start(), moves.window(), moves.length(), 0);
            if (delta == Long.MAX_VALUE) {
                sinceImprovement++;
                continue;
            }
            state.commit();
            if (state.cost() < best) {
                long exact = state.replayAll();
                if (exact < best) {
                    best = exact;
                    bestOrder = state.order();
                    sinceImprovement = 0;
                    continue;
                }
            }
            sinceImprovement++;
        }
        return new Result(bestOrder, best, move);
    }
}
