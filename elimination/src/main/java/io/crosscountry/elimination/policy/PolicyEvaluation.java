package io.crosscountry.elimination.policy;

/**
 * A policy's answer for one state.
 *
 * @param actions       the legal vertex ids, as in the input
 * @param logits        one unnormalised log-prior per action
 * @param remainingCost the predicted multiplications still to come from this state (≥ 0, in the
 *                      state's cost mode)
 * @param rollout       a complete way to finish the state that the policy measured (its order and
 *                      exact cost), which searches record as a candidate; null when there is none
 */
public record PolicyEvaluation(int[] actions, float[] logits, double remainingCost, Policies.Rollout rollout) {

    /** An evaluation without a rollout. */
    public PolicyEvaluation(int[] actions, float[] logits, double remainingCost) {
        this(actions, logits, remainingCost, null);
    }

    public PolicyEvaluation {
        if (actions.length != logits.length) {
            throw new IllegalArgumentException(actions.length + " actions but " + logits.length + " logits");
        }
    }

    /** The index of the largest logit (the first on ties), or -1 without actions. */
    public int argmax() {
        int best = -1;
        for (int i = 0; i < logits.length; i++) {
            if (best < 0 || logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
