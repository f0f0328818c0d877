package io.crosscountry.elimination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.search.LowerBounds;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Every lower bound is admissible: never above the brute-force optimum, from any state. */
class LowerBoundsTest {

    @Provide
    Arbitrary<RandomGraphs.GraphCase> small() {
        return BruteForce.smallGraphs(8);
    }

    @Property(tries = 200)
    void root_bound_never_exceeds_the_optimum(@ForAll("small") RandomGraphs.GraphCase c) {
        for (CostMode mode : CostMode.values()) {
            long optimum = BruteForce.optimum(c.graph(), mode);
            for (int limit : new int[] {1, 2, 3, 4, 6, 8}) {
                long bound = new LowerBounds(c.graph(), mode, limit).bound(new EliminationState(c.graph(), mode));
                assertTrue(bound <= optimum, mode + " group limit " + limit + ": bound " + bound + " > optimum " + optimum + c);
            }
            long strong = LowerBounds.strongRootBound(c.graph(), mode, System.nanoTime() + 60_000_000_000L);
            assertTrue(strong <= optimum, mode + ": strong root bound " + strong + " > optimum " + optimum + c);
            assertTrue(strong >= new LowerBounds(c.graph(), mode).bound(new EliminationState(c.graph(), mode)));
        }
    }

    @Property(tries = 200)
    void bound_at_every_intermediate_state_never_exceeds_the_optimal_cost_to_go(
            @ForAll("small") RandomGraphs.GraphCase c, @ForAll @IntRange(max = 1000) int seed) {
        Graph g = c.graph();
        SplittableRandom random = new SplittableRandom(seed);
        for (CostMode mode : CostMode.values()) {
            LowerBounds bounds = new LowerBounds(g, mode);
            LowerBounds plain = new LowerBounds(g, mode, 1);
            EliminationState s = new EliminationState(g, mode);
            while (true) {
                long toGo = BruteForce.costToGo(s);
                long bound = bounds.bound(s);
                assertTrue(bound <= toGo, mode + " after " + java.util.Arrays.toString(s.eliminatedOrder()) + ": bound "
                        + bound + " > cost to go " + toGo + c);
                assertTrue(plain.bound(s) <= bound, "groups never weaken the plain sum");
                if (s.isComplete()) {
                    assertEquals(0, bound);
                    break;
                }
                s.eliminate(s.remainingAt(random.nextInt(s.numRemaining())));
            }
        }
    }

    @Property(tries = 150)
    void vertex_bound_never_exceeds_what_the_vertex_can_cost(
            @ForAll("small") RandomGraphs.GraphCase c, @ForAll @IntRange(max = 1000) int seed) {
        Graph g = c.graph();
        SplittableRandom random = new SplittableRandom(seed);
        for (CostMode mode : CostMode.values()) {
            LowerBounds bounds = new LowerBounds(g, mode);
            EliminationState s = new EliminationState(g, mode);
            int prefix = random.nextInt(s.numRemaining());
            for (int i = 0; i < prefix; i++) {
                s.eliminate(s.remainingAt(random.nextInt(s.numRemaining())));
            }
            for (int v : s.remaining()) {
                long least = BruteForce.minimumCostOf(s, v);
                long bound = bounds.vertexBound(s, v);
                assertTrue(bound <= least, mode + " vertex " + v + " after " + java.util.Arrays.toString(s.eliminatedOrder())
                        + ": bound " + bound + " > least cost " + least + c);
            }
        }
    }

    @Test
    void bound_is_tight_on_a_chain_and_zero_when_done() {
        // x -> sin -> cos -> out: every order costs 2 (PAPER): one product per eliminated vertex
        Graph.Builder b = Graph.builder(1);
        int s1 = b.add(Op.SIN, Operand.input(0));
        int s2 = b.add(Op.COS, Operand.vertex(s1));
        int out = b.add(Op.EXP, Operand.vertex(s2));
        Graph g = b.outputs(out).build();
        EliminationState s = new EliminationState(g, CostMode.PAPER);
        assertEquals(2, LowerBounds.rootBound(g, CostMode.PAPER));
        s.eliminate(s1);
        s.eliminate(s2);
        assertEquals(0, new LowerBounds(g, CostMode.PAPER).bound(s));
    }

    @Test
    void unit_edges_are_free_in_effective_mode() {
        // y = (x0 + x1) - x2: every product is by ±1, so EFFECTIVE optimum and bound are 0
        Graph.Builder b = Graph.builder(3);
        int a = b.add(Op.ADD, Operand.input(0), Operand.input(1));
        int y = b.add(Op.SUB, Operand.vertex(a), Operand.input(2));
        Graph g = b.outputs(y).build();
        assertEquals(0, LowerBounds.rootBound(g, CostMode.EFFECTIVE));
        assertEquals(2, LowerBounds.rootBound(g, CostMode.PAPER));
    }

    @Test
    void rejects_a_state_of_another_mode() {
        Graph.Builder b = Graph.builder(1);
        int s1 = b.add(Op.SIN, Operand.input(0));
        int out = b.add(Op.COS, Operand.vertex(s1));
        Graph g = b.outputs(out).build();
        LowerBounds bounds = new LowerBounds(g, CostMode.PAPER);
        assertThrows(IllegalArgumentException.class, () -> bounds.bound(new EliminationState(g, CostMode.EFFECTIVE)));
        assertThrows(IllegalArgumentException.class, () -> new LowerBounds(g, CostMode.PAPER, 0));
    }
}
