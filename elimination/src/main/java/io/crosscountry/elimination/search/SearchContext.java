package io.crosscountry.elimination.search;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What the searches of one optimisation share: the graph, the cost mode, the deadline, the seed,
 * the best order found so far (the incumbent) and the best proven lower bound. Thread-safe.
 */
public final class SearchContext {

    private final Graph graph;
    private final CostMode mode;
    private final long deadlineNanos;
    private final long seed;
    private final Shared shared;

    /** The state all slices of one optimisation share. */
    private static final class Shared {
        final Consumer<SearchContext> onImprovement;
        final long startNanos = System.nanoTime();
        volatile boolean cancelled;
        int[] bestOrder;
        volatile long bestCost = Long.MAX_VALUE;
        String bestMethod;
        long bestFoundNanos;
        volatile long lowerBound = -1; // none proven yet

        Shared(Consumer<SearchContext> onImprovement) {
            this.onImprovement = onImprovement;
        }
    }

    /**
     * @param graph         the graph to eliminate
     * @param mode          the cost mode to minimise
     * @param deadlineNanos the {@link System#nanoTime()} at which searches must stop
     * @param seed          the seed searches derive their randomness from
     * @param onImprovement called (under no lock) after each new incumbent or bound, e.g. for progress
     */
    public SearchContext(Graph graph, CostMode mode, long deadlineNanos, long seed, Consumer<SearchContext> onImprovement) {
        this(graph, mode, deadlineNanos, seed, new Shared(onImprovement == null ? c -> { } : onImprovement));
    }

    private SearchContext(Graph graph, CostMode mode, long deadlineNanos, long seed, Shared shared) {
        this.graph = graph;
        this.mode = mode;
        this.deadlineNanos = deadlineNanos;
        this.seed = seed;
        this.shared = shared;
    }

    /**
     * A view of this context with an earlier deadline (a time slice for one search of a
     * portfolio) and another seed; incumbent, bound and cancellation stay shared.
     */
    public SearchContext slice(long deadlineNanos, long seed) {
        return new SearchContext(graph, mode, Math.min(deadlineNanos, this.deadlineNanos), seed, shared);
    }

    /** A context with no progress callback. */
    public SearchContext(Graph graph, CostMode mode, long deadlineNanos, long seed) {
        this(graph, mode, deadlineNanos, seed, (Consumer<SearchContext>) null);
    }

    public Graph graph() {
        return graph;
    }

    public CostMode mode() {
        return mode;
    }

    public long seed() {
        return seed;
    }

    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** Seconds since this context was created. */
    public double elapsedSeconds() {
        return (System.nanoTime() - shared.startNanos) / 1e9;
    }

    /**
     * Whether searches must stop: the deadline passed, the optimum is proven, the thread was
     * interrupted, or {@link #cancel()} was called. Cheap (no lock), but call it every few hundred
     * steps rather than every step.
     */
    public boolean shouldStop() {
        return shared.cancelled || System.nanoTime() - deadlineNanos >= 0 || Thread.currentThread().isInterrupted() || isProvenOptimal();
    }

    /** Asks every search to stop. */
    public void cancel() {
        shared.cancelled = true;
    }

    /**
     * Offers an order; it becomes the incumbent when it is cheaper than the current one. The caller
     * vouches that {@code cost} is the order's cost in {@link #mode()}.
     *
     * @return whether it improved the incumbent
     */
    public boolean offer(int[] order, long cost, String method) {
        synchronized (shared) {
            if (cost >= shared.bestCost) {
                return false;
            }
            shared.bestOrder = order.clone();
            shared.bestCost = cost;
            shared.bestMethod = method;
            shared.bestFoundNanos = System.nanoTime() - shared.startNanos;
        }
        shared.onImprovement.accept(this);
        return true;
    }

    /**
     * Records a proven lower bound on the optimal cost (every order costs at least this). An
     * exact search that completes offers the optimum's cost, which proves the incumbent optimal.
     * The {@code complete} flag is informational (the bound came from a finished exact search).
     */
    public void offerLowerBound(long bound, boolean complete) {
        synchronized (shared) {
            if (bound <= shared.lowerBound) {
                return;
            }
            shared.lowerBound = bound;
        }
        shared.onImprovement.accept(this);
    }

    /** The incumbent's cost, or {@link Long#MAX_VALUE} when there is none. Cheap: no lock. */
    public long bestCost() {
        return shared.bestCost;
    }

    /** The incumbent order (a copy), or {@code null}. */
    public int[] bestOrder() {
        synchronized (shared) {
            return shared.bestOrder == null ? null : shared.bestOrder.clone();
        }
    }

    /** The search that found the incumbent. */
    public String bestMethod() {
        synchronized (shared) {
            return shared.bestMethod;
        }
    }

    /** Seconds from the start until the incumbent was found. */
    public double bestFoundSeconds() {
        synchronized (shared) {
            return shared.bestFoundNanos / 1e9;
        }
    }

    /** The best proven lower bound, if any has been established. */
    public OptionalLong lowerBound() {
        long bound = shared.lowerBound;
        return bound >= 0 ? OptionalLong.of(bound) : OptionalLong.empty();
    }

    /** Whether the incumbent is proven optimal (lower bound ≥ incumbent cost). Cheap: no lock. */
    public boolean isProvenOptimal() {
        long bound = shared.lowerBound;
        return bound >= 0 && bound >= shared.bestCost;
    }
}
