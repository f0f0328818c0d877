package io.crosscountry.elimination.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.RandomGraphArbitraries;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Window moves priced by replaying only the window agree with pricing the whole order. */
class LocalSearchStateTest {

    @Provide
    Arbitrary<RandomGraphArbitraries.Case> graphs() {
        return RandomGraphArbitraries.graphs().filter(c -> c.graph().eliminable().length >= 2);
    }

    @Property(tries = 300)
    void window_deltas_equal_whole_order_costs(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            SplittableRandom random = new SplittableRandom(g.numVertices());
            LocalSearchState state = new LocalSearchState(g, mode, g.forwardOrder());
            LocalSearchMoves moves = new LocalSearchMoves(state, random);
            assertEquals(g.cost(g.forwardOrder(), mode), state.cost());
            for (int i = 0; i < 60; i++) {
                int[] before = state.order();
                long costBefore = state.cost();
                moves.propose();
                long delta = state.tryWindow(moves.start(), moves.window(), moves.length(), Long.MAX_VALUE);
                if (random.nextBoolean()) {
                    state.commit();
                    g.validate(state.order());
                    assertEquals(costBefore + delta, state.cost());
                    assertEquals(g.cost(state.order(), mode), state.cost(), mode + " after committing a window");
                } else {
                    state.rollback();
                    assertArrayEquals(before, state.order());
                    assertEquals(costBefore, state.cost());
                }
            }
            assertEquals(state.cost(), state.replayAll());
        }
    }

    @Property(tries = 200)
    void a_bounded_try_stops_only_above_its_bound(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        SplittableRandom random = new SplittableRandom(3);
        LocalSearchState state = new LocalSearchState(g, CostMode.PAPER, g.reverseOrder());
        LocalSearchMoves moves = new LocalSearchMoves(state, random);
        for (int i = 0; i < 40; i++) {
            moves.propose();
            long delta = state.tryWindow(moves.start(), moves.window(), moves.length(), Long.MAX_VALUE);
            state.rollback();
            long bound = random.nextInt(5) - 2;
            long bounded = state.tryWindow(moves.start(), moves.window(), moves.length(), bound);
            if (delta > bound) {
                assertEquals(Long.MAX_VALUE, bounded);
            } else {
                assertEquals(delta, bounded);
                state.rollback();
            }
        }
        assertEquals(g.cost(g.reverseOrder()), state.cost());
    }

    @Property(tries = 50)
    void set_order_reprices(@ForAll("graphs") RandomGraphArbitraries.Case c) {
        Graph g = c.graph();
        LocalSearchState state = new LocalSearchState(g, CostMode.EFFECTIVE, g.forwardOrder());
        state.setOrder(g.markowitzOrder());
        assertArrayEquals(g.markowitzOrder(), state.order());
        assertEquals(g.cost(g.markowitzOrder(), CostMode.EFFECTIVE), state.cost());
        assertTrue(state.cursor() >= 0);
        LocalSearchMoves moves = new LocalSearchMoves(state, new SplittableRandom(1));
        moves.propose();
        state.tryWindow(moves.start(), moves.window(), moves.length(), Long.MAX_VALUE);
        assertThrows(IllegalStateException.class, state::replayAll);
    }
}
