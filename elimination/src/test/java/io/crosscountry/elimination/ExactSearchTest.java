package io.crosscountry.elimination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.search.ExactSearch;
import io.crosscountry.elimination.search.ExactStats;
import io.crosscountry.elimination.search.SearchContext;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Exact search finds and certifies the brute-force optimum, and stops promptly with a valid bound. */
class ExactSearchTest {

    private static final long MINUTE = 60_000_000_000L;

    @Provide
    Arbitrary<RandomGraphs.GraphCase> small() {
        return BruteForce.smallGraphs(9);
    }

    @Property(tries = 120)
    void exact_search_equals_brute_force_in_both_modes(@ForAll("small") RandomGraphs.GraphCase c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            long optimum = BruteForce.optimum(g, mode);
            for (int groupLimit : new int[] {1, 4}) {
                SearchContext context = new SearchContext(g, mode, System.nanoTime() + MINUTE, 1);
                ExactSearch exact = new ExactSearch(ExactSearch.DEFAULT_MEMORY_BYTES, groupLimit);
                exact.run(context);
                String where = mode + " groups " + groupLimit + c;
                assertEquals(optimum, context.bestCost(), where);
                assertEquals(optimum, g.cost(context.bestOrder(), mode), "offered cost is the order's cost " + where);
                assertTrue(context.isProvenOptimal(), where);
                assertEquals(optimum, context.lowerBound().orElse(0), where);
                ExactStats stats = exact.lastStats();
                assertTrue(stats.proven() && stats.lowerBound() == optimum && stats.bestCost() == optimum, where);
                assertTrue(stats.rootBound() <= optimum, where);
                assertTrue(stats.stored() <= stats.generated() + stats.components(), where);
            }
        }
    }

    @Property(tries = 40)
    void a_tiny_table_or_an_early_deadline_gives_a_valid_unproven_bound(@ForAll("small") RandomGraphs.GraphCase c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            long optimum = BruteForce.optimum(g, mode);
            SearchContext tiny = new SearchContext(g, mode, System.nanoTime() + MINUTE, 1);
            new ExactSearch(1 << 16, 1).run(tiny);
            assertTrue(tiny.lowerBound().orElse(0) <= optimum, mode + " " + c);
            assertTrue(tiny.bestCost() >= optimum);
            SearchContext late = new SearchContext(g, mode, System.nanoTime(), 1); // deadline already passed
            ExactSearch exact = new ExactSearch();
            exact.run(late);
            assertTrue(late.lowerBound().orElse(0) <= optimum, mode + " " + c);
            assertTrue(exact.lastStats().lowerBound() <= optimum);
            assertEquals(late.bestCost(), g.cost(late.bestOrder(), mode));
        }
    }

    @Test
    void transposition_table_merges_orders_and_the_search_still_finds_the_optimum() {
        int searched = 0;
        for (long seed = 1; seed <= 40 && searched < 3; seed++) {
            Graph g = layered(seed, 4, 18, 3);
            for (CostMode mode : CostMode.values()) {
                long optimum = BruteForce.costToGoBySubsets(new EliminationState(g, mode));
                SearchContext context = new SearchContext(g, mode, System.nanoTime() + MINUTE, 1);
                ExactSearch exact = new ExactSearch(ExactSearch.DEFAULT_MEMORY_BYTES, 1);
                exact.run(context);
                ExactStats stats = exact.lastStats();
                assertEquals(optimum, context.bestCost(), mode + " seed " + seed);
                assertTrue(context.isProvenOptimal());
                if (stats.expanded() > 20) { // the bound alone did not certify: the table was used
                    searched++;
                    assertTrue(stats.generated() > stats.stored(), "children reached twice are merged: " + stats);
                }
            }
        }
        assertTrue(searched >= 3, "some graphs need a real search");
    }

    @Test
    void an_incumbent_from_elsewhere_prunes_and_is_certified() {
        Graph g = layered(5, 4, 18, 3);
        CostMode mode = CostMode.PAPER;
        SearchContext first = new SearchContext(g, mode, System.nanoTime() + MINUTE, 1);
        ExactSearch exact = new ExactSearch(ExactSearch.DEFAULT_MEMORY_BYTES, 1);
        exact.run(first);
        long alone = exact.lastStats().stored();
        SearchContext second = new SearchContext(g, mode, System.nanoTime() + MINUTE, 1);
        second.offer(first.bestOrder(), first.bestCost(), "elsewhere");
        exact.run(second);
        assertTrue(second.isProvenOptimal());
        assertEquals("elsewhere", second.bestMethod());
        assertTrue(exact.lastStats().stored() <= alone, exact.lastStats() + " vs " + alone);
    }

    @Test
    void stops_promptly_on_a_large_graph() {
        Graph g = layered(3, 6, 70, 4);
        for (CostMode mode : CostMode.values()) {
            long start = System.nanoTime();
            SearchContext context = new SearchContext(g, mode, start + 200_000_000L, 1);
            ExactSearch exact = new ExactSearch();
            exact.run(context);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 3, "took " + seconds + " s");
            assertTrue(context.lowerBound().orElse(0) <= context.bestCost());
            assertEquals(context.bestCost(), g.cost(context.bestOrder(), mode));
            if (!context.isProvenOptimal()) {
                assertFalse(exact.lastStats().proven());
            }
        }
    }

    /**
     * A reproducible random graph: each vertex multiplies or adds two of the last {@code width}
     * values (or applies sin to one); the last {@code outputs} vertices are returned.
     */
    static Graph layered(long seed, int inputs, int vertices, int outputs) {
        SplittableRandom random = new SplittableRandom(seed);
        Graph.Builder b = Graph.builder(inputs);
        int width = 6;
        for (int v = 1; v <= vertices; v++) {
            Operand x = pick(random, b, inputs, width);
            Operand y = pick(random, b, inputs, width);
            int kind = random.nextInt(4);
            if (kind == 0) {
                b.add(Op.SIN, x);
            } else if (kind == 1 && !x.equals(y)) {
                b.add(Op.ADD, x, y);
            } else {
                b.add(Op.MUL, x, y);
            }
        }
        int[] outs = new int[outputs];
        for (int i = 0; i < outputs; i++) {
            outs[i] = vertices - i;
        }
        return b.outputs(outs).build();
    }

    private static Operand pick(SplittableRandom random, Graph.Builder b, int inputs, int width) {
        int defined = b.size();
        int r = random.nextInt(width + inputs);
        if (r < width && defined > 0) {
            return Operand.vertex(defined - random.nextInt(Math.min(defined, width)));
        }
        return Operand.input(random.nextInt(inputs));
    }
}
