package io.crosscountry.policy.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.policy.GumbelConfig;
import io.crosscountry.policy.CostScale;
import io.crosscountry.policy.Features;
import io.crosscountry.policy.PolicyWeights;
import io.crosscountry.policy.ValueTransform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Self-play games are legal, priced right, and their training targets are well formed. */
class SelfPlayTest {

    @Test
    void games_produce_consistent_samples() {
        TrainConfig config = TrainConfig.tiny();
        GraphSource source = new GraphSource(config);
        List<TrainingGraph> graphs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            graphs.add(source.training(i));
        }
        PolicyWeights w = PolicyWeights.random(Features.COUNT, 16, 2, 3);
        try (LocalSelfPlay worker = new LocalSelfPlay(GumbelConfig.selfPlay().withSimulations(8).withConsidered(4), 0.5, 2)) {
            List<GameRecord> games = worker.play(graphs, w, 11);
            assertEquals(graphs.size(), games.size());
            for (GameRecord r : games) {
                r.graph().graph().validate(r.order());
                assertEquals(r.graph().graph().cost(r.order(), r.graph().mode()), r.cost());
                assertTrue(r.bestCost() <= r.cost());
                assertEquals(CostScale.of(r.graph().graph(), r.graph().mode()), r.scale());
                double previous = Double.MAX_VALUE;
                for (Sample s : r.samples()) {
                    double sum = 0;
                    for (int i = 0; i < s.policyTarget().length; i++) {
                        float p = s.policyTarget()[i];
                        assertTrue(p >= 0);
                        if (!s.input().legal()[i]) {
                            assertEquals(0f, p, "no target mass on illegal nodes");
                        }
                        sum += p;
                    }
                    assertEquals(1.0, sum, 1e-4);
                    double remaining = ValueTransform.inverse(s.valueTarget()) * r.scale();
                    assertTrue(remaining >= -1e-6 && remaining <= r.cost() + 1e-6);
                    assertTrue(remaining <= previous + 1e-6, "remaining cost never grows along a game");
                    previous = remaining;
                }
                assertEquals(r.cost(), ValueTransform.inverse(r.samples().get(0).valueTarget()) * r.scale(), 1e-3 * Math.max(1, r.cost()),
                        "the first state's target is the whole game's cost (when the first move had a choice)");
            }
        }
    }
}
