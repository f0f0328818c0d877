package io.crosscountry.policy;

import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.policy.Policies;
import io.crosscountry.elimination.policy.Policy;
import io.crosscountry.elimination.policy.PolicyEvaluation;
import io.crosscountry.elimination.policy.PolicyInput;
import java.util.ArrayList;
import java.util.List;

/**
 * The network as a {@link Policy} for the searches: encodes states with {@link Features}, runs the
 * plain-Java {@link PolicyNetwork}, and turns its value (a {@link ValueTransform transformed}
 * remaining cost in units of the graph's {@link CostScale}) back into multiplications. Needs no
 * DJL. Not thread-safe (one per thread).
 */
public final class NetworkPolicy implements Policy {

    /**
     * A state as the network sees it, with the legal vertex ids, the cost unit, and (when the value
     * mixes in rollouts) the rollout that finishes the state (null without).
     */
    public record Encoded(GraphInput input, int[] actions, int[] actionNodes, double scale, Policies.Rollout rollout) implements PolicyInput {
    }

    /** The rollout weight the shipped policy searches with (see the README's evaluation). */
    public static final double DEFAULT_ROLLOUT_MIX = 0.75;
    /** The rollout the shipped policy searches with. */
    public static final Policies.RolloutRule DEFAULT_ROLLOUT = Policies.RolloutRule.BEST_OF_FOUR;

    private final PolicyNetwork network;
    private final String name;
    private final double rolloutMix;
    private final Policies.RolloutRule rolloutRule;

    /** The network alone: logits and value from the network. */
    public NetworkPolicy(PolicyNetwork network) {
        this(network, "network", 0.0, Policies.RolloutRule.MARKOWITZ_LOWEST);
    }

    /**
     * @param rolloutMix weight λ of a rollout in the predicted remaining cost:
     *                   (1 − λ)·network + λ·rollout (as AlphaGo mixed its value network with rollouts);
     *                   0 for the network alone. A rollout is an achievable cost, so it anchors the
     *                   search's values while the network is still learning.
     * @param rolloutRule how rollouts finish a state (self-play trained with
     *                    {@link Policies.RolloutRule#MARKOWITZ_LOWEST}); every rollout is also handed
     *                    to the search as a complete candidate order
     */
    public NetworkPolicy(PolicyNetwork network, String name, double rolloutMix, Policies.RolloutRule rolloutRule) {
        if (rolloutMix < 0 || rolloutMix > 1) {
            throw new IllegalArgumentException("rollout mix must lie in [0, 1]: " + rolloutMix);
        }
        this.network = network;
        this.name = name;
        this.rolloutMix = rolloutMix;
        this.rolloutRule = rolloutRule;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Policy forGreedyPlay() {
        return rolloutMix == 0 ? this : new NetworkPolicy(network, name, 0.0, rolloutRule);
    }

    @Override
    public Encoded prepare(EliminationState state) {
        Encoded e = encode(state);
        if (rolloutMix > 0) {
            e = new Encoded(e.input(), e.actions(), e.actionNodes(), e.scale(), rolloutRule.finish(state));
        }
        return e;
    }

    /** Encodes {@code state} (features, legal actions in node order, cost unit); no rollout. */
    public static Encoded encode(EliminationState state) {
        GraphInput in = Features.encode(state);
        int legal = in.numLegal();
        int[] actions = new int[legal];
        int[] nodes = new int[legal];
        int k = 0;
        for (int i = 0; i < in.numNodes(); i++) {
            if (in.legal()[i]) {
                actions[k] = in.vertexIds()[i];
                nodes[k++] = i;
            }
        }
        return new Encoded(in, actions, nodes, CostScale.of(state.graph(), state.mode()), null);
    }

    @Override
    public List<PolicyEvaluation> evaluate(List<PolicyInput> inputs) {
        List<PolicyEvaluation> out = new ArrayList<>(inputs.size());
        for (PolicyInput p : inputs) {
            Encoded e = (Encoded) p;
            PolicyNetwork.Output o = network.evaluate(e.input());
            float[] logits = new float[e.actions().length];
            for (int a = 0; a < logits.length; a++) {
                logits[a] = o.logits()[e.actionNodes()[a]];
            }
            double remaining = Math.max(0.0, ValueTransform.inverse(o.value())) * e.scale();
            if (e.rollout() != null) {
                remaining = (1 - rolloutMix) * remaining + rolloutMix * e.rollout().cost();
            }
            out.add(new PolicyEvaluation(e.actions(), logits, remaining, e.rollout()));
        }
        return out;
    }
}
