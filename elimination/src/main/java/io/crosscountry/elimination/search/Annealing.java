package io.crosscountry.elimination.search;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.heuristics.Heuristic;
import io.crosscountry.elimination.heuristics.HeuristicResult;
import io.crosscountry.elimination.heuristics.Heuristics;
import java.util.SplittableRandom;

/**
 * Simulated annealing over complete elimination orders, minimising the context's cost mode.
 *
 * <p><b>Start.</b> The cheapest order of {@link Heuristics#best} (or of the heuristic given to
 * {@link #startingFrom}), offered at once; the context's incumbent instead when it is cheaper.
 *
 * <p><b>Moves.</b> Each move rearranges one window of consecutive positions: swap its two ends,
 * move its first vertex to its end or its last to its front (relocating one vertex), rotate it
 * (moving a block), or, rarely, reverse it. Most windows are short and some span the whole order
 * ({@link LocalSearchMoves}). A move is priced by replaying only the window from the state at its
 * start ({@link LocalSearchState}): the states before and after the window do not change, so
 * nothing outside the window is re-run.
 *
 * <p><b>Acceptance.</b> Metropolis: a move that raises the cost by Δ is accepted with probability
 * e^(−Δ/T). The threshold −T·ln(u) is drawn before the replay, so a move is abandoned as soon as
 * its partial cost exceeds it. The run is split into cycles; each cycle restarts from the best
 * order found (by this search or, in a portfolio, by any other) and cools geometrically from its
 * start temperature to {@value #END_TEMPERATURE}. The first start temperature is the one at which
 * uphill moves sampled from the starting order would be accepted with mean probability
 * {@value #START_ACCEPTANCE}; each later cycle starts {@value #CYCLE_COOLING} times cooler.
 *
 * <p><b>Budget and determinism.</b> {@link #timed()} spreads the schedule over the context's
 * deadline, so the sequence of moves depends on the machine's speed. {@link #forIterations(long)}
 * schedules by move count: with the same seed, stream and graph it makes exactly the same moves
 * and returns the same orders, as long as the deadline does not cut it short and no other search
 * offers to the same context. Every improvement is re-priced from scratch before it is offered, so
 * the reported cost always equals {@link Graph#cost(int[], CostMode)} of the reported order.
 */
public final class Annealing implements Search {

    /** The temperature every cycle cools to: an uphill step of 1 is then accepted about once in 150 tries. */
    static final double END_TEMPERATURE = 0.2;
    /** The mean acceptance probability of sampled uphill moves at the first start temperature. */
    static final double START_ACCEPTANCE = 0.1;
    /** Each cycle starts this much cooler than the previous one. */
    static final double CYCLE_COOLING = 0.6;
    private static final int DEFAULT_CYCLES = 4;
    /** Cycle length when the deadline is too far away to schedule by time. */
    private static final long UNBOUNDED_CYCLE_MOVES = 2_000_000;
    private static final int STOP_CHECK_INTERVAL = 1024;

    private final long iterations; // 0: timed
    private final int stream;
    private final int cycles;
    private final Heuristic start; // null: the best of the table

    private Annealing(long iterations, int stream, int cycles, Heuristic start) {
        this.iterations = iterations;
        this.stream = stream;
        this.cycles = cycles;
        this.start = start;
    }

    /** Annealing that uses the whole time until the context's deadline. */
    public static Annealing timed() {
        return new Annealing(0, 0, DEFAULT_CYCLES, null);
    }

    /**
     * Annealing for exactly {@code moves} proposed moves (fewer if the context stops it), with the
     * schedule driven by the move count: reproducible for a fixed seed.
     */
    public static Annealing forIterations(long moves) {
        if (moves < 1) {
            throw new IllegalArgumentException("moves must be positive: " + moves);
        }
        return new Annealing(moves, 0, DEFAULT_CYCLES, null);
    }

    /** The same annealing drawing from random stream {@code stream} of the context's seed (for parallel copies). */
    public Annealing withStream(int stream) {
        return new Annealing(iterations, stream, cycles, start);
    }

    /** The same annealing with {@code cycles} restart-and-cool cycles (at least 1). */
    public Annealing withCycles(int cycles) {
        if (cycles < 1) {
            throw new IllegalArgumentException("cycles must be at least 1: " + cycles);
        }
        return new Annealing(iterations, stream, cycles, start);
    }

    /**
     * The same annealing starting from {@code heuristic}'s order instead of the cheapest of
     * {@link Heuristics#all()} (e.g. to diversify parallel copies, or to test the search itself).
     */
    public Annealing startingFrom(Heuristic heuristic) {
        return new Annealing(iterations, stream, cycles, java.util.Objects.requireNonNull(heuristic, "heuristic"));
    }

    @Override
    public String name() {
        return "anneal";
    }

    @Override
    public void run(SearchContext context) {
        Graph graph = context.graph();
        CostMode mode = context.mode();
        HeuristicResult initial = start == null ? Heuristics.best(graph, mode) : Heuristics.evaluate(start, graph, mode);
        context.offer(initial.order(), initial.cost(), name() + ":" + initial.name());
        if (initial.order().length < 2) {
            return;
        }
        new Run(context, initial).anneal();
    }

