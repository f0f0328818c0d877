package io.crosscountry.elimination.search;

import static io.crosscountry.elimination.Operand.input;
import static io.crosscountry.elimination.Operand.vertex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.RandomGraphArbitraries;
import io.crosscountry.elimination.heuristics.Heuristics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** Simulated annealing: exact reported costs, reproducibility, optimality on small graphs. */
class AnnealingTest {

    private static final long FAR = 600_000_000_000L; // ten minutes: deterministic runs never hit it

    /** What a context saw: every offered incumbent, in order. */
    record Offer(long cost, int[] order) {
        @Override
        public String toString() {
            return cost + " " + Arrays.toString(order);
        }
    }

    static List<Offer> run(Search search, Graph g, CostMode mode, long seed) {
        List<Offer> offers = new ArrayList<>();
        SearchContext context = new SearchContext(g, mode, System.nanoTime() + FAR, seed,
                c -> offers.add(new Offer(c.bestCost(), c.bestOrder())));
        search.run(context);
        return offers;
    }

    @Provide
    Arbitrary<RandomGraphArbitraries.Case> graphs() {
        return RandomGraphArbitraries.graphs();
    }

    @Provide
    Arbitrary<RandomGraphArbitraries.Case> smallGraphs() {
        return RandomGraphArbitraries.smallGraphs(7);
    }

