package io.crosscountry.elimination.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.BruteForce;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import io.crosscountry.elimination.RandomGraphs;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Grown and refined groups and the pruning by a known order: still admissible, never weaker than
 * the grouping they grow from, and the pruning never changes the bound (it only skips sets that
 * cannot gain).
 */
class LowerBoundGroupsTest {

    private static final long NO_HURRY = 60_000_000_000L;

    @Provide
    Arbitrary<RandomGraphs.GraphCase> small() {
        return BruteForce.smallGraphs(8);
    }

    @Test
    void refining_moves_a_vertex_to_the_group_where_it_bounds_more() {
        // a path 0-1-2-3 and a made-up joint bound: {0,1} gains 5, {2,3} gains 3, {1,2,3} gains 10 more.
        // The first pass (groups of 2) takes {0,1} and {2,3}; no group is small enough to grow;
        // refining moves 1 over: {0} and {1,2,3} bound 13 instead of 8.
        int[][] path = {{1}, {0, 2}, {1, 3}, {2}};
        ToLongFunction<int[]> joint = set -> {
            Set<Integer> s = Arrays.stream(set).boxed().collect(Collectors.toSet());
            return (s.containsAll(List.of(0, 1)) ? 5 : 0) + (s.containsAll(List.of(2, 3)) ? 3 : 0)
                    + (s.containsAll(List.of(1, 2, 3)) ? 10 : 0);
        };
        int[][] first = LowerBoundGroups.build(new int[] {0, 1, 2, 3}, v -> path[v], v -> path[v], joint, null, 2, 2, 4,
                System.nanoTime() + NO_HURRY);
        assertEquals("[[0, 1], [2, 3]]", Arrays.deepToString(first));
        int[][] refined = LowerBoundGroups.build(new int[] {0, 1, 2, 3}, v -> path[v], v -> path[v], joint, null, 2, 3, 4,
                System.nanoTime() + NO_HURRY);
        assertEquals("[[0], [1, 2, 3]]", Arrays.deepToString(refined));
        // with a known order whose costs leave neither group slack, nothing can gain: no move is tried
        int[][] pruned = LowerBoundGroups.build(new int[] {0, 1, 2, 3}, v -> path[v], v -> path[v], joint,
                new long[] {5, 0, 3, 0}, 2, 3, 4, System.nanoTime() + NO_HURRY);
        assertEquals("[[0, 1], [2, 3]]", Arrays.deepToString(pruned));
    }

    private static long rootBound(Graph g, CostMode mode, int limit, int grow, int[] known) {
        LowerBounds bounds = LowerBounds.withKnownOrder(g, mode, limit, grow, System.nanoTime() + NO_HURRY, known);
        return bounds.bound(new EliminationState(g, mode));
    }

    @Property(tries = 200)
    void grown_groups_stay_below_the_optimum_and_above_the_groups_they_grow_from(
            @ForAll("small") RandomGraphs.GraphCase c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            long optimum = BruteForce.optimum(g, mode);
            for (int[] limits : new int[][] {{1, 3}, {2, 4}, {2, 6}, {3, 8}}) {
                long base = rootBound(g, mode, limits[0], limits[0], null);
                long grown = rootBound(g, mode, limits[0], limits[1], null);
                String what = mode + " groups of " + limits[0] + " grown to " + limits[1];
                assertTrue(grown <= optimum, what + ": bound " + grown + " > optimum " + optimum + c);
                assertTrue(grown >= base, what + ": " + grown + " < " + base + " without growing" + c);
            }
        }
    }

    @Property(tries = 15)
    void groups_grown_past_18_stay_below_every_orders_cost(@ForAll("medium") RandomGraphs.GraphCase c,
            @ForAll @IntRange(max = 1000) int seed) {
        Graph g = c.graph();
        int[] random = randomOrder(g, new SplittableRandom(seed));
        for (CostMode mode : CostMode.values()) {
            long cheapest = Math.min(Math.min(g.cost(g.forwardOrder(), mode), g.cost(g.reverseOrder(), mode)),
                    Math.min(g.cost(g.markowitzOrder(), mode), g.cost(random, mode)));
            for (int[] limits : new int[][] {{12, 20}, {14, 22}}) {
                long bound = rootBound(g, mode, limits[0], limits[1], null);
                assertTrue(bound <= cheapest, mode + " groups of " + limits[0] + " grown to " + limits[1] + ": bound "
                        + bound + " > an order's cost " + cheapest + c);
            }
        }
    }

    @Test
    void groups_may_grow_to_22_and_no_further() {
        Graph g = RandomGraphs.build(2, List.of(List.of(1, 1, 1, 1, 2, 1, 1, 1, 0, 0)));
        assertTrue(rootBound(g, CostMode.PAPER, 4, 22, null) >= 0);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> rootBound(g, CostMode.PAPER, 4, 23, null));
    }

    @Provide
    Arbitrary<RandomGraphs.GraphCase> medium() {
        return RandomGraphs.graphs().filter(c -> c.graph().eliminable().length >= 24);
    }

    @Property(tries = 200)
    void pruning_by_a_known_order_never_changes_the_bound(@ForAll("small") RandomGraphs.GraphCase c,
            @ForAll @IntRange(max = 1000) int seed) {
        Graph g = c.graph();
        int[] known = randomOrder(g, new SplittableRandom(seed));
        for (CostMode mode : CostMode.values()) {
            for (int[] limits : new int[][] {{2, 2}, {2, 5}, {4, 4}, {3, 8}}) {
                assertEquals(rootBound(g, mode, limits[0], limits[1], null),
                        rootBound(g, mode, limits[0], limits[1], known),
                        mode + " groups of " + limits[0] + " grown to " + limits[1] + c);
            }
        }
    }

    @Test
    void growing_sees_the_products_behind_a_chain_of_additions() {
        // y = sin(a0·b0 + a1·b1 + a2·b2 + a3·b3): each product's two costly partials reach y only
        // through ±1 edges, so only a group holding the product and the additions after it sees them
        Graph.Builder b = Graph.builder(8);
        int sum = b.add(Op.MUL, Operand.input(0), Operand.input(1));
        for (int i = 1; i < 4; i++) {
            int product = b.add(Op.MUL, Operand.input(2 * i), Operand.input(2 * i + 1));
            sum = b.add(Op.ADD, Operand.vertex(sum), Operand.vertex(product));
        }
        Graph g = b.outputs(b.add(Op.SIN, Operand.vertex(sum))).build();
        CostMode mode = CostMode.EFFECTIVE;
        long optimum = BruteForce.optimum(g, mode);
        assertEquals(8, optimum);
        assertTrue(rootBound(g, mode, 2, 2, null) < optimum);
        assertEquals(optimum, rootBound(g, mode, 2, 7, null));
        assertEquals(optimum, rootBound(g, mode, 2, 7, g.reverseOrder()));
    }

    /** A uniformly random valid order (any remaining vertex may go next). */
    private static int[] randomOrder(Graph g, SplittableRandom random) {
        EliminationState s = new EliminationState(g, CostMode.PAPER);
        while (!s.isComplete()) {
            s.eliminate(s.remainingAt(random.nextInt(s.numRemaining())));
        }
        return s.eliminatedOrder();
    }
}
