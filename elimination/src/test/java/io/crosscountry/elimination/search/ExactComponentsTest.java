package io.crosscountry.elimination.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.RandomGraphArbitraries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** An order's cost is the sum of its components' parts, so components can be solved apart. */
class ExactComponentsTest {

    @Provide
    Arbitrary<RandomGraphArbitraries.Case> graphs() {
        return RandomGraphArbitraries.graphs();
    }

    @Property(tries = 200)
    void cost_is_the_sum_over_components_and_bounds_add_up(@ForAll("graphs") RandomGraphArbitraries.Case c,
                                                           @ForAll long seed) {
        Graph g = c.graph();
        List<int[]> components = ExactComponents.of(g);
        int total = 0;
        for (int[] comp : components) {
            total += comp.length;
        }
        assertEquals(g.eliminable().length, total, "a partition of the eliminable vertices");
        List<Integer> shuffled = new ArrayList<>();
        for (int v : g.eliminable()) {
            shuffled.add(v);
        }
        Collections.shuffle(shuffled, new Random(seed));
        int[] order = shuffled.stream().mapToInt(Integer::intValue).toArray();
        for (CostMode mode : CostMode.values()) {
            long sum = 0;
            LowerBounds bounds = new LowerBounds(g, mode);
            long boundSum = 0;
            for (int[] comp : components) {
                boolean[] member = new boolean[g.numVertices() + 1];
                for (int v : comp) {
                    member[v] = true;
                }
                EliminationState s = new EliminationState(g, mode);
                for (int v : ExactComponents.restrict(order, member)) {
                    s.eliminate(v);
                }
                sum += s.cost();
                boundSum += bounds.bound(new EliminationState(g, mode), comp);
            }
            assertEquals(g.cost(order, mode), sum, mode + " " + c);
            assertEquals(bounds.bound(new EliminationState(g, mode)), boundSum, "component bounds add up");
            assertTrue(boundSum <= sum);
        }
    }
}
