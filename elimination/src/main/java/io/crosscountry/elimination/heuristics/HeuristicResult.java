package io.crosscountry.elimination.heuristics;

/**
 * The order one heuristic built for a graph, with its cost in the mode it was evaluated in.
 *
 * @param name  the heuristic's name
 * @param order the elimination order (a permutation of the graph's eliminable vertices)
 * @param cost  the order's cost, equal to {@code graph.cost(order, mode)}
 */
public record HeuristicResult(String name, int[] order, long cost) {

    public HeuristicResult {
        order = order.clone();
    }

    /** The order (a copy). */
    @Override
    public int[] order() {
        return order.clone();
    }

    @Override
    public String toString() {
        return name + " (" + cost + ")";
    }
}
