package io.crosscountry.elimination.search;

import io.crosscountry.elimination.heuristics.GreedyHeuristic;
import io.crosscountry.elimination.heuristics.GreedySelector;
import io.crosscountry.elimination.heuristics.Heuristics;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Repeated randomised greedy runs (GRASP-style): each run takes a random rule of the Markowitz
 * family ({@link Heuristics#greedy()}) and, at a random fraction of its steps, eliminates a vertex
 * drawn uniformly from the k best candidates instead of the best (k from 2 to 4, the fraction
 * from 5% to 50%, both drawn per run). Every improvement is offered to the context.
 *
 * <p>Reproducible for a fixed seed and stream with {@link #forRuns(long)}; {@link #timed()}
 * repeats until the context stops it. Costs are those of the fast engine, which equal
 * {@link io.crosscountry.elimination.Graph#cost(int[], io.crosscountry.elimination.CostMode)}.
 */
public final class RandomizedGreedy implements Search {

    private static final double[] RANDOMNESS = {0.05, 0.1, 0.2, 0.5};
    private static final int STEPS_PER_STOP_CHECK = 1000;

    private final long runs; // 0: until stopped
    private final int stream;

    private RandomizedGreedy(long runs, int stream) {
        this.runs = runs;
        this.stream = stream;
    }

    /** Randomised greedy runs until the context says stop. */
    public static RandomizedGreedy timed() {
        return new RandomizedGreedy(0, 0);
    }

    /** Exactly {@code runs} randomised greedy runs (fewer if the context stops it). */
    public static RandomizedGreedy forRuns(long runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be positive: " + runs);
        }
        return new RandomizedGreedy(runs, 0);
    }

    /** The same search drawing from random stream {@code stream} of the context's seed. */
    public RandomizedGreedy withStream(int stream) {
        return new RandomizedGreedy(runs, stream);
    }

    @Override
    public String name() {
        return "randomized-greedy";
    }

    @Override
    public void run(SearchContext context) {
        int n = context.graph().eliminable().length;
        if (n == 0) {
            context.offer(new int[0], 0, name());
            return;
        }
        List<GreedyHeuristic> rules = Heuristics.greedy();
        GreedySelector[] selectors = new GreedySelector[rules.size()];
        SplittableRandom random = new SplittableRandom(context.seed() ^ (0xC2B2AE3D27D4EB4FL * (stream + 1)));
        int runsPerCheck = Math.max(1, STEPS_PER_STOP_CHECK / n);
        long best = Long.MAX_VALUE;
        for (long run = 0; runs == 0 || run < runs; run++) {
            if (run % runsPerCheck == 0 && context.shouldStop()) {
                return;
            }
            int r = random.nextInt(rules.size());
            if (selectors[r] == null) {
                selectors[r] = rules.get(r).selector(context.graph(), context.mode());
            }
            int k = 2 + random.nextInt(3);
            double randomness = RANDOMNESS[random.nextInt(RANDOMNESS.length)];
            int[] order = selectors[r].run(random, k, randomness);
            long cost = selectors[r].cost();
            if (cost < best) {
                best = cost;
                context.offer(order, cost, name() + ":" + rules.get(r).name());
            }
        }
    }
}
