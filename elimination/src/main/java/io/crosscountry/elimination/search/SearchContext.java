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
    private final Consumer<SearchContext> onImprovement;
    private final long startNanos = System.nanoTime();
    private volatile boolean cancelled;
    private int[] bestOrder;
    private long bestCost = Long.MAX_VALUE;
    private String bestMethod;
    private long bestFoundNanos;
    private long lowerBound = 0;
    private boolean proven;

    /**
     * @param graph         the graph to eliminate
     * @param mode          the cost mode to minimise
     * @param deadlineNanos the {@link System#nanoTime()} at which searches must stop
     * @param seed          the seed searches derive their randomness from
     * @param onImprovement called (under no lock) after each new incumbent or bound, e.g. for progress
     */
    public SearchContext(Graph graph, CostMode mode, long deadlineNanos, long seed, Consumer<SearchContext> onImprovement) {
        this.graph = graph;
        this.mode = mode;
        this.deadlineNanos = deadlineNanos;
        this.seed = seed;
        this.onImprovement = onImprovement == null ? c -> { } : onImprovement;
    }

    /** A context with no progress callback. */
    public SearchContext(Graph graph, CostMode mode, long deadlineNanos, long seed) {
        this(graph, mode, deadlineNanos, seed, null);
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
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Whether searches must stop: the deadline passed, the optimum is proven, the thread was interrupted, or {@link #cancel()}. */
    public boolean shouldStop() {
        return cancelled || System.nanoTime() - deadlineNanos >= 0 || Thread.currentThread().isInterrupted() || isProvenOptimal();
    }

    /** Asks every search to stop. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Offers an order; it becomes the incumbent when it is cheaper than the current one. The caller
     * vouches that {@code cost} is the order's cost in {@link #mode()}.
     *
     * @return whether it improved the incumbent
     */
    public boolean offer(int[] order, long cost, String method) {
        synchronized (this) {
            if (cost >= bestCost) {
                return false;
            }
            bestOrder = order.clone();
            bestCost = cost;
            bestMethod = method;
            bestFoundNanos = System.nanoTime() - startNanos;
        }
        onImprovement.accept(this);
        return true;
    }

    /** Records a proven lower bound on the optimal cost; {@code complete} marks it as the optimum's exact value. */
    public void offerLowerBound(long bound, boolean complete) {
        synchronized (this) {
            if (bound <= lowerBound && !(complete && !proven)) {
                return;
            }
            lowerBound = Math.max(lowerBound, bound);
            proven |= complete;
        }
        onImprovement.accept(this);
    }

    /** The incumbent's cost, or {@link Long#MAX_VALUE} when there is none. */
    public synchronized long bestCost() {
        return bestCost;
    }

    /** The incumbent order (a copy), or {@code null}. */
    public synchronized int[] bestOrder() {
        return bestOrder == null ? null : bestOrder.clone();
    }

    /** The search that found the incumbent. */
    public synchronized String bestMethod() {
        return bestMethod;
    }

    /** Seconds from the start until the incumbent was found. */
    public synchronized double bestFoundSeconds() {
        return bestFoundNanos / 1e9;
    }

    /** The best proven lower bound (0 when nothing is proven). */
    public synchronized OptionalLong lowerBound() {
        return lowerBound > 0 || proven ? OptionalLong.of(lowerBound) : OptionalLong.empty();
    }

    /** Whether the incumbent is proven optimal (lower bound == incumbent cost). */
    public synchronized boolean isProvenOptimal() {
        return bestOrder != null && lowerBound >= bestCost;
    }
}
