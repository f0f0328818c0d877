package io.crosscountry.elimination.heuristics;

import static io.crosscountry.elimination.heuristics.Criterion.EDGE_GROWTH;
import static io.crosscountry.elimination.heuristics.Criterion.FILL_IN;
import static io.crosscountry.elimination.heuristics.Criterion.MARKOWITZ;
import static io.crosscountry.elimination.heuristics.Criterion.MODE_COST;
import static io.crosscountry.elimination.heuristics.Criterion.MODE_COST_EDGE_GROWTH;
import static io.crosscountry.elimination.heuristics.Criterion.OUT_DEGREE;
import static io.crosscountry.elimination.heuristics.Criterion.RELATIVE_MARKOWITZ;
import static io.crosscountry.elimination.heuristics.TieBreak.HIGHEST_ID;
import static io.crosscountry.elimination.heuristics.TieBreak.LOWEST_ID;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The table of built-in heuristics: forward and reverse mode and the Markowitz family.
 *
 * <table>
 *   <caption>Greedy heuristics (primary score, tie-breaks)</caption>
 *   <tr><th>name</th><th>primary</th><th>then</th><th>then id</th></tr>
 *   <tr><td>markowitz</td><td>{@link Criterion#MARKOWITZ}</td><td>–</td><td>lowest (the paper's; equals {@link Graph#markowitzOrder()})</td></tr>
 *   <tr><td>markowitz-highest</td><td>MARKOWITZ</td><td>–</td><td>highest</td></tr>
 *   <tr><td>markowitz-outdegree</td><td>MARKOWITZ</td><td>{@link Criterion#OUT_DEGREE} (fewest out-edges)</td><td>lowest</td></tr>
 *   <tr><td>mode-cost</td><td>{@link Criterion#MODE_COST}</td><td>MARKOWITZ</td><td>lowest</td></tr>
 *   <tr><td>mode-cost-highest</td><td>MODE_COST</td><td>MARKOWITZ</td><td>highest</td></tr>
 *   <tr><td>relative-markowitz</td><td>{@link Criterion#RELATIVE_MARKOWITZ}</td><td>MARKOWITZ</td><td>lowest</td></tr>
 *   <tr><td>relative-markowitz-highest</td><td>RELATIVE_MARKOWITZ</td><td>MARKOWITZ</td><td>highest</td></tr>
 *   <tr><td>fill-in</td><td>{@link Criterion#FILL_IN}</td><td>MARKOWITZ</td><td>lowest</td></tr>
 *   <tr><td>fill-in-highest</td><td>FILL_IN</td><td>MARKOWITZ</td><td>highest</td></tr>
 *   <tr><td>vlr</td><td>{@link Criterion#EDGE_GROWTH}</td><td>MARKOWITZ</td><td>lowest</td></tr>
 *   <tr><td>vlr-highest</td><td>EDGE_GROWTH</td><td>MARKOWITZ</td><td>highest</td></tr>
 *   <tr><td>vlr-cost</td><td>{@link Criterion#MODE_COST_EDGE_GROWTH}</td><td>MODE_COST</td><td>lowest</td></tr>
 *   <tr><td>vlr-cost-highest</td><td>MODE_COST_EDGE_GROWTH</td><td>MODE_COST</td><td>highest</td></tr>
 * </table>
 *
 * <p>Only the {@code mode-cost} and {@code vlr-cost} rows read the cost mode; every other row
 * gives the same order in both modes.
 */
public final class Heuristics {

    /** Forward mode: ascending ids. */
    public static final Heuristic FORWARD = fixed("forward", Graph::forwardOrder);
    /** Reverse mode: descending ids. */
    public static final Heuristic REVERSE = fixed("reverse", Graph::reverseOrder);
    /** The paper's minimal Markowitz: smallest |P|·|S|, ties to the lowest id. */
    public static final GreedyHeuristic MARKOWITZ_LOWEST = new GreedyHeuristic("markowitz", MARKOWITZ, null, LOWEST_ID);
    /** Minimal Markowitz with ties to the highest id. */
    public static final GreedyHeuristic MARKOWITZ_HIGHEST = new GreedyHeuristic("markowitz-highest", MARKOWITZ, null, HIGHEST_ID);
    /** Minimal Markowitz on the mode's own cost (EFFECTIVE-aware), ties by Markowitz degree, then lowest id. */
    public static final GreedyHeuristic MODE_COST_LOWEST = new GreedyHeuristic("mode-cost", MODE_COST, MARKOWITZ, LOWEST_ID);

    private static final List<Heuristic> ALL = List.of(
            FORWARD,
            REVERSE,
            MARKOWITZ_LOWEST,
            MARKOWITZ_HIGHEST,
            new GreedyHeuristic("markowitz-outdegree", MARKOWITZ, OUT_DEGREE, LOWEST_ID),
            MODE_COST_LOWEST,
            new GreedyHeuristic("mode-cost-highest", MODE_COST, MARKOWITZ, HIGHEST_ID),
            new GreedyHeuristic("relative-markowitz", RELATIVE_MARKOWITZ, MARKOWITZ, LOWEST_ID),
            new GreedyHeuristic("relative-markowitz-highest", RELATIVE_MARKOWITZ, MARKOWITZ, HIGHEST_ID),
            new GreedyHeuristic("fill-in", FILL_IN, MARKOWITZ, LOWEST_ID),
            new GreedyHeuristic("fill-in-highest", FILL_IN, MARKOWITZ, HIGHEST_ID),
            new GreedyHeuristic("vlr", EDGE_GROWTH, MARKOWITZ, LOWEST_ID),
            new GreedyHeuristic("vlr-highest", EDGE_GROWTH, MARKOWITZ, HIGHEST_ID),
            new GreedyHeuristic("vlr-cost", MODE_COST_EDGE_GROWTH, MODE_COST, LOWEST_ID),
            new GreedyHeuristic("vlr-cost-highest", MODE_COST_EDGE_GROWTH, MODE_COST, HIGHEST_ID));

    private Heuristics() {
    }

    /** Every built-in heuristic, in table order. */
    public static List<Heuristic> all() {
        return ALL;
    }

    /** The greedy (Markowitz-family) heuristics of the table, for randomised runs. */
    public static List<GreedyHeuristic> greedy() {
        List<GreedyHeuristic> r = new ArrayList<>();
        for (Heuristic h : ALL) {
            if (h instanceof GreedyHeuristic g) {
                r.add(g);
            }
        }
        return List.copyOf(r);
    }

    /**
     * The heuristic called {@code name}.
     *
     * @throws NoSuchElementException naming the known heuristics when there is none
     */
    public static Heuristic get(String name) {
        for (Heuristic h : ALL) {
            if (h.name().equals(name)) {
                return h;
            }
        }
        List<String> names = ALL.stream().map(Heuristic::name).toList();
        throw new NoSuchElementException("unknown heuristic '" + name + "'; known: " + String.join(", ", names));
    }

    /** Runs {@code heuristic} and prices its order in {@code mode}. */
    public static HeuristicResult evaluate(Heuristic heuristic, Graph graph, CostMode mode) {
        int[] order = heuristic.order(graph, mode);
        return new HeuristicResult(heuristic.name(), order, costOf(graph, order, mode));
    }

    /** Every heuristic's order and cost, in table order. */
    public static List<HeuristicResult> evaluateAll(Graph graph, CostMode mode) {
        List<HeuristicResult> results = new ArrayList<>();
        for (Heuristic h : ALL) {
            results.add(evaluate(h, graph, mode));
        }
        return results;
    }

    /** The cheapest heuristic order in {@code mode}; among equal costs the first in table order. */
    public static HeuristicResult best(Graph graph, CostMode mode) {
        HeuristicResult best = null;
        for (Heuristic h : ALL) {
            HeuristicResult r = evaluate(h, graph, mode);
            if (best == null || r.cost() < best.cost()) {
                best = r;
            }
        }
        return best;
    }

    /** The cost of {@code order} (a permutation of the eliminable vertices) with the fast engine. */
    static long costOf(Graph graph, int[] order, CostMode mode) {
        EliminationState s = new EliminationState(graph, mode);
        for (int v : order) {
            s.eliminate(v);
        }
        if (!s.isComplete()) {
            throw new IllegalStateException("order of length " + order.length + " does not eliminate every eliminable vertex");
        }
        return s.cost();
    }

    private static Heuristic fixed(String name, Function<Graph, int[]> order) {
        return new Heuristic() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int[] order(Graph graph, CostMode mode) {
                return order.apply(graph);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
