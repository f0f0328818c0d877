package io.crosscountry.elimination.search;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.Graph;

/**
 * A complete elimination order with its per-step costs, and a cursor into it, for local search by
 * window moves.
 *
 * <p>A window move rearranges the vertices at positions {@code a … a+len−1} and leaves every other
 * position alone. The remaining graph after a prefix depends only on which vertices the prefix
 * eliminated, not on their order, so a window move changes the costs of the window's steps only:
 * the state before the window and the state after it are the same for the old and the new order.
 * A move is therefore priced by replaying just the window from the state at its start.
 *
 * <p>That state is reached with one {@link EliminationState} and a cursor: the state holds the
 * current order's first {@code cursor} eliminations, and moving the cursor eliminates forwards
 * along the order or {@linkplain EliminationState#undo() undoes} backwards, so moves near the
 * previous one are cheap.
 *
 * <p>The invariance above is exact for PAPER costs and for EFFECTIVE constness in exact
 * arithmetic; as constants are summed in floating point, {@link #replayAll()} recomputes every step
 * from scratch, and callers use it before they report an order.
 */
final class LocalSearchState {

    private final EliminationState work;
    private final int[] order;
    private final long[] stepCost;
    private long total;
    private int cursor;
    // the tentatively replayed window (between tryWindow and commit/rollback)
    private final long[] windowCost;
    private int windowStart = -1;
    private int windowLength;
    private int[] windowOrder;

    LocalSearchState(Graph graph, CostMode mode, int[] initialOrder) {
        this.work = new EliminationState(graph, mode);
        this.order = initialOrder.clone();
        this.stepCost = new long[order.length];
        this.windowCost = new long[order.length];
        replayAll();
    }

    /** The number of positions (eliminable vertices). */
    int size() {
        return order.length;
    }

    /** The current order's cost. */
    long cost() {
        return total;
    }

    /** The vertex at {@code position} of the current order. */
    int at(int position) {
        return order[position];
    }

    /** The cursor: the number of current-order eliminations the work state holds. */
    int cursor() {
        return cursor;
    }

    /** A copy of the current order. */
    int[] order() {
        return order.clone();
    }

    /** Replaces the current order (a permutation of the same vertices) and recomputes its costs. */
    void setOrder(int[] newOrder) {
        checkNoWindow();
        seek(0);
        System.arraycopy(newOrder, 0, order, 0, order.length);
        replayAll();
    }

    /**
     * Recomputes every step's cost of the current order from the empty state, and returns the
     * exact total; the cursor ends at the end of the order.
     */
    long replayAll() {
        checkNoWindow();
        seek(0);
        total = 0;
        for (int i = 0; i < order.length; i++) {
            stepCost[i] = work.eliminate(order[i]);
            total += stepCost[i];
        }
        cursor = order.length;
        return total;
    }

    /**
     * Replays positions {@code start … start+length−1} with the vertices {@code window[0 … length−1]}
     * (a rearrangement of the vertices now at those positions) and returns the change in total
     * cost, or {@link Long#MAX_VALUE} as soon as the change is known to exceed {@code maxDelta}
     * (step costs are non-negative). On a returned change the window stays applied tentatively:
     * call {@link #commit()} or {@link #rollback()} next, and leave {@code window} unchanged until
     * then (it is read again by {@code commit}).
     */
    long tryWindow(int start, int[] window, int length, long maxDelta) {
        checkNoWindow();
        seek(start);
        long old = 0;
        for (int i = start; i < start + length; i++) {
            old += stepCost[i];
        }
        long limit = maxDelta == Long.MAX_VALUE ? Long.MAX_VALUE : old + maxDelta;
        long sum = 0;
        for (int i = 0; i < length; i++) {
            long c = work.eliminate(window[i]);
            windowCost[i] = c;
            sum += c;
            if (sum > limit) {
                for (int j = 0; j <= i; j++) {
                    work.undo();
                }
                return Long.MAX_VALUE;
            }
        }
        windowStart = start;
        windowLength = length;
        windowOrder = window;
        return sum - old;
    }

    /** Makes the tentatively replayed window part of the current order. */
    void commit() {
        int start = windowStart;
        for (int i = 0; i < windowLength; i++) {
            total += windowCost[i] - stepCost[start + i];
            stepCost[start + i] = windowCost[i];
            order[start + i] = windowOrder[i];
        }
        cursor = start + windowLength;
        windowStart = -1;
    }

    /** Discards the tentatively replayed window. */
    void rollback() {
        for (int i = 0; i < windowLength; i++) {
            work.undo();
        }
        windowStart = -1;
    }

    /** Moves the cursor to {@code position}, eliminating along the current order or undoing. */
    private void seek(int position) {
        while (cursor > position) {
            work.undo();
            cursor--;
        }
        while (cursor < position) {
            work.eliminate(order[cursor]);
            cursor++;
        }
    }

    private void checkNoWindow() {
        if (windowStart >= 0) {
            throw new IllegalStateException("a tried window is neither committed nor rolled back");
        }
    }
}
