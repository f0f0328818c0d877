package io.crosscountry.elimination.search;

import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.policy.GumbelConfig;
import io.crosscountry.elimination.policy.GumbelDriver;
import io.crosscountry.elimination.policy.GumbelTree;
import io.crosscountry.elimination.policy.Policies;
import io.crosscountry.elimination.policy.Policy;
import java.util.List;
import java.util.function.Supplier;

/**
 * Policy-guided tree search within the budget: the greedy policy first (an instant incumbent), then
 * games played move by move with {@link GumbelTree} (Gumbel root search, value-guided selection
 * below, transposition table), the simulations per move sized so that a game fits the remaining
 * time; further games (with Gumbel noise, other seeds) while time remains. Every complete order a
 * simulation reaches is offered, so nothing found is lost when the deadline cuts a game short.
 * The tree's best order is polished by a zero-temperature descent whenever it improves, and, with
 * at most half of the time, kicked and descended again (see {@link #offerBest}).
 *
 * <p>With {@link OptimizeOptions#iterations()} {@code > 0} it plays exactly one game with that many
 * simulations per move (deterministic for a seed).
 */
public final class MctsSearch implements Search {

    private static final int MIN_SIMULATIONS = 8;
    private static final int MAX_SIMULATIONS = 4096;
    /**
     * The share of the time left that one game is planned to take; later games (when time is left)
     * reuse the tree. One game over the whole budget measured slightly better than halves
     * (RoeFlux_1d / RobotArm_6DOF / g, 4 s).
     */
    private static final double GAME_SHARE = 1.0;
    /** A polish stops after this many proposals per eliminable vertex brought no improvement. */
    static final int POLISH_PATIENCE_PER_VERTEX = 50;
    /** Random window moves that start a kicked descent from the incumbent. */
    static final int KICKS = 3;
    /** At most this share of a time-budgeted run goes to kicked descents; the tree search has the rest. */
    static final double KICK_SHARE = 0.5;

    private final Supplier<Policy> policy;
    private final String name;
    private final long fixedSimulations;
    private final boolean polish;

    /** With the pretrained policy. */
    public MctsSearch() {
        this(() -> Policies.requireProvider().create(), "mcts", 0);
    }

    /**
     * @param policy           the policy (one instance per run)
     * @param name             the method name offered orders carry
     * @param fixedSimulations simulations per move for one deterministic game; 0: time-budgeted games
     */
    public MctsSearch(Supplier<Policy> policy, String name, long fixedSimulations) {
        this(policy, name, fixedSimulations, true);
    }

    private MctsSearch(Supplier<Policy> policy, String name, long fixedSimulations, boolean polish) {
        this.policy = policy;
        this.name = name;
        this.fixedSimulations = fixedSimulations;
        this.polish = polish;
    }