    @Property(tries = 150)
    void every_offer_costs_what_graph_cost_says(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            List<Offer> offers = run(Annealing.forIterations(3000), g, mode, 11);
            assertTrue(!offers.isEmpty(), "the start order is offered");
            long previous = Long.MAX_VALUE;
            for (Offer o : offers) {
                g.validate(o.order());
                assertEquals(g.cost(o.order(), mode), o.cost(), mode + " offer " + o);
                assertTrue(o.cost() < previous, "offers improve");
                previous = o.cost();
            }
            assertTrue(previous <= Heuristics.best(g, mode).cost());
        }
    }

    @Property(tries = 60)
    void deterministic_mode_is_reproducible_for_a_seed(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        List<Offer> first = run(Annealing.forIterations(20_000), g, CostMode.EFFECTIVE, 5);
        List<Offer> second = run(Annealing.forIterations(20_000), g, CostMode.EFFECTIVE, 5);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).cost(), second.get(i).cost());
            assertArrayEquals(first.get(i).order(), second.get(i).order());
        }
    }

    /**
     * Started from the best heuristic (usually optimal already on graphs this small) and from
     * forward mode (usually not), annealing ends at the brute-force optimum.
     */
    @Property(tries = 120)
    void finds_the_optimum_of_small_graphs(@ForAll("smallGraphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        Statistics.label("eliminable").collect(g.eliminable().length >= 5 ? "5-7" : "0-4");
        for (CostMode mode : CostMode.values()) {
            long optimum = bruteForce(g, mode);
            for (Annealing annealing : List.of(Annealing.forIterations(20_000), Annealing.forIterations(20_000).startingFrom(Heuristics.FORWARD))) {
                List<Offer> offers = run(annealing, g, mode, 1);
                Offer best = offers.get(offers.size() - 1);
                assertEquals(optimum, best.cost(), mode.toString());
                assertEquals(optimum, g.cost(best.order(), mode));
                Statistics.label("start").collect(offers.get(0).cost() == optimum ? "optimal" : "improved by annealing");
            }
        }
        // the generator must reach the interesting cases (measured: about 20% and 14%)
        Statistics.label("eliminable").coverage(k -> k.check("5-7").percentage(p -> p >= 8));
        Statistics.label("start").coverage(k -> k.check("improved by annealing").percentage(p -> p >= 5));
    }

    @Test
    void timed_annealing_stops_at_the_deadline() {
        Graph g = chain(30);
        SearchContext context = new SearchContext(g, CostMode.PAPER, System.nanoTime() + 300_000_000L, 1);
        long start = System.nanoTime();
        Annealing.timed().run(context);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 3, "ran " + seconds + " s for a 0.3 s budget");
        assertNotNull(context.bestOrder());
        assertEquals(g.cost(context.bestOrder()), context.bestCost());
    }

    @Test
    void streams_and_cycles_are_configurable() {
        Graph g = chain(12);
        List<Offer> offers = run(Annealing.forIterations(2000).withStream(3).withCycles(2), g, CostMode.PAPER, 1);
        Offer last = offers.get(offers.size() - 1);
        assertEquals(g.cost(last.order()), last.cost());
        assertThrows(IllegalArgumentException.class, () -> Annealing.forIterations(0));
        assertThrows(IllegalArgumentException.class, () -> Annealing.timed().withCycles(0));
        assertEquals("anneal", Annealing.timed().name());
    }

    @Test
    void graphs_with_fewer_than_two_eliminable_vertices_get_their_only_order() {
        Graph.Builder none = Graph.builder(1);
        none.add(Op.SIN, input(0));
        Graph g0 = none.outputs(1).build();
        assertEquals(List.of(0L), run(Annealing.forIterations(10), g0, CostMode.PAPER, 1).stream().map(Offer::cost).toList());

        Graph.Builder one = Graph.builder(2);
        one.add(Op.MUL, input(0), input(1));
        one.add(Op.SIN, vertex(1));
        one.add(Op.COS, vertex(1));
        Graph g1 = one.outputs(2, 3).build();
        List<Offer> offers = run(Annealing.forIterations(10), g1, CostMode.PAPER, 1);
        assertEquals(1, offers.size());
        assertArrayEquals(new int[] {1}, offers.get(0).order());
        assertEquals(4, offers.get(0).cost());
    }

    @Test
    void start_temperature_gives_the_wanted_acceptance() {
        long[] ones = {1, 1, 1, 1};
        assertEquals(1.0, Annealing.temperatureForAcceptance(ones, 4, Math.exp(-1)), 1e-6);
        long[] mixed = {1, 100, 3, 0};
        double t = Annealing.temperatureForAcceptance(mixed, 3, 0.1);
        double mean = (Math.exp(-1 / t) + Math.exp(-100 / t) + Math.exp(-3 / t)) / 3;
        assertEquals(0.1, mean, 1e-6);
        assertEquals(1.0, Annealing.temperatureForAcceptance(new long[0], 0, 0.1));
    }

    /** x → #1 … #n chain where every vertex also reads x; outputs the last two. */
    static Graph chain(int n) {
        Graph.Builder b = Graph.builder(2);
        b.add(Op.MUL, input(0), input(1));
        for (int v = 2; v <= n; v++) {
            b.add(v % 2 == 0 ? Op.MUL : Op.ADD, vertex(v - 1), v % 3 == 0 ? input(1) : input(0));
        }
        b.add(Op.SIN, vertex(n));
        b.add(Op.MUL, vertex(n), vertex(n - 1));
        return b.outputs(n + 1, n + 2).build();
    }

    /** The cheapest cost over every permutation of the eliminable vertices (depth-first with undo). */
    static long bruteForce(Graph g, CostMode mode) {
        int[] eliminable = g.eliminable();
        EliminationState s = new EliminationState(g, mode);
        long[] best = {Long.MAX_VALUE};
        permute(s, eliminable, new boolean[eliminable.length], best);
        return best[0];
    }

    private static void permute(EliminationState s, int[] vertices, boolean[] used, long[] best) {
        if (s.isComplete()) {
            best[0] = Math.min(best[0], s.cost());
            return;
        }
        for (int i = 0; i < vertices.length; i++) {
            if (!used[i]) {
                used[i] = true;
                s.eliminate(vertices[i]);
                permute(s, vertices, used, best);
                s.undo();
                used[i] = false;
            }
        }
    }
}