    /** One run's mutable state. */
    private final class Run {
        private final SearchContext context;
        private final LocalSearchState state;
        private final SplittableRandom random;
        private final LocalSearchMoves moves;
        private final long startNanos = System.nanoTime();
        private final long spanNanos;
        private long bestCost;
        private int[] bestOrder;

        Run(SearchContext context, HeuristicResult start) {
            this.context = context;
            this.state = new LocalSearchState(context.graph(), context.mode(), start.order());
            this.random = new SplittableRandom(context.seed() ^ (0x9E3779B97F4A7C15L * (stream + 1)));
            this.moves = new LocalSearchMoves(state, random);
            this.bestCost = state.cost();
            this.bestOrder = state.order();
            long span = context.deadlineNanos() - startNanos;
            this.spanNanos = iterations == 0 && span > 0 && span < 1_000_000_000_000_000L ? span : 0;
        }

        void anneal() {
            double startTemperature = calibrate();
            int cycle = -1;
            double temperature = startTemperature;
            for (long move = 0; ; move++) {
                if ((move & (STOP_CHECK_INTERVAL - 1)) == 0 && context.shouldStop()) {
                    return;
                }
                if (iterations > 0 && move >= iterations) {
                    return;
                }
                if ((move & 63) == 0) {
                    double fraction = progress(move);
                    int c = (int) Math.min(cycles - 1, Math.floor(fraction * cycles));
                    if (c != cycle) {
                        cycle = c;
                        restartFromBest();
                    }
                    temperature = temperature(startTemperature, cycle, fraction * cycles - cycle);
                }
                step(temperature);
            }
        }

        /** Geometric cooling from the cycle's start temperature to the end temperature over {@code within} ∈ [0, 1). */
        private double temperature(double startTemperature, int cycle, double within) {
            double t0 = Math.max(END_TEMPERATURE, startTemperature * Math.pow(CYCLE_COOLING, cycle));
            return t0 * Math.pow(END_TEMPERATURE / t0, within);
        }

        /** The fraction of the schedule done, in [0, 1); unbounded runs repeat their cycles. */
        private double progress(long move) {
            if (iterations > 0) {
                return (double) move / iterations;
            }
            if (spanNanos > 0) {
                return Math.min(0.999999, (double) (System.nanoTime() - startNanos) / spanNanos);
            }
            long all = UNBOUNDED_CYCLE_MOVES * cycles;
            return (double) (move % all) / all;
        }

        private void step(double temperature) {
            moves.propose();
            double u = 1.0 - random.nextDouble(); // (0, 1]
            double threshold = -temperature * Math.log(u);
            long maxDelta = threshold >= Long.MAX_VALUE / 4 ? Long.MAX_VALUE : (long) Math.floor(threshold);
            long delta = state.tryWindow(moves.start(), moves.window(), moves.length(), maxDelta);
            if (delta == Long.MAX_VALUE) {
                return;
            }
            state.commit();
            if (state.cost() < bestCost) {
                long exact = state.replayAll();
                if (exact < bestCost) {
                    bestCost = exact;
                    bestOrder = state.order();
                    context.offer(bestOrder, bestCost, name());
                }
            }
        }

        private void restartFromBest() {
            if (context.bestCost() < bestCost) {
                int[] shared = context.bestOrder();
                if (shared != null && shared.length == state.size()) {
                    state.setOrder(shared);
                    if (state.cost() < bestCost) {
                        bestCost = state.cost();
                        bestOrder = state.order();
                    }
                }
            }
            if (state.cost() != bestCost) {
                state.setOrder(bestOrder);
            }
        }

        /** Mean uphill change of random moves from the start order; at least 1. */
        private double calibrate() {
            int samples = Math.min(500, 20 * state.size());
            long[] uphill = new long[samples];
            int count = 0;
            for (int i = 0; i < samples; i++) {
                moves.propose();
                long delta = state.tryWindow(moves.start(), moves.window(), moves.length(), Long.MAX_VALUE);
                state.rollback();
                if (delta > 0) {
                    uphill[count++] = delta;
                }
            }
            return Math.max(2 * END_TEMPERATURE, temperatureForAcceptance(uphill, count, START_ACCEPTANCE));
        }
    }

    /**
     * The temperature at which the uphill changes {@code deltas[0 … count−1]} would be accepted
     * with mean probability {@code acceptance} (found by bisection on a log scale); 1 when there
     * are none.
     */
    static double temperatureForAcceptance(long[] deltas, int count, double acceptance) {
        if (count == 0) {
            return 1.0;
        }
        double lo = 1e-3;
        double hi = 1e9;
        for (int iteration = 0; iteration < 80; iteration++) {
            double mid = Math.sqrt(lo * hi);
            double sum = 0;
            for (int i = 0; i < count; i++) {
                sum += Math.exp(-deltas[i] / mid);
            }
            if (sum / count < acceptance) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }
}
