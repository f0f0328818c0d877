package io.crosscountry.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.codegen.RandomPrograms;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.policy.Policies;
import io.crosscountry.elimination.search.OptimizeOptions;
import io.crosscountry.elimination.search.OptimizeResult;
import io.crosscountry.elimination.search.Optimizer;
import io.crosscountry.elimination.search.SearchMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shipped model: present, small, found through the service loader, and used by optimize(). */
class PretrainedPolicyTest {

    @Test
    void the_shipped_model_loads_and_is_small() {
        PolicyWeights w = PolicyNetwork.defaultWeights().orElseThrow();
        assertEquals(Features.COUNT, w.numFeatures(), "the model was trained on the current features");
        assertTrue(w.toBytes().length < 4 * 1024 * 1024, "a few MB at most");
        assertTrue(Policies.provider().isPresent(), "registered as a PolicyProvider service");
    }

    @Test
    void optimize_with_policy_and_mcts_returns_valid_orders_priced_right() {
        for (long seed = 1; seed <= 4; seed++) {
            Graph g = RandomPrograms.generate(seed, 40).graph();
            for (CostMode mode : CostMode.values()) {
                for (SearchMethod method : new SearchMethod[] {SearchMethod.POLICY, SearchMethod.MCTS, SearchMethod.PORTFOLIO}) {
                    OptimizeOptions o = OptimizeOptions.defaults().withMode(mode).withMethod(method).withSeed(seed).withThreads(2);
                    OptimizeResult r = Optimizer.optimize(g, method == SearchMethod.POLICY ? Duration.ZERO : Duration.ofMillis(300), o);
                    g.validate(r.order());
                    assertEquals(g.cost(r.order(), mode), r.cost());
                    assertTrue(r.cost() <= r.baselines().get("markowitz"));
                }
            }
        }
    }

    @Test
    void mcts_with_fixed_simulations_is_deterministic() {
        Graph g = RandomPrograms.generate(9, 60).graph();
        OptimizeOptions o = OptimizeOptions.defaults().withMethod(SearchMethod.MCTS).withThreads(1).withIterations(24).withSeed(3);
        OptimizeResult a = Optimizer.optimize(g, Duration.ofSeconds(60), o);
        OptimizeResult b = Optimizer.optimize(g, Duration.ofSeconds(60), o);
        assertEquals(a.cost(), b.cost());
        assertEquals(java.util.Arrays.toString(a.order()), java.util.Arrays.toString(b.order()));
    }
}