    /** The same search without polishing the tree's best episodes (to measure what polishing adds). */
    public MctsSearch withoutPolish() {
        return new MctsSearch(policy, name, fixedSimulations, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run(SearchContext context) {
        Policy p = policy.get();
        EliminationState greedyState = new EliminationState(context.graph(), context.mode());
        int[] greedy = GumbelDriver.greedy(List.of(greedyState), p, context::shouldStop).get(0);
        if (greedyState.numRemaining() > 0) {
            // out of time before the policy finished one game (a large graph, a short budget):
            // offer that game finished in id order, so the run still yields a complete order
            Policies.Rollout rest = Policies.finishById(greedyState);
            int[] order = java.util.Arrays.copyOf(greedy, greedy.length + rest.order().length);
            System.arraycopy(rest.order(), 0, order, greedy.length, rest.order().length);
            context.offer(order, greedyState.cost() + rest.cost(), name);
            return;
        }
        context.offer(greedy, greedyState.cost(), name);
        if (greedy.length == 0) {
            return;
        }
        if (fixedSimulations > 0) {
            GumbelConfig config = searchConfig(false).withSimulations((int) Math.min(MAX_SIMULATIONS, fixedSimulations));
            play(context, p, config, context.seed(), () -> false);
            return;
        }
        Polisher polisher = polish ? new Polisher(true) : null;
        // one tree for all games: each new game starts from the root with the statistics of the earlier ones
        EliminationState state = new EliminationState(context.graph(), context.mode());
        GumbelTree tree = new GumbelTree(state, p, searchConfig(false).withSimulations(MIN_SIMULATIONS), context.seed());
        for (int game = 0; !context.shouldStop(); game++) {
            if (game > 0) {
                tree.restartGame();
                tree.setConfig(searchConfig(true).withSimulations(MIN_SIMULATIONS));
            }
            playGame(context, p, tree, polisher, context::shouldStop);
        }
    }

    /**
     * 16 considered root actions; every new leaf also finished three times after the best game so
     * far (10 s, EFFECTIVE, six runs over seeds 1–3: RoeFlux_1d 192–198 with none, 184–196 with
     * three; RobotArm_6DOF 156 → 153–156).
     */
    private static GumbelConfig searchConfig(boolean noise) {
        return GumbelConfig.selfPlay().withNoise(noise).withConsidered(16).withIncumbentFinishes(3);
    }

    private void play(SearchContext context, Policy p, GumbelConfig config, long seed, java.util.function.BooleanSupplier stop) {
        EliminationState state = new EliminationState(context.graph(), context.mode());
        playGame(context, p, new GumbelTree(state, p, config, seed), polish ? new Polisher(false) : null, stop);
    }

    private void playGame(SearchContext context, Policy p, GumbelTree tree, Polisher polisher,
                          java.util.function.BooleanSupplier stop) {
        EliminationState state = tree.state();
        GumbelConfig config = GumbelConfig.selfPlay().withSimulations(MIN_SIMULATIONS);
        List<GumbelTree> trees = List.of(tree);
        long gameStart = System.nanoTime();
        long simsAtStart = tree.simulations();
        long deadline = gameStart + (long) ((context.deadlineNanos() - gameStart) * GAME_SHARE);
        int totalMoves = state.numRemaining();
        int played = 0;
        while (!tree.isComplete()) {
            if (fixedSimulations == 0) {
                config = tree.config().withSimulations(simulationsFor(tree.simulations() - simsAtStart, gameStart, deadline, played, totalMoves, config.simulations()));
                tree.setConfig(config);
            }
            GumbelDriver.decideMoves(trees, p, stop);
            offerBest(context, tree, polisher);
            if (!tree.decided()) {
                return; // stopped
            }
            tree.commit(tree.decision());
            played++;
        }
        offerBest(context, tree, polisher);
    }

    /** Simulations per move so that the rest of the game fits the time left, from the speed so far. */
    private static int simulationsFor(long simulations, long gameStart, long deadline, int played, int totalMoves, int current) {
        long now = System.nanoTime();
        int movesLeft = Math.max(1, totalMoves - played);
        if (played == 0 || simulations == 0) {
            return current;
        }
        double nanosPerSim = (now - gameStart) / (double) simulations;
        double perMove = (deadline - now) / (double) movesLeft;
        int sims = (int) Math.min(MAX_SIMULATIONS, Math.max(MIN_SIMULATIONS, perMove / Math.max(1.0, nanosPerSim)));
        return sims;
    }

    /**
     * Offers the tree's best episode; when it improved since the last polish, first polishes it
     * ({@link LocalDescent}) and hands the result back to the tree, whose incumbent finishes then
     * follow the polished order. In a time-budgeted run it then also tries one kicked descent from
     * the incumbent ({@link LocalDescent#kickAndDescend}, iterated local search) while those have
     * taken less than {@link #KICK_SHARE} of the run's time, so a tree stuck in one basin still
     * improves.
     */
    private void offerBest(SearchContext context, GumbelTree tree, Polisher polisher) {
        int[] best = tree.bestEpisode();
        if (best == null) {
            return;
        }
        long cost = tree.bestEpisodeCost();
        context.offer(best, cost, name);
        if (polisher == null) {
            return;
        }
        long patience = (long) POLISH_PATIENCE_PER_VERTEX * best.length;
        if (cost < polisher.polishedCost) {
            LocalDescent.Result polished = LocalDescent.descend(context.graph(), context.mode(), best,
                    context.seed() + polisher.polishes++, patience, Long.MAX_VALUE, context::shouldStop);
            polisher.polishedCost = polished.cost();
            if (polished.cost() < cost) {
                offerFound(context, tree, polished);
            }
        }
        long now = System.nanoTime();
        if (polisher.kicking && polisher.kickNanos <= KICK_SHARE * (now - polisher.startNanos) && !context.shouldStop()) {
            LocalDescent.Result kicked = LocalDescent.kickAndDescend(context.graph(), context.mode(), tree.bestEpisode(),
                    context.seed() + polisher.polishes++, KICKS, patience, Long.MAX_VALUE, context::shouldStop);
            polisher.kickNanos += System.nanoTime() - now;
            if (kicked.cost() < tree.bestEpisodeCost()) {
                polisher.polishedCost = kicked.cost();
                offerFound(context, tree, kicked);
            }
        }
    }

    private void offerFound(SearchContext context, GumbelTree tree, LocalDescent.Result found) {
        context.offer(found.order(), found.cost(), name);
        tree.offerEpisode(found.order(), found.cost());
    }

    /** One run's polishing state. */
    private static final class Polisher {
        /** Whether kicked descents run (only in time-budgeted runs: they are timed). */
        final boolean kicking;
        final long startNanos = System.nanoTime();
        /** The cost of the last polished episode. */
        long polishedCost = Long.MAX_VALUE;
        long polishes;
        long kickNanos;

        Polisher(boolean kicking) {
            this.kicking = kicking;
        }
    }
}
