package io.crosscountry.elimination.policy;

/**
 * Settings of {@link GumbelTree}'s search (Gumbel root search with sequential halving, after
 * Danihelka et al., "Policy improvement by planning with Gumbel", ICLR 2022).
 *
 * @param simulations   simulations per move (the root's budget)
 * @param considered    how many root actions are sampled (Gumbel top-k without replacement) and then halved
 * @param cVisit        σ's visit offset: σ(q) = (cVisit + max visits) · cScale · q for q normalised to [0, 1]
 * @param cScale        σ's scale
 * @param maxNodes      transposition-table size at which the table is cleared (memory bound)
 * @param gumbelNoise   whether root actions are sampled with Gumbel noise (self-play); off: deterministic top-k
 * @param incumbentFinishes how many times every new leaf is also finished after the best game found
 *                      so far: once with its remaining vertices in that game's order, and each further
 *                      time in that order with one random vertex moved to a random place. The games
 *                      are recorded, and the leaf's value is the cheapest of them and the policy's
 *                      prediction, so the tree explores deviations from the best order. 0 (off) in
 *                      self-play, whose value targets must not depend on earlier games.
 */
public record GumbelConfig(int simulations, int considered, double cVisit, double cScale, int maxNodes, boolean gumbelNoise,
                           int incumbentFinishes) {

    public GumbelConfig {
        if (simulations < 1 || considered < 1 || maxNodes < 16 || incumbentFinishes < 0) {
            throw new IllegalArgumentException("simulations, considered must be ≥ 1, maxNodes ≥ 16, incumbentFinishes ≥ 0");
        }
    }

    /** 32 simulations per move, 8 considered root actions, c_visit 50, c_scale 0.1, noise on, no incumbent finishes. */
    public static GumbelConfig selfPlay() {
        return new GumbelConfig(32, 8, 50.0, 0.1, 200_000, true, 0);
    }

    public GumbelConfig withSimulations(int simulations) {
        return new GumbelConfig(simulations, considered, cVisit, cScale, maxNodes, gumbelNoise, incumbentFinishes);
    }

    public GumbelConfig withConsidered(int considered) {
        return new GumbelConfig(simulations, considered, cVisit, cScale, maxNodes, gumbelNoise, incumbentFinishes);
    }

    public GumbelConfig withIncumbentFinishes(int incumbentFinishes) {
        return new GumbelConfig(simulations, considered, cVisit, cScale, maxNodes, gumbelNoise, incumbentFinishes);
    }

    public GumbelConfig withNoise(boolean gumbelNoise) {
        return new GumbelConfig(simulations, considered, cVisit, cScale, maxNodes, gumbelNoise, incumbentFinishes);
    }
}
