package io.crosscountry.elimination.search;

import java.util.SplittableRandom;

/**
 * Proposes window moves on a {@link LocalSearchState}: which consecutive positions to rearrange
 * and their new content.
 *
 * <p>A move swaps the window's two ends (swap two vertices), moves its first vertex to its end or
 * its last to its front (relocate one vertex), rotates it by a random amount (move a block), or,
 * rarely, reverses it. Window lengths are log-uniform in [2, {@value #SHORT_WINDOW}], and for
 * {@value #LONG_WINDOW_SHARE} of the moves in [2, n], so most moves are local and cheap to price and
 * some reach across the whole order. Most windows start near the state's cursor, which the previous
 * move left there, so reaching them takes few eliminations or undos; the cursor wanders over the
 * order, and the rest of the windows start anywhere.
 */
final class LocalSearchMoves {

    /** Windows are usually at most this long ... */
    private static final int SHORT_WINDOW = 32;
    /** ... but this fraction of them may span the whole order. */
    private static final double LONG_WINDOW_SHARE = 0.1;
    /** The share of windows that start near the cursor, cheap to reach; the others start anywhere. */
    private static final double NEAR_CURSOR_SHARE = 0.9;

    private final LocalSearchState state;
    private final SplittableRandom random;
    private final int n;
    private final double logN;
    private final double logShort;
    private final int[] window;
    private int start;
    private int length;

    LocalSearchMoves(LocalSearchState state, SplittableRandom random) {
        this.state = state;
        this.random = random;
        this.n = state.size();
        this.logN = Math.log(n);
        this.logShort = Math.log(Math.min(n, SHORT_WINDOW));
        this.window = new int[n];
    }

    /** Draws the next move; read it with {@link #start()}, {@link #window()} and {@link #length()}. */
    void propose() {
        double logMax = random.nextDouble() < LONG_WINDOW_SHARE ? logN : logShort;
        length = Math.max(2, Math.min(n, 1 + (int) Math.exp(random.nextDouble() * logMax)));
        start = pickPosition(length);
        load();
        int kind = random.nextInt(20);
        if (kind < 6) {
            swap(0, length - 1);
        } else if (kind < 11) {
            rotate(1);
        } else if (kind < 16) {
            rotate(length - 1);
        } else if (kind < 19 && length >= 4) {
            rotate(2 + random.nextInt(length - 3));
        } else {
            reverse();
        }
    }

    /** A window start: near the cursor (a random walk) or uniform. */
    private int pickPosition(int length) {
        int maxStart = n - length;
        if (random.nextDouble() < NEAR_CURSOR_SHARE) {
            int reach = Math.max(16, length);
            int from = state.cursor() - length / 2 + random.nextInt(2 * reach + 1) - reach;
            return Math.max(0, Math.min(maxStart, from));
        }
        return random.nextInt(maxStart + 1);
    }

    private void load() {
        for (int i = 0; i < length; i++) {
            window[i] = state.at(start + i);
        }
    }

    int start() {
        return start;
    }

    int[] window() {
        return window;
    }

    int length() {
        return length;
    }

    private void swap(int i, int j) {
        int t = window[i];
        window[i] = window[j];
        window[j] = t;
    }

    /** Rotates left by {@code by}: the first {@code by} vertices move to the window's end. */
    private void rotate(int by) {
        reverse(0, by);
        reverse(by, length);
        reverse(0, length);
    }

    private void reverse() {
        reverse(0, length);
    }

    private void reverse(int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            swap(i, j);
        }
    }
}
