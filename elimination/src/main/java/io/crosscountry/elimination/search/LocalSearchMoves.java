package io.crosscountry.elimination.search;

import io.crosscountry.elimination.Graph;
import java.util.SplittableRandom;

/**
 * Proposes window moves on a {@link LocalSearchState}: which positions to rearrange and their new
 * content. Window lengths are log-uniform in [2, n]; half of the windows start near the state's
 * cursor (cheap to reach by undo/redo), the others anywhere.
 */
final class LocalSearchMoves {

    private final LocalSearchState state;
    private final SplittableRandom random;
    private final int n;
    private final double logN;
    private final double logLocal;
    static final double GUIDED_P = Double.parseDouble(System.getProperty("xx.guided", "0.5")); // XXX
    static final double TWO_HOP_P = Double.parseDouble(System.getProperty("xx.twohop", "0.3")); // XXX
    private final int[][] neighbours; // by id: eliminable neighbours in the original graph
    static final double LONG_P = Double.parseDouble(System.getProperty("xx.longp", "0.1")); // XXX
    static final double LOCAL_P = Double.parseDouble(System.getProperty("xx.localp", "0.9")); // XXX
    static final double LOCAL_LEN = Double.parseDouble(System.getProperty("xx.loclen", "32")); // XXX
    private final int[] window;
    private int start;
    private int length;

    LocalSearchMoves(LocalSearchState state, SplittableRandom random) {
        this.state = state;
        this.random = random;
        this.n = state.size();
        this.logN = Math.log(n);
        this.logLocal = Math.log(Math.min(n, LOCAL_LEN));
        this.window = new int[n];
        this.neighbours = eliminableNeighbours(state.graph());
    }

    /** Draws the next move; read it with {@link #start()}, {@link #window()} and {@link #length()}. */
    void propose() {
        if (random.nextDouble() < GUIDED_P && proposeGuided()) {
            return;
        }
        double logMax = random.nextDouble() < LONG_P ? logN : logLocal;
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

    /**
     * Moves the vertex at a random position next to one of its neighbours (or a neighbour's
     * neighbour) in the original graph, just before or just after it.
     *
     * @return false when the drawn vertex has no such neighbour or is already there
     */
    private boolean proposeGuided() {
        int a = pickPosition(1);
        int v = state.at(a);
        int[] nb = neighbours[v];
        if (nb.length == 0) {
            return false;
        }
        int w = nb[random.nextInt(nb.length)];
        if (random.nextDouble() < TWO_HOP_P && neighbours[w].length > 0) {
            int x = neighbours[w][random.nextInt(neighbours[w].length)];
            if (x != v) {
                w = x;
            }
        }
        int b = state.positionOf(w);
        int target = random.nextBoolean() ? b : (b > a ? b - 1 : b + 1);
        if (target == a) {
            return false;
        }
        if (target > a) {
            start = a;
            length = target - a + 1;
            load();
            rotate(1);
        } else {
            start = target;
            length = a - target + 1;
            load();
            rotate(length - 1);
        }
        return true;
    }

    private int pickPosition(int length) {
        int maxStart = n - length;
        if (random.nextDouble() < LOCAL_P) {
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

    private static int[][] eliminableNeighbours(Graph graph) {
        int n = graph.numVertices();
        boolean[] eliminable = new boolean[n + 1];
        for (int v : graph.eliminable()) {
            eliminable[v] = true;
        }
        int[][] r = new int[n + 1][];
        for (int v = 1; v <= n; v++) {
            java.util.List<Integer> list = new java.util.ArrayList<>();
            if (eliminable[v]) {
                for (int p : graph.predIds(v)) {
                    if (p > 0 && eliminable[p]) {
                        list.add(p);
                    }
                }
                for (int s : graph.succIds(v)) {
                    if (eliminable[s]) {
                        list.add(s);
                    }
                }
            }
            r[v] = list.stream().mapToInt(Integer::intValue).toArray();
        }
        return r;
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
