package io.crosscountry.elimination.search;

import io.crosscountry.elimination.CostMode;
import java.util.Objects;

/**
 * Options of {@link Optimizer#optimize}. Immutable: every {@code with…} returns a new instance.
 *
 * @param mode    the cost to minimise; {@link CostMode#EFFECTIVE} by default (what generated code executes)
 * @param method  which search; {@link SearchMethod#PORTFOLIO} by default
 * @param seed    the seed of every randomised search
 * @param threads how many threads the portfolio uses (≥ 1); all cores by default
 * @param iterations when positive, annealing makes exactly this many moves and randomised greedy
 *                   this many runs (deterministic for a seed); 0 (default): they run until the deadline
 */
public record OptimizeOptions(CostMode mode, SearchMethod method, long seed, int threads, long iterations) {

    public OptimizeOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(method, "method");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must not be negative: " + iterations);
        }
    }

    /** EFFECTIVE mode, the portfolio, seed 1, all cores. */
    public static OptimizeOptions defaults() {
        return new OptimizeOptions(CostMode.EFFECTIVE, SearchMethod.PORTFOLIO, 1L, Runtime.getRuntime().availableProcessors(), 0);
    }

    public OptimizeOptions withMode(CostMode mode) {
        return new OptimizeOptions(mode, method, seed, threads, iterations);
    }

    public OptimizeOptions withMethod(SearchMethod method) {
        return new OptimizeOptions(mode, method, seed, threads, iterations);
    }

    public OptimizeOptions withSeed(long seed) {
        return new OptimizeOptions(mode, method, seed, threads, iterations);
    }

    public OptimizeOptions withThreads(int threads) {
        return new OptimizeOptions(mode, method, seed, threads, iterations);
    }

    public OptimizeOptions withIterations(long iterations) {
        return new OptimizeOptions(mode, method, seed, threads, iterations);
    }
}
