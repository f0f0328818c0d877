package io.crosscountry.elimination.search;

import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.policy.GumbelDriver;
import io.crosscountry.elimination.policy.Policies;
import io.crosscountry.elimination.policy.Policy;
import java.util.function.Supplier;

/**
 * The policy played greedily: at every step the vertex with the largest logit, no search (one
 * network evaluation per eliminated vertex). Offers the resulting order as {@code "policy"}.
 */
public final class PolicySearch implements Search {

    private final Supplier<Policy> policy;

    /** With the pretrained policy (a typed error when none is on the class path). */
    public PolicySearch() {
        this(() -> Policies.requireProvider().create());
    }

    /** With the given policy (one instance per run). */
    public PolicySearch(Supplier<Policy> policy) {
        this.policy = policy;
    }

    @Override
    public String name() {
        return "policy";
    }

    @Override
    public void run(SearchContext context) {
        EliminationState state = new EliminationState(context.graph(), context.mode());
        Policy p = policy.get();
        int[] order = GumbelDriver.greedy(state, p);
        context.offer(order, state.cost(), name());
    }
}
