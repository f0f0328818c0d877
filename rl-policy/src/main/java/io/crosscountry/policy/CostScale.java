package io.crosscountry.policy;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The cost unit that makes returns comparable across graphs: the graph's best baseline cost (the
 * cheapest of forward, reverse and min-Markowitz) in a mode, at least 1. Rewards are
 * −multiplications / scale; values predict the remaining cost / scale.
 */
public final class CostScale {

    private static final Map<Graph, long[]> CACHE = new WeakHashMap<>();

    private CostScale() {
    }

    /** The best baseline cost of {@code graph} in {@code mode}, at least 1. */
    public static double of(Graph graph, CostMode mode) {
        long[] both;
        synchronized (CACHE) {
            both = CACHE.get(graph);
        }
        if (both == null) {
            both = new long[] {best(graph, CostMode.PAPER), best(graph, CostMode.EFFECTIVE)};
            synchronized (CACHE) {
                CACHE.put(graph, both);
            }
        }
        return Math.max(1, both[mode == CostMode.PAPER ? 0 : 1]);
    }

    private static long best(Graph g, CostMode mode) {
        return Math.min(g.cost(g.forwardOrder(), mode), Math.min(g.cost(g.reverseOrder(), mode), g.cost(g.markowitzOrder(), mode)));
    }
}
