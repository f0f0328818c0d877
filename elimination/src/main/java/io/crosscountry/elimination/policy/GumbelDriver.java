package io.crosscountry.elimination.policy;

import io.crosscountry.elimination.EliminationState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs many {@link GumbelTree}s in lock step so that the policy evaluates the leaves of all of them
 * (several per tree and round) in one batch, and plays policies greedily.
 */
public final class GumbelDriver {

    private GumbelDriver() {
    }

    /**
     * Searches until every unfinished tree has decided its current move (or {@code stop} turns true;
     * then the trees not yet decided are left undecided). Returns the number of network evaluations.
     */
    public static long decideMoves(List<GumbelTree> trees, Policy policy, BooleanSupplier stop) {
        List<GumbelTree.Pending> pending = new ArrayList<>();
        List<PolicyInput> inputs = new ArrayList<>();
        long evaluations = 0;
        while (!stop.getAsBoolean()) {
            pending.clear();
            boolean working = false;
            for (GumbelTree tree : trees) {
                if (!tree.isComplete()) {
                    working |= tree.step(pending);
                }
            }
            if (pending.isEmpty()) {
                if (!working) {
                    break;
                }
                continue;
            }
            inputs.clear();
            for (GumbelTree.Pending p : pending) {
                inputs.add(p.input());
            }
            List<PolicyEvaluation> results = policy.evaluate(inputs);
            evaluations += results.size();
            for (int i = 0; i < pending.size(); i++) {
                pending.get(i).tree().deliver(pending.get(i), results.get(i));
            }
        }
        return evaluations;
    }

    /**
     * Plays the policy greedily (the largest logit at every step, no search) from each state's
     * position to the end, evaluating the states together; returns each game's order (the vertices
     * eliminated from the starting position on). The states end complete.
     */
    public static List<int[]> greedy(List<EliminationState> states, Policy searchPolicy) {
        return greedy(states, searchPolicy, () -> false);
    }

    /**
     * {@link #greedy(List, Policy)} that stops early when {@code stop} turns true (checked before
     * every step); then the orders are incomplete (check the states' {@code numRemaining()}).
     */
    public static List<int[]> greedy(List<EliminationState> states, Policy searchPolicy, BooleanSupplier stop) {
        Policy policy = searchPolicy.forGreedyPlay();
        List<int[]> orders = new ArrayList<>();
        int[][] moves = new int[states.size()][];
        int[] played = new int[states.size()];
        for (int g = 0; g < states.size(); g++) {
            moves[g] = new int[states.get(g).numRemaining()];
        }
        List<PolicyInput> inputs = new ArrayList<>();
        List<Integer> who = new ArrayList<>();
        while (!stop.getAsBoolean()) {
            inputs.clear();
            who.clear();
            for (int g = 0; g < states.size(); g++) {
                EliminationState s = states.get(g);
                if (s.numRemaining() > 0) {
                    inputs.add(policy.prepare(s));
                    who.add(g);
                }
            }
            if (inputs.isEmpty()) {
                break;
            }
            List<PolicyEvaluation> results = policy.evaluate(inputs);
            for (int i = 0; i < results.size(); i++) {
                int g = who.get(i);
                PolicyEvaluation e = results.get(i);
                int v = e.actions()[e.argmax()];
                states.get(g).eliminate(v);
                moves[g][played[g]++] = v;
            }
        }
        for (int g = 0; g < states.size(); g++) {
            orders.add(java.util.Arrays.copyOf(moves[g], played[g]));
        }
        return orders;
    }

    /** {@link #greedy(List, Policy)} for one state. */
    public static int[] greedy(EliminationState state, Policy policy) {
        return greedy(List.of(state), policy).get(0);
    }
}
