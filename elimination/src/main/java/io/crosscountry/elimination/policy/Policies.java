package io.crosscountry.elimination.policy;

import io.crosscountry.elimination.EliminationState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finding the pretrained policy, and the policies that need no network (for comparisons). */
public final class Policies {

    private Policies() {
    }

    /** The first {@link PolicyProvider} on the class path (the shipped network), if any. */
    public static Optional<PolicyProvider> provider() {
        for (PolicyProvider p : ServiceLoader.load(PolicyProvider.class, Policies.class.getClassLoader())) {
            if (p.available()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The pretrained policy, or a typed error explaining that none is on the class path.
     *
     * @throws PolicyUnavailableException when no provider is registered
     */
    public static PolicyProvider requireProvider() {
        return provider().orElseThrow(() -> new PolicyUnavailableException(
                "no pretrained policy on the class path: add io.crosscountry:crosscountry-rl-policy"
                        + " (it registers a " + PolicyProvider.class.getName() + " service)"));
    }

    /**
     * The uniform prior with a classic rollout value: every legal vertex equally likely, and the
     * remaining cost predicted by finishing the state with min-Markowitz (ties to the lowest id).
     * Searching with it is tree search without a network, the baseline the network must beat.
     */
    public static Policy uniformWithMarkowitzRollout() {
        return new Policy() {
            @Override
            public String name() {
                return "uniform";
            }

            @Override
            public PolicyInput prepare(EliminationState state) {
                return new RolloutInput(state.remaining(), markowitzRollout(state));
            }

            @Override
            public List<PolicyEvaluation> evaluate(List<PolicyInput> inputs) {
                List<PolicyEvaluation> out = new ArrayList<>(inputs.size());
                for (PolicyInput in : inputs) {
                    RolloutInput r = (RolloutInput) in;
                    out.add(new PolicyEvaluation(r.actions(), new float[r.actions().length], r.remaining()));
                }
                return out;
            }
        };
    }

    private record RolloutInput(int[] actions, long remaining) implements PolicyInput {
    }

    /** The cost of finishing {@code state} by min-Markowitz (ties to the lowest id); the state is restored. */
    public static long markowitzRollout(EliminationState state) {
        int done = 0;
        long before = state.cost();
        while (state.numRemaining() > 0) {
            int best = -1;
            long bestDegree = Long.MAX_VALUE;
            for (int i = 0; i < state.numRemaining(); i++) {
                int id = state.remainingAt(i);
                long d = state.markowitzDegree(id);
                if (d < bestDegree || (d == bestDegree && id < best)) {
                    best = id;
                    bestDegree = d;
                }
            }
            state.eliminate(best);
            done++;
        }
        long cost = state.cost() - before;
        for (int i = 0; i < done; i++) {
            state.undo();
        }
        return cost;
    }
}
