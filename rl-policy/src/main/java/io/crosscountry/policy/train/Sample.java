package io.crosscountry.policy.train;

import io.crosscountry.policy.GraphInput;

/**
 * One training example: a state, the search's improved policy over its nodes (zero on illegal
 * nodes, summing to 1), and the transformed remaining cost actually paid from that state on.
 *
 * @param input        the encoded state
 * @param policyTarget one probability per node
 * @param valueTarget  {@code ValueTransform.forward(remaining cost / CostScale)}
 */
public record Sample(GraphInput input, float[] policyTarget, float valueTarget) {

    public Sample {
        if (policyTarget.length != input.numNodes()) {
            throw new IllegalArgumentException("policy target has " + policyTarget.length + " entries for " + input.numNodes() + " nodes");
        }
    }
}
