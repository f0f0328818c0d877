package io.crosscountry.elimination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.search.BeamSearch;
import io.crosscountry.elimination.search.SearchContext;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Beam search offers valid orders at their true cost; wide enough, it is exact and says so. */
class BeamSearchTest {

    private static final long MINUTE = 60_000_000_000L;

    @Provide
    Arbitrary<RandomGraphs.GraphCase> small() {
        return BruteForce.smallGraphs(8);
    }

    @Property(tries = 80)
    void narrow_beams_offer_valid_orders_at_their_true_cost(@ForAll("small") RandomGraphs.GraphCase c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            long optimum = BruteForce.optimum(g, mode);
            for (int width : new int[] {1, 2, 3}) {
                SearchContext context = new SearchContext(g, mode, System.nanoTime() + MINUTE, 1);
                new BeamSearch(width, width, 1 + width % 3).run(context);
                int[] order = context.bestOrder();
                assertNotNull(order);
                g.validate(order);
                assertEquals(g.cost(order, mode), context.bestCost(), mode + " width " + width + c);
                assertTrue(context.bestCost() >= optimum);
                assertTrue(context.lowerBound().orElse(0) <= optimum, mode + " width " + width + c);
            }
        }
    }

    @Property(tries = 80)
    void a_beam_that_never_cuts_is_exact_and_proves_it(@ForAll("small") RandomGraphs.GraphCase c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            long optimum = BruteForce.optimum(g, mode);
            SearchContext context = new SearchContext(g, mode, System.nanoTime() + MINUTE, 1);
            new BeamSearch(1 << 12, 1 << 12, 2).run(context); // 2^12 > any level of ≤ 8 vertices
            assertEquals(optimum, context.bestCost(), mode + " " + c);
            assertEquals(optimum, g.cost(context.bestOrder(), mode));
            assertTrue(context.isProvenOptimal(), mode + " " + c);
        }
    }

    @Test
    void widening_improves_or_keeps_and_stops_at_the_deadline() {
        Graph g = ExactSearchTest.layered(3, 6, 70, 4);
        for (CostMode mode : CostMode.values()) {
            long start = System.nanoTime();
            SearchContext context = new SearchContext(g, mode, start + 300_000_000L, 1);
            BeamSearch beam = new BeamSearch();
            beam.run(context);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 3, "took " + seconds + " s");
            long markowitz = g.cost(g.markowitzOrder(), mode);
            assertTrue(context.bestCost() <= markowitz, "never worse than the seeds");
            assertEquals(g.cost(context.bestOrder(), mode), context.bestCost());
        }
    }
}
