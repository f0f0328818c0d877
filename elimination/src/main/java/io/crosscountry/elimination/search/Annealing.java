package io.crosscountry.elimination.search;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.heuristics.HeuristicResult;
import io.crosscountry.elimination.heuristics.Heuristics;
import java.util.SplittableRandom;

/**
 * Simulated annealing over complete elimination orders, minimising the context's cost mode.
 *
 * <p><b>Start.</b> The cheapest order of {@link Heuristics#best} (or the context's incumbent when
 * it is cheaper), offered at once.
 *
 * <p><b>Moves.</b> Each move rearranges one window of consecutive positions: swap its two ends,
 * move its first vertex to its end or its last to its front (relocating one vertex), rotate it
 * (moving a block), or, rarely, reverse it. Window lengths are log-uniform between 2 and the
 * order's length, so most moves are local and some reach across the whole order. A move is priced
 * by replaying only the window from the state at its start ({@link LocalSearchState}): the states
 * before and after the window do not change.
 *
 * <p><b>Acceptance.</b> Metropolis: a move that raises the cost by Δ is accepted with probability
 * e^(−Δ/T). The threshold −T·ln(u) is drawn before the replay, so a move is abandoned as soon as
 * its partial cost exceeds it. The run is split into cycles; each cycle restarts from the best
 * order found (by this search or, in a portfolio, by any other) and cools geometrically from its
 * start temperature to {@value #END_TEMPERATURE}. The first start temperature is calibrated on
 * the uphill moves of the starting order; later cycles start cooler.
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
    private static final int DEFAULT_CYCLES = 4;
    /** Cycle length when the deadline is too far away to schedule by time. */
    private static final long UNBOUNDED_CYCLE_MOVES = 2_000_000;
    private static final int STOP_CHECK_INTERVAL = 1024;

    static final boolean DEBUG = Boolean.getBoolean("xx.debug"); // XXX
    private final long iterations; // 0: timed
    private final int stream;
    private final int cycles;

    private Annealing(long iterations, int stream, int cycles) {
        this.iterations = iterations;
        this.stream = stream;
        this.cycles = cycles;
    }

    /** Annealing that uses the whole time until the context's deadline. */
    public static Annealing timed() {
        return new Annealing(0, 0, DEFAULT_CYCLES);
    }

    /**
     * Annealing for exactly {@code moves} proposed moves (fewer if the context stops it), with the
     * schedule driven by the move count: reproducible for a fixed seed.
     */
    public static Annealing forIterations(long moves) {
        if (moves < 1) {
            throw new IllegalArgumentException("moves must be positive: " + moves);
        }
        return new Annealing(moves, 0, DEFAULT_CYCLES);
    }

    /** The same annealing drawing from random stream {@code stream} of the context's seed (for parallel copies). */
    public Annealing withStream(int stream) {
        return new Annealing(iterations, stream, cycles);
    }

    /** The same annealing with {@code cycles} restart-and-cool cycles (at least 1). */
    public Annealing withCycles(int cycles) {
        if (cycles < 1) {
            throw new IllegalArgumentException("cycles must be at least 1: " + cycles);
        }
        return new Annealing(iterations, stream, cycles);
    }

    @Override
    public String name() {
        return "anneal";
    }

    @Override
    public void run(SearchContext context) {
        Graph graph = context.graph();
        CostMode mode = context.mode();
        HeuristicResult start = Heuristics.best(graph, mode);
        context.offer(start.order(), start.cost(), name() + ":" + start.name());
        if (start.order().length < 2) {
            return;
        }
        new Run(context, start).anneal();
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
            double fraction = 0;
            int cycle = -1;
            double temperature = startTemperature;
            for (long move = 0; ; move++) {
                if ((move & (STOP_CHECK_INTERVAL - 1)) == 0 && context.shouldStop()) {
                    return;
                }
                if (iterations > 0 && move >= iterations) {
                    return;
                }
                if (DEBUG && (move & ((1 << 16) - 1)) == 0) { // XXX
                    System.err.printf("move=%d frac=%.3f T=%.3f cur=%d best=%d T0=%.2f%n", move, fraction, temperature, state.cost(), bestCost, startTemperature);
                }
                if ((move & 63) == 0) {
                    fraction = progress(move);
                    int c = (int) Math.min(cycles - 1, Math.floor(fraction * cycles));
                    if (c != cycle) {
                        cycle = c;
                        restartFromBest();
                    }
                    double within = fraction * cycles - cycle;
                    double t0 = startTemperature * Math.pow(Double.parseDouble(System.getProperty("xx.decay", "0.6")), cycle); // XXX
                    temperature = Math.max(END_TEMPERATURE, t0) * Math.pow(END_TEMPERATURE / Math.max(END_TEMPERATURE, t0), within);
                }
                step(temperature);
            }
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
            long sum = 0;
            int uphill = 0;
            int samples = Math.min(500, 20 * state.size());
            long[] deltas = new long[samples];
            for (int i = 0; i < samples; i++) {
                moves.propose();
                long delta = state.tryWindow(moves.start(), moves.window(), moves.length(), Long.MAX_VALUE);
                state.rollback();
                if (delta > 0) {
                    sum += delta;
                    deltas[uphill++] = delta;
                }
            }
            String p0s = System.getProperty("xx.p0"); // XXX
            if (p0s != null && uphill > 0) {
                double p0 = Double.parseDouble(p0s);
                double lo = 0.01, hi = 1e7;
                for (int it = 0; it < 100; it++) {
                    double mid = Math.sqrt(lo * hi);
                    double acc = 0;
                    for (int i = 0; i < uphill; i++) acc += Math.exp(-deltas[i] / mid);
                    if (acc / uphill < p0) lo = mid; else hi = mid;
                }
                if (DEBUG) System.err.printf("T0=%.3f from p0=%.3f, mean uphill=%.1f%n", hi, p0, (double) sum / uphill);
                return Math.max(END_TEMPERATURE * 2, hi);
            }
            return uphill == 0 ? 1.0 : Math.max(1.0, Double.parseDouble(System.getProperty("xx.t0", "0.5")) * sum / uphill); // XXX
        }
    }
}
