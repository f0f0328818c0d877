package io.crosscountry.elimination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.EliminationState.Representation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The engine's representations of edges — bit-set rows of two words, bit-set rows of any width,
 * successor and predecessor lists — agree on everything observable, step by step, through undo
 * and copies, and on graphs large enough to pick wide rows or lists by themselves.
 */
class EngineRepresentationTest {

    private static final Representation[] ALL = Representation.values();

    @Provide
    Arbitrary<RandomGraphs.OrderedCase> cases() {
        return RandomGraphs.graphsWithOrders();
    }

    @Property(tries = 500)
    void representations_agree_along_an_order_and_back(@ForAll("cases") RandomGraphs.OrderedCase c) {
        for (CostMode mode : CostMode.values()) {
            EliminationState[] states = states(c.graph(), mode);
            List<String> snapshots = new ArrayList<>();
            for (int v : c.order()) {
                snapshots.add(agreed(states));
                eliminateAll(states, v);
            }
            String complete = agreed(states);
            assertEquals(c.graph().cost(c.order(), mode), states[0].cost(), mode + " " + c);
            for (int i = c.order().length - 1; i >= 0; i--) {
                for (EliminationState s : states) {
                    s.undo();
                }
                assertEquals(snapshots.get(i), agreed(states), "after undoing step " + i);
            }
            // and forward again from the undone state
            for (int v : c.order()) {
                eliminateAll(states, v);
            }
            assertEquals(complete, agreed(states));
        }
    }

