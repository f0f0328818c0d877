package io.crosscountry.elimination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.policy.GumbelConfig;
import io.crosscountry.elimination.policy.GumbelDriver;
import io.crosscountry.elimination.policy.GumbelTree;
import io.crosscountry.elimination.policy.Policies;
import io.crosscountry.elimination.policy.Policy;
import io.crosscountry.elimination.policy.PolicyEvaluation;
import io.crosscountry.elimination.policy.PolicyInput;
import io.crosscountry.elimination.policy.PolicyUnavailableException;
import io.crosscountry.elimination.search.MctsSearch;
import io.crosscountry.elimination.search.OptimizeOptions;
import io.crosscountry.elimination.search.Optimizer;
import io.crosscountry.elimination.search.SearchContext;
import io.crosscountry.elimination.search.SearchMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The Gumbel tree search: legal, correctly priced orders; improved policies that are
 * distributions over the legal vertices; batching across trees; and, with enough simulations on
 * small graphs, the brute-force optimum.
 */
class GumbelTreeTest {

    @Provide
    Arbitrary<RandomGraphs.GraphCase> small() {
        return BruteForce.smallGraphs(7);
    }

    @Property(tries = 60)
    void games_are_valid_orders_priced_like_the_cost_model(@ForAll("graphs") RandomGraphs.GraphCase c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            for (Policies.RolloutRule rule : Policies.RolloutRule.values()) {
                playAndCheck(g, mode, rule, 0);
                playAndCheck(g, mode, rule, 3);
            }
        }
    }

    private static void playAndCheck(Graph g, CostMode mode, Policies.RolloutRule rule, int incumbentFinishes) {
        Policy policy = Policies.uniformWithRollout(rule);
        EliminationState state = new EliminationState(g, mode);
        GumbelConfig config = GumbelConfig.selfPlay().withSimulations(12).withIncumbentFinishes(incumbentFinishes);
        GumbelTree tree = new GumbelTree(state, policy, config, 3);
        while (!tree.isComplete()) {
            GumbelDriver.decideMoves(List.of(tree), policy, () -> false);
            float[] p = tree.improvedPolicy();
            double sum = 0;
            for (float x : p) {
                assertTrue(x >= 0);
                sum += x;
            }
            assertEquals(1.0, sum, 1e-4);
            assertArrayEquals(tree.state().remaining(), tree.rootActions(), "every remaining vertex is an action");
            tree.commit(tree.decision());
        }
        int[] order = tree.committedOrder();
        g.validate(order);
        assertEquals(g.cost(order, mode), state.cost());
        assertTrue(tree.bestEpisodeCost() <= state.cost());
        assertEquals(g.cost(tree.bestEpisode(), mode), tree.bestEpisodeCost(), "best episode priced right");
    }

    @Property(tries = 60)
    void rollouts_finish_the_state_at_their_exact_cost_and_restore_it(@ForAll("graphs") RandomGraphs.GraphCase c) {
        Graph g = c.graph();
        for (CostMode mode : CostMode.values()) {
            EliminationState state = new EliminationState(g, mode);
            int[] all = g.eliminable();
            int prefix = all.length / 3;
            for (int i = 0; i < prefix; i++) {
                state.eliminate(all[all.length - 1 - i]);
            }
            long key = state.key();
            long cost = state.cost();
            int[] done = state.eliminatedOrder();
            for (Policies.RolloutRule rule : Policies.RolloutRule.values()) {
                Policies.Rollout r = rule.finish(state);
                assertEquals(key, state.key(), "state restored");
                assertEquals(cost, state.cost());
                int[] order = java.util.Arrays.copyOf(done, done.length + r.order().length);
                System.arraycopy(r.order(), 0, order, done.length, r.order().length);
                g.validate(order);
                assertEquals(g.cost(order, mode) - cost, r.cost(), rule + " priced like the cost model");
            }
        }
    }

    @Test
    void the_root_rollout_is_a_candidate_before_any_simulation() {
        Graph g = RandomGraphs.build(3, List.of(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), List.of(11, 12, 13, 14, 15, 16, 17, 18, 19, 20),
                List.of(3, 5, 7, 9, 11, 13, 17, 19, 23, 29), List.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 0)));
        Policy policy = Policies.uniformWithRollout(Policies.RolloutRule.BEST_OF_FOUR);
        EliminationState state = new EliminationState(g, CostMode.PAPER);
        Policies.Rollout expected = Policies.RolloutRule.BEST_OF_FOUR.finish(state);
        GumbelTree tree = new GumbelTree(state, policy, GumbelConfig.selfPlay(), 1);
        List<GumbelTree.Pending> pending = new ArrayList<>();
        tree.step(pending);
        assertEquals(1, pending.size(), "only the root");
        tree.deliver(pending.get(0), policy.evaluate(List.of(pending.get(0).input())).get(0));
        assertArrayEquals(expected.order(), tree.bestEpisode());
        assertEquals(expected.cost(), tree.bestEpisodeCost());
    }

    @Provide
    Arbitrary<RandomGraphs.GraphCase> graphs() {
        return RandomGraphs.graphs().filter(c -> c.graph().eliminable().length > 0);
    }

    @Property(tries = 40)
    void many_simulations_find_the_optimum_of_small_graphs(@ForAll("small") RandomGraphs.GraphCase c) {
        Graph g = c.graph();
        long optimum = BruteForce.optimum(g, CostMode.EFFECTIVE);
        SearchContext context = new SearchContext(g, CostMode.EFFECTIVE, System.nanoTime() + 60_000_000_000L, 5);
        new MctsSearch(() -> Policies.uniformWithRollout(Policies.RolloutRule.MARKOWITZ_LOWEST), "mcts-uniform", 400).run(context);
        assertEquals(optimum, context.bestCost(), "7 eliminable vertices, 400 simulations per move");
    }

    /** {@code inner} under another name, calling {@code beforeEvaluate} with every batch it evaluates. */
    private static Policy observed(Policy inner, String name, Consumer<List<PolicyInput>> beforeEvaluate) {
        return new Policy() {
            public String name() {
                return name;
            }

            public PolicyInput prepare(EliminationState s) {
                return inner.prepare(s);
            }

            public List<PolicyEvaluation> evaluate(List<PolicyInput> inputs) {
                beforeEvaluate.accept(inputs);
                return inner.evaluate(inputs);
            }
        };
    }

    @Test
    void a_run_stopped_during_its_first_game_still_offers_a_complete_order() {
        Graph g = ExactSearchTest.layered(3, 4, 60, 3);
        for (int stopAfter : new int[] {0, 1, 7}) {
            SearchContext context = new SearchContext(g, CostMode.EFFECTIVE, System.nanoTime() + 60_000_000_000L, 1);
            Policy uniform = Policies.uniformWithRollout(Policies.RolloutRule.BEST_OF_FOUR);
            int[] evaluations = {0};
            Policy stopping = observed(uniform, "stopping", inputs -> {
                if (evaluations[0]++ >= stopAfter) {
                    context.cancel(); // as if the budget ran out here
                }
            });
            if (stopAfter == 0) {
                context.cancel();
            }
            new MctsSearch(() -> stopping, "mcts-stopping", 0).run(context);
            int[] order = context.bestOrder();
            assertNotNull(order, "stopped after " + stopAfter + " evaluations");
            assertEquals(g.eliminable().length, order.length);
            assertEquals(g.cost(order, CostMode.EFFECTIVE), context.bestCost());
        }
    }

    @Test
    void leaves_of_several_trees_are_evaluated_in_one_batch() {
        Graph g = RandomGraphs.build(3, List.of(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), List.of(11, 12, 13, 14, 15, 16, 17, 18, 19, 20),
                List.of(3, 5, 7, 9, 11, 13, 17, 19, 23, 29), List.of(2, 4, 8, 16, 32, 64, 128, 256, 512, 1024),
                List.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 0), List.of(42, 17, 99, 5, 73, 8, 61, 33, 12, 7)));
        List<Integer> batchSizes = new ArrayList<>();
        Policy uniform = Policies.uniformWithRollout(Policies.RolloutRule.MARKOWITZ_LOWEST);
        Policy counting = observed(uniform, "counting", inputs -> batchSizes.add(inputs.size()));
        List<GumbelTree> trees = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            trees.add(new GumbelTree(new EliminationState(g, CostMode.PAPER), counting, GumbelConfig.selfPlay(), i));
        }
        GumbelDriver.decideMoves(trees, counting, () -> false);
        assertEquals(4, batchSizes.get(0), "the four roots together");
        assertTrue(batchSizes.stream().anyMatch(n -> n > 4) || g.eliminable().length <= 2, "leaves of several trees and candidates per batch: " + batchSizes);
        for (GumbelTree t : trees) {
            assertTrue(t.decided());
            assertNotNull(t.rootActions());
        }
    }

    @Test
    void policy_methods_without_a_pretrained_policy_fail_with_a_typed_error() {
        Graph g = RandomGraphs.build(2, List.of(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), List.of(5, 4, 3, 2, 1, 0, 9, 8, 7, 6)));
        if (Policies.provider().isEmpty()) {
            assertThrows(PolicyUnavailableException.class,
                    () -> Optimizer.optimize(g, Duration.ZERO, OptimizeOptions.defaults().withMethod(SearchMethod.POLICY)));
        }
    }
}
