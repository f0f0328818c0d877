package io.crosscountry.elimination.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.RandomGraphArbitraries;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Randomised greedy: exact costs, improving offers, reproducible for a seed, stops when told. */
class RandomizedGreedyTest {

    @Provide
    Arbitrary<RandomGraphArbitraries.Case> graphs() {
        return RandomGraphArbitraries.graphs();
    }

    @Property(tries = 150)
    void offers_are_exact_improving_and_reproducible(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            List<AnnealingTest.Offer> first = AnnealingTest.run(RandomizedGreedy.forRuns(40), g, mode, 9);
            List<AnnealingTest.Offer> second = AnnealingTest.run(RandomizedGreedy.forRuns(40), g, mode, 9);
            assertEquals(first.size(), second.size());
            long previous = Long.MAX_VALUE;
            for (int i = 0; i < first.size(); i++) {
                AnnealingTest.Offer o = first.get(i);
                g.validate(o.order());
                assertEquals(g.cost(o.order(), mode), o.cost());
                assertTrue(o.cost() < previous);
                previous = o.cost();
                assertArrayEquals(o.order(), second.get(i).order());
            }
        }
    }

    @Test
    void timed_runs_stop_at_the_deadline() {
        Graph g = AnnealingTest.chain(40);
        SearchContext context = new SearchContext(g, CostMode.EFFECTIVE, System.nanoTime() + 200_000_000L, 1);
        long start = System.nanoTime();
        RandomizedGreedy.timed().withStream(2).run(context);
        assertTrue((System.nanoTime() - start) / 1e9 < 3);
        assertEquals(g.cost(context.bestOrder(), CostMode.EFFECTIVE), context.bestCost());
        assertTrue(context.bestMethod().startsWith("randomized-greedy:"), context.bestMethod());
        assertThrows(IllegalArgumentException.class, () -> RandomizedGreedy.forRuns(0));
    }
}
