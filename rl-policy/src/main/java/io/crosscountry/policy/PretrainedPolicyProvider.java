package io.crosscountry.policy;

import io.crosscountry.elimination.policy.Policy;
import io.crosscountry.elimination.policy.PolicyProvider;
import java.util.Optional;

/**
 * Serves the shipped pretrained network ({@link PolicyNetwork#DEFAULT_RESOURCE}) to the searches
 * through {@link java.util.ServiceLoader}. The weights are read once; every {@link #create()} gets
 * its own evaluator (working buffers are per instance).
 */
public final class PretrainedPolicyProvider implements PolicyProvider {

    private static final class Holder {
        static final Optional<PolicyWeights> WEIGHTS = PolicyNetwork.defaultWeights();
    }

    @Override
    public boolean available() {
        return Holder.WEIGHTS.isPresent();
    }

    @Override
    public Policy create() {
        PolicyWeights w = Holder.WEIGHTS.orElseThrow(() -> new ModelFormatException(PolicyNetwork.DEFAULT_RESOURCE, "no pretrained weights on the class path"));
        return new NetworkPolicy(new PolicyNetwork(w), "network", NetworkPolicy.DEFAULT_ROLLOUT_MIX, NetworkPolicy.DEFAULT_ROLLOUT);
    }

    @Override
    public String description() {
        return "pretrained policy network " + PolicyNetwork.DEFAULT_RESOURCE
                + (Holder.WEIGHTS.isPresent() ? "" : " (missing)");
    }
}
