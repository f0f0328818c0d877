package io.crosscountry.elimination.policy;

import io.crosscountry.elimination.EliminationState;
import java.util.List;

/**
 * An elimination policy as the searches see it: for a state, a logit per legal vertex (a prior over
 * which vertex to eliminate next) and a prediction of the multiplications still to come.
 *
 * <p>The elimination module knows policies only through this interface (no network library): the
 * trained network lives in {@code rl-policy} and is found through {@link PolicyProvider}. Evaluation
 * is split in two so that searches can batch: {@link #prepare} captures what the policy needs from a
 * state (the state may change right after), {@link #evaluate(List)} evaluates many prepared states
 * at once, from one game or many.
 *
 * <p>Instances are not required to be thread-safe; use one per thread.
 */
public interface Policy {

    /** A short name for results and reports (e.g. {@code "network"}, {@code "uniform"}). */
    String name();

    /** Captures what {@link #evaluate(List)} needs from {@code state}; must not keep the state itself. */
    PolicyInput prepare(EliminationState state);

    /** Evaluates prepared states, one evaluation per input, in order. */
    List<PolicyEvaluation> evaluate(List<PolicyInput> inputs);

    /**
     * The policy for play without search (greedy), which uses only the logits: implementations whose
     * value is expensive (e.g. mixes in rollouts) return a cheaper variant; by default this policy.
     */
    default Policy forGreedyPlay() {
        return this;
    }

    /** Prepares and evaluates one state. */
    default PolicyEvaluation evaluate(EliminationState state) {
        return evaluate(List.of(prepare(state))).get(0);
    }
}
