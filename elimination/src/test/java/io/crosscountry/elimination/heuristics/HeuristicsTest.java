package io.crosscountry.elimination.heuristics;

import static io.crosscountry.elimination.Operand.input;
import static io.crosscountry.elimination.Operand.vertex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.RandomGraphArbitraries;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The heuristic table: valid orders, exact costs, the paper's Markowitz, and tie-breaking. */
class HeuristicsTest {

    @Provide
    Arbitrary<RandomGraphArbitraries.Case> graphs() {
        return RandomGraphArbitraries.graphs();
    }

    @Property(tries = 400)
    void every_heuristic_returns_a_permutation_priced_like_graph_cost(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            for (Heuristic h : Heuristics.all()) {
                HeuristicResult r = Heuristics.evaluate(h, g, mode);
                g.validate(r.order());
                assertEquals(g.cost(r.order(), mode), r.cost(), h.name() + " " + mode);
                assertEquals(h.name(), r.name());
            }
        }
    }

    @Property(tries = 600)
    void min_markowitz_lowest_id_is_the_papers_order(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        assertArrayEquals(g.markowitzOrder(), Heuristics.MARKOWITZ_LOWEST.order(g, CostMode.PAPER));
        assertArrayEquals(g.markowitzOrder(), Heuristics.get("markowitz").order(g, CostMode.EFFECTIVE));
    }

    @Property(tries = 300)
    void best_is_the_cheapest_of_the_table_first_among_equals(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            List<HeuristicResult> all = Heuristics.evaluateAll(g, mode);
            HeuristicResult best = Heuristics.best(g, mode);
            long min = all.stream().mapToLong(HeuristicResult::cost).min().orElseThrow();
            assertEquals(min, best.cost());
            HeuristicResult first = all.stream().filter(r -> r.cost() == min).findFirst().orElseThrow();
            assertEquals(first.name(), best.name());
            assertArrayEquals(first.order(), best.order());
            assertEquals(g.cost(best.order(), mode), best.cost());
        }
    }

    @Test
    void table_names_are_unique_and_resolvable() {
        Set<String> names = new HashSet<>();
        for (Heuristic h : Heuristics.all()) {
            assertTrue(names.add(h.name()), "duplicate " + h.name());
            assertSame(h, Heuristics.get(h.name()));
        }
        assertTrue(names.containsAll(List.of("forward", "reverse", "markowitz", "markowitz-highest", "markowitz-outdegree",
                "mode-cost", "relative-markowitz", "fill-in", "vlr")));
        assertEquals(Heuristics.all().size() - 2, Heuristics.greedy().size());
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> Heuristics.get("nope"));
        assertTrue(e.getMessage().contains("markowitz"), e.getMessage());
    }

    /**
     * Inputs x, y. #1 = sin x, #2 = #1 + x (output), #3 = x·#1, #4 = y + #3 (output). Vertices 1
     * and 3 both have Markowitz degree 2 (1·2 and 2·1). Lowest id eliminates 1 first (2, after
     * which #3 has preds {x} and costs 1: total 3); highest id eliminates 3 first (2, after which
     * #1 has succs {2, 4} and costs 2: total 4); ties by out-degree prefer #3 (one out-edge).
     */
    static Graph tieGraph() {
        Graph.Builder b = Graph.builder(2);
        b.add(Op.SIN, input(0));             // #1
        b.add(Op.ADD, vertex(1), input(0));  // #2 output
        b.add(Op.MUL, input(0), vertex(1));  // #3
        b.add(Op.ADD, input(1), vertex(3));  // #4 output
        return b.outputs(2, 4).build();
    }

    @Test
    void tie_breaks_decide_the_order_and_the_cost() {
        Graph g = tieGraph();
        int[] lowest = Heuristics.get("markowitz").order(g, CostMode.PAPER);
        int[] highest = Heuristics.get("markowitz-highest").order(g, CostMode.PAPER);
        int[] byOutDegree = Heuristics.get("markowitz-outdegree").order(g, CostMode.PAPER);
        assertArrayEquals(new int[] {1, 3}, lowest);
        assertArrayEquals(new int[] {3, 1}, highest);
        assertArrayEquals(new int[] {3, 1}, byOutDegree);
        assertEquals(3, g.cost(lowest));
        assertEquals(4, g.cost(highest));
        assertNotEquals(g.cost(lowest), g.cost(highest));
    }

    /**
     * Inputs x, y. #1 = x + y feeds three outputs (#2 sin, #3 cos, #4 exp): Markowitz degree 6 but
     * free in EFFECTIVE mode (its in-edges are ±1). #5 = x·y feeds output #6 = sin #5: degree 2,
     * EFFECTIVE cost 2. The EFFECTIVE-aware rule eliminates #1 first; the paper's rule #5.
     */
    @Test
    void mode_cost_rule_reads_the_effective_cost() {
        Graph.Builder b = Graph.builder(2);
        b.add(Op.ADD, input(0), input(1));   // #1
        b.add(Op.SIN, vertex(1));            // #2
        b.add(Op.COS, vertex(1));            // #3
        b.add(Op.EXP, vertex(1));            // #4
        b.add(Op.MUL, input(0), input(1));   // #5
        b.add(Op.SIN, vertex(5));            // #6
        Graph g = b.outputs(2, 3, 4, 6).build();
        assertArrayEquals(new int[] {1, 5}, Heuristics.MODE_COST_LOWEST.order(g, CostMode.EFFECTIVE));
        assertArrayEquals(new int[] {5, 1}, Heuristics.MODE_COST_LOWEST.order(g, CostMode.PAPER));
        assertArrayEquals(new int[] {5, 1}, Heuristics.MARKOWITZ_LOWEST.order(g, CostMode.EFFECTIVE));
    }

    @Test
    void forward_and_reverse_are_the_graphs_orders() {
        Graph g = tieGraph();
        assertArrayEquals(g.forwardOrder(), Heuristics.FORWARD.order(g, CostMode.PAPER));
        assertArrayEquals(g.reverseOrder(), Heuristics.REVERSE.order(g, CostMode.EFFECTIVE));
    }

    @Test
    void empty_graph_gets_empty_orders() {
        Graph.Builder b = Graph.builder(1);
        b.add(Op.SIN, input(0));
        Graph g = b.outputs(1).build();
        for (Heuristic h : Heuristics.all()) {
            assertEquals(0, h.order(g, CostMode.PAPER).length, h.name());
        }
        assertEquals(0, Heuristics.best(g, CostMode.EFFECTIVE).cost());
    }
}
