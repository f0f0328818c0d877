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
 */
public record OptimizeOptions(CostMode mode, SearchMethod method, long seed, int threads) {

    public OptimizeOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(method, "method");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    /** EFFECTIVE mode, the portfolio, seed 1, all cores. */
    public static OptimizeOptions defaults() {
        return new OptimizeOptions(CostMode.EFFECTIVE, SearchMethod.PORTFOLIO, 1L, Runtime.getRuntime().availableProcessors());
    }

    public OptimizeOptions withMode(CostMode mode) {
        return new OptimizeOptions(mode, method, seed, threads);
    }

    public OptimizeOptions withMethod(SearchMethod method) {
        return new OptimizeOptions(mode, method, seed, threads);
    }

    public OptimizeOptions withSeed(long seed) {
        return new OptimizeOptions(mode, method, seed, threads);
    }

    public OptimizeOptions withThreads(int threads) {
        return new OptimizeOptions(mode, method, seed, threads);
    }
}
