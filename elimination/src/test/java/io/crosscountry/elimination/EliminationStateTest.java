package io.crosscountry.elimination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast engine equals the reference cost model, and undo/copy/key behave exactly. */
class EliminationStateTest {

    @Provide
    Arbitrary<RandomGraphs.OrderedCase> cases() {
        return RandomGraphs.graphsWithOrders();
    }

    @Property(tries = 1500)
    void engine_cost_equals_graph_cost_in_both_modes(@ForAll("cases") RandomGraphs.OrderedCase c) {
        for (CostMode mode : CostMode.values()) {
            EliminationState s = new EliminationState(c.graph(), mode);
            long sum = 0;
            for (int v : c.order()) {
                long predicted = s.eliminationCost(v);
                long paid = s.eliminate(v);
                assertEquals(predicted, paid, "eliminationCost predicts eliminate");
                sum += paid;
            }
            assertTrue(s.isComplete());
            assertEquals(c.graph().cost(c.order(), mode), s.cost(), mode + " " + c);
            assertEquals(sum, s.cost());
            assertArrayEquals(c.order(), s.eliminatedOrder());
        }
    }

    @Property(tries = 800)
    void undo_restores_every_intermediate_state(@ForAll("cases") RandomGraphs.OrderedCase c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            EliminationState s = new EliminationState(g, mode);
            List<String> snapshots = new ArrayList<>();
            for (int v : c.order()) {
                snapshots.add(snapshot(s));
                s.eliminate(v);
            }
            for (int i = c.order().length - 1; i >= 0; i--) {
                s.undo();
                assertEquals(snapshots.get(i), snapshot(s), "after undoing step " + i);
            }
            assertFalse(s.canUndo());
            // and the state works again after undoing: same total
            for (int v : c.order()) {
                s.eliminate(v);
            }
            assertEquals(g.cost(c.order(), mode), s.cost());
        }
    }

    @Property(tries = 500)
    void random_undo_redo_walks_keep_costs_exact(@ForAll("cases") RandomGraphs.OrderedCase c) {
        Graph g = c.graph();
        EliminationState s = new EliminationState(g, CostMode.EFFECTIVE);
        SplittableRandom random = new SplittableRandom(Arrays.hashCode(c.order()));
        for (int step = 0; step < 200; step++) {
            if (s.numEliminated() > 0 && random.nextInt(3) == 0) {
                s.undo();
            } else if (s.numRemaining() > 0) {
                s.eliminate(s.remainingAt(random.nextInt(s.numRemaining())));
            }
            int[] done = s.eliminatedOrder();
            // the prefix cost equals a fresh replay of the same prefix
            EliminationState fresh = new EliminationState(g, CostMode.EFFECTIVE);
            for (int v : done) {
                fresh.eliminate(v);
            }
            assertEquals(fresh.cost(), s.cost());
            assertEquals(fresh.key(), s.key());
            assertArrayEquals(fresh.remaining(), s.remaining());
        }
    }

    @Property(tries = 500)
    void key_depends_only_on_the_eliminated_set(@ForAll("cases") RandomGraphs.OrderedCase c) {
        int[] order = c.order();
        if (order.length < 2) {
            return;
        }
        int half = order.length / 2;
        EliminationState a = new EliminationState(c.graph(), CostMode.PAPER);
        EliminationState b = new EliminationState(c.graph(), CostMode.PAPER);
        for (int i = 0; i < half; i++) {
            a.eliminate(order[i]);
            b.eliminate(order[half - 1 - i]);
        }
        assertEquals(a.key(), b.key());
        assertEquals(snapshotGraph(a), snapshotGraph(b), "the remaining graph depends only on the set");
        b.eliminate(order[half]);
        assertNotEquals(a.key(), b.key());
    }

    @Property(tries = 300)
    void copy_is_independent_and_equal(@ForAll("cases") RandomGraphs.OrderedCase c) {
        int[] order = c.order();
        EliminationState s = new EliminationState(c.graph(), CostMode.EFFECTIVE);
        for (int i = 0; i < order.length / 2; i++) {
            s.eliminate(order[i]);
        }
        EliminationState copy = s.copy();
        assertEquals(snapshot(s), snapshot(copy));
        for (int i = order.length / 2; i < order.length; i++) {
            copy.eliminate(order[i]);
        }
        assertEquals(c.graph().cost(order, CostMode.EFFECTIVE), copy.cost());
        assertEquals(order.length - order.length / 2, s.numRemaining(), "the original is untouched");
        while (copy.canUndo()) {
            copy.undo();
        }
        assertEquals(snapshot(new EliminationState(c.graph(), CostMode.EFFECTIVE)), snapshot(copy),
                "undoing everything in the copy gives the initial state");
    }

    @org.junit.jupiter.api.Test
    void illegal_eliminations_are_refused() {
        Graph.Builder b = Graph.builder(2);
        int m = b.add(Op.MUL, Operand.input(0), Operand.input(1));
        int s = b.add(Op.SIN, Operand.vertex(m));
        Graph g = b.outputs(s).build();
        EliminationState state = new EliminationState(g, CostMode.PAPER);
        assertThrows(IllegalArgumentException.class, () -> state.eliminate(s), "output");
        assertThrows(IllegalArgumentException.class, () -> state.eliminate(0));
        assertThrows(IllegalArgumentException.class, () -> state.eliminate(3));
        assertThrows(IllegalStateException.class, state::undo);
        assertEquals(2, state.eliminate(m));
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class, () -> state.eliminate(m));
        assertTrue(again.getMessage().contains("already eliminated"));
        int[] preds = state.predIds(s);
        Arrays.sort(preds);
        assertArrayEquals(new int[] {-2, -1}, preds);
    }

    /** Everything observable about a state: cost, key, order, and the sorted adjacency. */
    private static String snapshot(EliminationState s) {
        return s.cost() + "|" + s.key() + "|" + Arrays.toString(s.eliminatedOrder()) + "|" + Arrays.toString(s.remaining())
                + "|" + snapshotGraph(s);
    }

    private static String snapshotGraph(EliminationState s) {
        StringBuilder sb = new StringBuilder();
        Graph g = s.graph();
        for (int i = 1; i <= g.numInputs(); i++) {
            int[] succ = s.succIds(-i);
            Arrays.sort(succ);
            sb.append(-i).append("->").append(Arrays.toString(succ)).append(';');
        }
        for (int v = 1; v <= g.numVertices(); v++) {
            int[] succ = s.succIds(v);
            int[] pred = s.predIds(v);
            Arrays.sort(succ);
            Arrays.sort(pred);
            sb.append(v).append(Arrays.toString(pred)).append("->").append(Arrays.toString(succ))
                    .append(':').append(s.eliminationCost(v)).append(';');
        }
        return sb.toString();
    }
}
