package io.crosscountry.elimination.policy;

import io.crosscountry.elimination.EliminationState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
     * remaining cost predicted by finishing the state with {@code rule} (the rollout is handed on as
     * a candidate). Searching with it is tree search without a network, the baseline the network
     * must beat.
     */
    public static Policy uniformWithRollout(RolloutRule rule) {
        return uniform(Objects.requireNonNull(rule, "rule"));
    }

    /**
     * Equal logits; with a {@code rule}, the value and candidate of a rollout by it, without one
     * value 0 and no rollout (what greedy play, which reads only the logits, needs).
     */
    private static Policy uniform(RolloutRule rule) {
        return new Policy() {
            @Override
            public String name() {
                return "uniform";
            }

            @Override
            public PolicyInput prepare(EliminationState state) {
                return new RolloutInput(state.remaining(), rule == null ? null : rule.finish(state));
            }

            @Override
            public List<PolicyEvaluation> evaluate(List<PolicyInput> inputs) {
                List<PolicyEvaluation> out = new ArrayList<>(inputs.size());
                for (PolicyInput in : inputs) {
                    RolloutInput r = (RolloutInput) in;
                    double value = r.rollout() == null ? 0.0 : r.rollout().cost();
                    out.add(new PolicyEvaluation(r.actions(), new float[r.actions().length], value, r.rollout()));
                }
                return out;
            }

            @Override
            public Policy forGreedyPlay() {
                return rule == null ? this : uniform(null); // no rollouts to pay for
            }
        };
    }

    private record RolloutInput(int[] actions, Rollout rollout) implements PolicyInput {
    }

    /** A finished rollout: the vertex ids that complete a state, in elimination order, and their cost. */
    public record Rollout(int[] order, long cost) {
    }

    /** How a rollout finishes a state (a greedy game to the end; the state is restored afterwards). */
    public enum RolloutRule {
        /** min-Markowitz (|preds|·|succs|), ties to the lowest id: the rollout the shipped model was trained with. */
        MARKOWITZ_LOWEST {
            @Override
            public Rollout finish(EliminationState state) {
                return greedy(state, false, false);
            }
        },
        /**
         * The cheapest of four games: greedy by the multiplications each elimination costs now in
         * the state's mode with ties to the lowest id, the same with ties to the highest id (on
         * RobotArm_6DOF the tie-break alone moves min-Markowitz from 288 to 221, PAPER), and the
         * remaining vertices in ascending and in descending id order (forward- and reverse-like
         * finishes, often the cheaper ones in EFFECTIVE mode).
         */
        BEST_OF_FOUR {
            @Override
            public Rollout finish(EliminationState state) {
                Rollout best = greedy(state, true, false);
                for (Rollout r : new Rollout[] {greedy(state, true, true), byId(state, false), byId(state, true)}) {
                    if (r.cost() < best.cost()) {
                        best = r;
                    }
                }
                return best;
            }
        };

        /** Finishes {@code state} and returns the completion; the state is restored. */
        public abstract Rollout finish(EliminationState state);
    }

    /**
     * The cheaper of finishing {@code state} with its remaining vertices in ascending and in
     * descending id order (forward- and reverse-like; linear in the remaining vertices, for when
     * there is no time for more); the state is restored.
     */
    public static Rollout finishById(EliminationState state) {
        Rollout ascending = byId(state, false);
        Rollout descending = byId(state, true);
        return descending.cost() < ascending.cost() ? descending : ascending;
    }

    private static Rollout byId(EliminationState state, boolean descending) {
        int[] order = state.remaining();
        java.util.Arrays.sort(order);
        if (descending) {
            for (int i = 0, j = order.length - 1; i < j; i++, j--) {
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        long before = state.cost();
        for (int id : order) {
            state.eliminate(id);
        }
        long cost = state.cost() - before;
        for (int i = 0; i < order.length; i++) {
            state.undo();
        }
        return new Rollout(order, cost);
    }

    private static Rollout greedy(EliminationState state, boolean byCost, boolean tiesHigh) {
        int[] order = new int[state.numRemaining()];
        int done = 0;
        long before = state.cost();
        while (state.numRemaining() > 0) {
            int best = -1;
            long bestScore = Long.MAX_VALUE;
            for (int i = 0; i < state.numRemaining(); i++) {
                int id = state.remainingAt(i);
                long d = byCost ? state.eliminationCost(id) : state.markowitzDegree(id);
                if (d < bestScore || (d == bestScore && (tiesHigh ? id > best : id < best))) {
                    best = id;
                    bestScore = d;
                }
            }
            state.eliminate(best);
            order[done++] = best;
        }
        long cost = state.cost() - before;
        for (int i = 0; i < done; i++) {
            state.undo();
        }
        return new Rollout(order, cost);
    }
}