    @Property(tries = 300)
    void random_walks_with_undo_and_copies_agree(@ForAll("cases") RandomGraphs.OrderedCase c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            SplittableRandom random = new SplittableRandom(Arrays.hashCode(c.order()) + mode.ordinal());
            EliminationState[] states = states(g, mode);
            EliminationState[] originals = null;
            String originalSnapshot = null;
            for (int step = 0; step < 120; step++) {
                int r = random.nextInt(10);
                if (r < 3 && states[0].canUndo()) {
                    for (EliminationState s : states) {
                        s.undo();
                    }
                } else if (r == 3 && originals == null) {
                    // continue on copies; the originals must not change
                    originals = states.clone();
                    originalSnapshot = agreed(originals);
                    for (int i = 0; i < states.length; i++) {
                        states[i] = states[i].copy();
                    }
                } else if (r == 4) {
                    // copyFrom: a second state of the same representation takes this history over
                    for (int i = 0; i < states.length; i++) {
                        EliminationState other = new EliminationState(g, mode, ALL[i]);
                        if (other.numRemaining() > 0) {
                            other.eliminate(other.remainingAt(0));
                        }
                        other.copyFrom(states[i]);
                        states[i] = other;
                    }
                } else if (states[0].numRemaining() > 0) {
                    eliminateAll(states, states[0].remainingAt(random.nextInt(states[0].numRemaining())));
                }
                agreed(states);
            }
            if (originals != null) {
                assertEquals(originalSnapshot, agreed(originals), "a copy's eliminations leave the original alone");
            }
            while (states[0].canUndo()) {
                for (EliminationState s : states) {
                    s.undo();
                }
            }
            assertEquals(agreed(states(g, mode)), agreed(states), "undoing everything gives the initial state");
            for (EliminationState s : states) {
                assertFalse(s.canUndo());
            }
        }
    }

    @Test
    void an_output_read_later_keeps_its_in_edges() {
        // y1 = x1 * x2 is an output that y2 = sin(y1) also reads: eliminating y1 keeps x1→y1, x2→y1
        Graph.Builder b = Graph.builder(2);
        int y1 = b.add(Op.MUL, Operand.input(0), Operand.input(1));
        int t = b.add(Op.ADD, Operand.vertex(y1), Operand.input(0));
        int y2 = b.add(Op.SIN, Operand.vertex(t));
        Graph g = b.outputs(y1, y2).build();
        for (CostMode mode : CostMode.values()) {
            EliminationState[] states = states(g, mode);
            eliminateAll(states, y1);
            for (EliminationState s : states) {
                int[] preds = s.predIds(y1);
                Arrays.sort(preds);
                assertArrayEquals(new int[] {-2, -1}, preds, s.representation() + " keeps the in-edges");
                assertEquals(0, s.outDegree(y1));
                assertEquals(0, s.eliminationCost(y1));
                int[] tPreds = s.predIds(t);
                Arrays.sort(tPreds);
                assertArrayEquals(new int[] {-2, -1}, tPreds, "t reads x1 and x2 now");
            }
            eliminateAll(states, t);
            agreed(states);
            assertEquals(g.cost(new int[] {y1, t}, mode), states[0].cost());
        }
    }

    @Test
    void large_graphs_choose_wide_rows_or_lists_and_agree() {
        // 300 vertices: wide bit-set rows in both modes; 1100: bit-set rows in PAPER mode, lists in EFFECTIVE
        for (int vertices : new int[] {300, 1100}) {
            Graph g = largeGraph(vertices, vertices);
            for (CostMode mode : CostMode.values()) {
                Representation chosen = Representation.of(g, mode);
                boolean lists = vertices > 1000 && mode == CostMode.EFFECTIVE;
                assertEquals(lists ? Representation.LISTS : Representation.BITS, chosen, vertices + " vertices, " + mode);
                assertEquals(chosen, new EliminationState(g, mode).representation());
                EliminationState bits = new EliminationState(g, mode, Representation.BITS);
                EliminationState list = new EliminationState(g, mode, Representation.LISTS);
                EliminationState[] states = {bits, list};
                String initial = agreed(states);
                SplittableRandom random = new SplittableRandom(vertices);
                while (bits.numRemaining() > 0) {
                    int v = bits.remainingAt(random.nextInt(bits.numRemaining()));
                    assertEquals(bits.eliminationCost(v), list.eliminationCost(v));
                    assertEquals(bits.inDegree(v), list.inDegree(v));
                    assertEquals(bits.outDegree(v), list.outDegree(v));
                    eliminateAll(states, v);
                    if (random.nextInt(8) == 0) {
                        // a short excursion: undo a few steps and redo them
                        int[] order = bits.eliminatedOrder();
                        int back = Math.min(order.length, 1 + random.nextInt(5));
                        for (int i = 0; i < back; i++) {
                            bits.undo();
                            list.undo();
                        }
                        for (int i = order.length - back; i < order.length; i++) {
                            eliminateAll(states, order[i]);
                        }
                    }
                }
                agreed(states);
                assertEquals(g.cost(bits.eliminatedOrder(), mode), bits.cost(), vertices + " vertices, " + mode);
                while (bits.canUndo()) {
                    bits.undo();
                    list.undo();
                }
                assertEquals(initial, agreed(states));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static EliminationState[] states(Graph g, CostMode mode) {
        EliminationState[] states = new EliminationState[ALL.length];
        for (int i = 0; i < ALL.length; i++) {
            states[i] = new EliminationState(g, mode, ALL[i]);
        }
        return states;
    }

    /** Eliminates {@code v} in every state; they must agree on its cost. */
    private static void eliminateAll(EliminationState[] states, int v) {
        long predicted = states[0].eliminationCost(v);
        for (EliminationState s : states) {
            assertTrue(s.isLegal(v));
            assertEquals(predicted, s.eliminate(v), s.representation() + ": cost of eliminating " + v);
        }
    }

    /**
     * The states' common snapshot: they must agree on it, and on the order of {@code remainingAt}
     * (which is not in the snapshot: undo does not restore it).
     */
    private static String agreed(EliminationState[] states) {
        String first = snapshot(states[0]);
        for (int i = 1; i < states.length; i++) {
            String where = states[i].representation() + " vs " + states[0].representation();
            assertEquals(first, snapshot(states[i]), where);
            for (int k = 0; k < states[0].numRemaining(); k++) {
                assertEquals(states[0].remainingAt(k), states[i].remainingAt(k), where);
            }
        }
        return first;
    }

    /** Everything observable but the order of {@code remainingAt}: cost, key, order, remaining, the sorted adjacency. */
    private static String snapshot(EliminationState s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.cost()).append('|').append(s.key()).append('|').append(Arrays.toString(s.eliminatedOrder()))
                .append('|').append(Arrays.toString(s.remaining())).append('|');
        Graph g = s.graph();
        for (int i = 1; i <= g.numInputs(); i++) {
            int[] succ = s.succIds(-i);
            Arrays.sort(succ);
            sb.append(-i).append("->").append(Arrays.toString(succ)).append(':').append(s.outDegree(-i)).append(';');
        }
        for (int v = 1; v <= g.numVertices(); v++) {
            int[] succ = s.succIds(v);
            int[] pred = s.predIds(v);
            Arrays.sort(succ);
            Arrays.sort(pred);
            sb.append(v).append(Arrays.toString(pred)).append("->").append(Arrays.toString(succ))
                    .append(':').append(s.inDegree(v)).append('/').append(s.outDegree(v))
                    .append('/').append(s.markowitzDegree(v)).append('/').append(s.eliminationCost(v)).append(';');
        }
        return sb.toString();
    }

    /** A random graph of {@link RandomGraphs}' kind with {@code vertices} vertices. */
    private static Graph largeGraph(int vertices, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Integer>> recipe = new ArrayList<>();
        for (int v = 0; v < vertices; v++) {
            List<Integer> gene = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                gene.add(random.nextInt(10000));
            }
            recipe.add(gene);
        }
        return RandomGraphs.build(6, recipe);
    }
}
