package io.crosscountry.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CrossCountry;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.search.LowerBounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strong root bound (groups of up to 14, grown to 18) on real graphs: never above an order we
 * know, and strong where the group choice matters (the chains of additions of MLP's dot products).
 */
class SampleLowerBoundTest {

    private static Graph graph(String name) {
        Sample s = Samples.get(name);
        return CrossCountry.graph(s.owner(), s.method(), s.args());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RoeFlux_1d", "RobotArm_6DOF", "HumanHeartDipole", "PropaneCombustion", "g", "MLP",
            "BlackScholes_Jacobian"})
    void strong_root_bound_never_exceeds_a_known_order(String name) {
        Graph g = graph(name);
        CostMode mode = CostMode.EFFECTIVE;
        long known = Math.min(g.cost(g.forwardOrder(), mode), Math.min(g.cost(g.reverseOrder(), mode),
                g.cost(g.markowitzOrder(), mode)));
        long strong = LowerBounds.strongRootBound(g, mode, System.nanoTime() + 5_000_000_000L); // 5 s
        assertTrue(strong <= known, name + ": bound " + strong + " > the cost " + known + " of a baseline order");
        assertTrue(strong >= LowerBounds.rootBound(g, mode), name + ": larger groups never end below the default");
    }

    @Test
    void grown_groups_prove_reverse_mode_optimal_on_mlp() {
        Graph g = graph("MLP");
        long plain = LowerBounds.rootBound(g, CostMode.EFFECTIVE);
        long strong = LowerBounds.strongRootBound(g, CostMode.EFFECTIVE, System.nanoTime() + 120_000_000_000L);
        long reverse = g.cost(g.reverseOrder(), CostMode.EFFECTIVE);
        // measured 2026-12-07: 85 with groups of 4, 179 with groups of up to 14, 199 once the
        // dot products' chains of additions are grown into whole groups (up to 18)
        assertTrue(plain < 100, "default root bound " + plain);
        assertEquals(199, reverse);
        assertEquals(reverse, strong, "the strong root bound proves reverse mode optimal");
    }
}
