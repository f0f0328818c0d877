package io.crosscountry.elimination.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.RandomGraphArbitraries;
import io.crosscountry.elimination.policy.Policies;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The polishing descent and the tree search that uses it: exact costs, never worse, improving. */
class LocalDescentTest {

    @Provide
    Arbitrary<RandomGraphArbitraries.Case> graphs() {
        return RandomGraphArbitraries.graphs();
    }

    @Property(tries = 200)
    void the_result_is_valid_exactly_priced_and_never_worse(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            int[] start = g.forwardOrder();
            long before = g.cost(start, mode);
            LocalDescent.Result r = LocalDescent.descend(g, mode, start, 3, 2_000, 1_000_000, () -> false);
            g.validate(r.order());
            assertEquals(g.cost(r.order(), mode), r.cost(), mode.toString());
            assertTrue(r.cost() <= before, mode + ": " + r.cost() + " > " + before);
            Statistics.label("improved " + mode).collect(r.cost() < before);
        }
    }

    /** A kicked descent: valid and exactly priced whatever the kicks did; with 0 kicks a plain descent. */
    @Property(tries = 200)
    void a_kicked_descent_is_valid_and_exactly_priced(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            int[] start = g.reverseOrder();
            LocalDescent.Result kicked = LocalDescent.kickAndDescend(g, mode, start, 5, 3, 2_000, 1_000_000, () -> false);
            g.validate(kicked.order());
            assertEquals(g.cost(kicked.order(), mode), kicked.cost(), mode.toString());
            LocalDescent.Result plain = LocalDescent.kickAndDescend(g, mode, start, 5, 0, 2_000, 1_000_000, () -> false);
            assertEquals(LocalDescent.descend(g, mode, start, 5, 2_000, 1_000_000, () -> false).cost(), plain.cost());
            Statistics.label("kicked result vs start " + mode)
                    .collect(Long.signum(kicked.cost() - g.cost(start, mode)));
        }
    }

    /**
     * Where reverse mode is cheaper than forward mode, the descent from forward mode finds some
     * cheaper order nearly always (whole-order reversals and rotations are among its moves).
     */
    @Property(tries = 200)
    void from_forward_mode_it_improves_where_reverse_mode_is_cheaper(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        long fwd = g.cost(g.forwardOrder(), CostMode.PAPER);
        long rev = g.cost(g.reverseOrder(), CostMode.PAPER);
        LocalDescent.Result r = LocalDescent.descend(g, CostMode.PAPER, g.forwardOrder(), 1, 5_000, 1_000_000, () -> false);
        if (rev < fwd) {
            Statistics.label("improved where reverse is cheaper").collect(r.cost() < fwd);
        }
        Statistics.label("improved where reverse is cheaper").coverage(check -> check.check(true).percentage(p -> p >= 95));
    }

    @Property(tries = 60)
    void the_move_budget_and_stop_are_respected(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        LocalDescent.Result r = LocalDescent.descend(g, CostMode.EFFECTIVE, g.reverseOrder(), 2, Long.MAX_VALUE, 500, () -> false);
        assertTrue(r.moves() <= 500);
        LocalDescent.Result stopped = LocalDescent.descend(g, CostMode.EFFECTIVE, g.reverseOrder(), 2, Long.MAX_VALUE,
                Long.MAX_VALUE, () -> true);
        assertEquals(0, stopped.moves());
        assertEquals(g.cost(g.reverseOrder(), CostMode.EFFECTIVE), stopped.cost());
    }

    @Property(tries = 40)
    void polished_tree_search_offers_only_exact_improving_costs(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        for (MctsSearch search : List.of(
                new MctsSearch(() -> Policies.uniformWithRollout(Policies.RolloutRule.MARKOWITZ_LOWEST), "mcts-uniform", 8),
                new MctsSearch(() -> Policies.uniformWithRollout(Policies.RolloutRule.MARKOWITZ_LOWEST), "mcts-uniform", 8).withoutPolish())) {
            List<AnnealingTest.Offer> offers = AnnealingTest.run(search, g, CostMode.EFFECTIVE, 7);
            long previous = Long.MAX_VALUE;
            for (AnnealingTest.Offer o : offers) {
                g.validate(o.order());
                assertEquals(g.cost(o.order(), CostMode.EFFECTIVE), o.cost(), o.toString());
                assertTrue(o.cost() < previous);
                previous = o.cost();
            }
        }
    }
}
