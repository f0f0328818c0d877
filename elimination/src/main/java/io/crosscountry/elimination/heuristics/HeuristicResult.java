package io.crosscountry.elimination.heuristics;

import java.util.Arrays;

/**
 * The order one heuristic built for a graph, with its cost in the mode it was evaluated in.
 *
 * @param name  the heuristic's name
 * @param order the elimination order (a permutation of the graph's eliminable vertices)
 * @param cost  the order's cost, equal to {@code graph.cost(order, mode)}
 */
public record HeuristicResult(String name, int[] order, long cost) {

    public HeuristicResult {
        java.util.Objects.requireNonNull(name, "name");
        order = order.clone();
    }

    /** The order (a copy). */
    @Override
    public int[] order() {
        return order.clone();
    }

    /** Equal when name, cost and order (element by element) are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof HeuristicResult r && name.equals(r.name) && cost == r.cost && Arrays.equals(order, r.order);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + Long.hashCode(cost)) * 31 + Arrays.hashCode(order);
    }

    @Override
    public String toString() {
        return name + " (" + cost + ")";
    }
}
