package io.crosscountry.elimination;

import java.util.SplittableRandom;

/**
 * Measures the engine's speed: random full elimination episodes on one thread (pick a random
 * remaining vertex, eliminate, repeat; then reset).
 */
public final class EngineBenchmark {

    /** Episodes and eliminations per second of one measurement. */
    public record Result(long episodes, long eliminations, double seconds, long checksum) {
        public double episodesPerSecond() {
            return episodes / seconds;
        }

        public double eliminationsPerSecond() {
            return eliminations / seconds;
        }
    }

    private EngineBenchmark() {
    }

    /**
     * Runs random episodes for about {@code seconds} after a warm-up of about {@code warmupSeconds}.
     *
     * @param seed the random seed (the episodes are reproducible)
     */
    public static Result run(Graph graph, CostMode mode, double warmupSeconds, double seconds, long seed) {
        EliminationState state = new EliminationState(graph, mode);
        SplittableRandom random = new SplittableRandom(seed);
        measure(state, random, warmupSeconds);
        return measure(state, random, seconds);
    }

    private static Result measure(EliminationState state, SplittableRandom random, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long episodes = 0;
        long eliminations = 0;
        long checksum = 0;
        do {
            for (int batch = 0; batch < 16; batch++) {
                state.reset();
                while (state.numRemaining() > 0) {
                    state.eliminate(state.remainingAt(random.nextInt(state.numRemaining())));
                }
                eliminations += state.numEliminated();
                checksum += state.cost();
                episodes++;
            }
        } while (System.nanoTime() < deadline);
        return new Result(episodes, eliminations, (System.nanoTime() - start) / 1e9, checksum);
    }
}
