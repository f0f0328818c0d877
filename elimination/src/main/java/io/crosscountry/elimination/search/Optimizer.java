package io.crosscountry.elimination.search;

import io.crosscountry.elimination.Graph;
import java.time.Duration;
import io.crosscountry.elimination.policy.Policies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Finds cheap elimination orders within a time budget: a portfolio of searches on all cores that
 * share the best order found and the best lower bound proven (see {@link SearchMethod}).
 *
 * <p>The forward, reverse and min-Markowitz orders are always evaluated first, so the result is
 * never worse than the best of them. Interrupting the calling thread stops every search and
 * returns the best order found so far.
 *
 * <p>Portfolio schedule: with two or more threads, one thread anneals for the whole budget while
 * another runs the exact search for 60 % of it and beam search for the rest (a third thread runs
 * randomised greedy restarts). With one thread the same searches run one after another in
 * fixed time slices (heuristics, exact 30 %, beam 20 %, annealing 50 %).
 *
 * <p>Determinism: with one thread and {@link OptimizeOptions#iterations()} set, annealing and
 * randomised greedy run a fixed number of moves, so {@link SearchMethod#ANNEAL} and
 * {@link SearchMethod#HEURISTIC} return the same order for the same seed on any machine (unless
 * the budget cuts them short). Time-bounded searches (the default) depend on the machine's speed.
 */
public final class Optimizer {

    private Optimizer() {
    }

    /** {@link #optimize(Graph, Duration, OptimizeOptions, Consumer)} with no progress callback. */
    public static OptimizeResult optimize(Graph graph, Duration budget, OptimizeOptions options) {
        return optimize(graph, budget, options, null);
    }

    /**
     * Optimises {@code graph}'s elimination order.
     *
     * @param budget   wall-clock time to spend ({@link Duration#ZERO}: baselines and heuristics only)
     * @param progress called after each improvement of the incumbent or the bound (may be null)
     */
    public static OptimizeResult optimize(Graph graph, Duration budget, OptimizeOptions options, Consumer<SearchContext> progress) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(options, "options");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("negative budget " + budget);
        }
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        SearchContext context = new SearchContext(graph, options.mode(), deadline, options.seed(), progress);
        Map<String, Long> baselines = baselines(graph, context);
        if (context.bestCost() == 0) {
            context.offerLowerBound(0, true); // nothing is cheaper than free
        }
        new HeuristicSearch().run(context.slice(Long.MAX_VALUE, options.seed()));
        if (options.method() == SearchMethod.POLICY) {
            new PolicySearch().run(context.slice(Long.MAX_VALUE, options.seed())); // no search: needs no budget
        } else if (!budget.isZero() && graph.eliminable().length > 0) {
            run(context, options, start, deadline);
        }
        int[] order = context.bestOrder();
        return new OptimizeResult(order, graph.cost(order, options.mode()), context.bestMethod(), context.lowerBound(),
                baselines, options.mode(), graph.fingerprint(), (System.nanoTime() - start) / 1e9, context.bestFoundSeconds());
    }

    private static Map<String, Long> baselines(Graph graph, SearchContext context) {
        Map<String, Long> baselines = new LinkedHashMap<>();
        offer(context, baselines, "fwd", graph.forwardOrder());
        offer(context, baselines, "rev", graph.reverseOrder());
        offer(context, baselines, "markowitz", graph.markowitzOrder());
        return baselines;
    }

    private static void offer(SearchContext context, Map<String, Long> baselines, String name, int[] order) {
        long cost = context.graph().cost(order, context.mode());
        baselines.put(name, cost);
        context.offer(order, cost, name);
    }

    /** A search with the share of the budget it may use, on one lane (thread). */
    private record Slot(Search search, double fromFraction, double toFraction) {
    }

    private static void run(SearchContext context, OptimizeOptions options, long start, long deadline) {
        List<List<Slot>> lanes = schedule(options);
        long total = deadline - start;
        if (lanes.size() == 1) {
            runLane(context, lanes.get(0), start, total, options.seed());
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(lanes.size(), r -> {
            Thread t = new Thread(r, "crosscountry-search");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < lanes.size(); i++) {
                List<Slot> lane = lanes.get(i);
                long seed = options.seed() + 1000003L * i;
                futures.add(pool.submit(() -> runLane(context, lane, start, total, seed)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            context.cancel();
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            context.cancel();
            throw new IllegalStateException("search failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runLane(SearchContext context, List<Slot> lane, long start, long total, long seed) {
        for (Slot slot : lane) {
            if (context.shouldStop()) {
                return;
            }
            long sliceEnd = start + (long) (total * slot.toFraction());
            slot.search().run(context.slice(sliceEnd, seed));
            seed = seed * 6364136223846793005L + 1442695040888963407L;
        }
    }

    private static List<List<Slot>> schedule(OptimizeOptions options) {
        return switch (options.method()) {
            case HEURISTIC -> List.of(List.of(new Slot(greedy(options, 0), 0.0, 1.0)));
            case ANNEAL -> List.of(List.of(new Slot(anneal(options, 0), 0.0, 1.0)));
            case BEAM -> List.of(List.of(new Slot(new BeamSearch(), 0.0, 1.0)));
            case EXACT -> List.of(List.of(new Slot(new ExactSearch(), 0.0, 1.0)));
            case POLICY -> List.of(List.of(new Slot(new PolicySearch(), 0.0, 1.0)));
            case MCTS -> List.of(List.of(new Slot(mcts(options), 0.0, 1.0)));
            case PORTFOLIO -> options.threads() == 1 ? singleLane(options) : portfolioLanes(options);
        };
    }

    /** One thread: exact, beam, the policy's tree search (when a pretrained policy is present), annealing. */
    private static List<List<Slot>> singleLane(OptimizeOptions options) {
        if (Policies.provider().isEmpty()) {
            return List.of(List.of(new Slot(new ExactSearch(), 0.0, 0.3), new Slot(new BeamSearch(), 0.3, 0.5),
                    new Slot(anneal(options, 0), 0.5, 1.0)));
        }
        return List.of(List.of(new Slot(new ExactSearch(), 0.0, 0.25), new Slot(new BeamSearch(), 0.25, 0.4),
                new Slot(mcts(options), 0.4, 0.6), new Slot(anneal(options, 0), 0.6, 1.0)));
    }

    private static List<List<Slot>> portfolioLanes(OptimizeOptions options) {
        List<List<Slot>> lanes = new ArrayList<>();
        lanes.add(List.of(new Slot(anneal(options, 0), 0.0, 1.0)));
        if (Policies.provider().isPresent()) {
            lanes.add(List.of(new Slot(new ExactSearch(), 0.0, 0.4), new Slot(mcts(options), 0.4, 0.7),
                    new Slot(new BeamSearch(), 0.7, 1.0)));
        } else {
            lanes.add(List.of(new Slot(new ExactSearch(), 0.0, 0.6), new Slot(new BeamSearch(), 0.6, 1.0)));
        }
        if (options.threads() >= 3) {
            lanes.add(List.of(new Slot(greedy(options, 2), 0.0, 1.0)));
        }
        for (int i = 3; i < options.threads(); i++) {
            lanes.add(List.of(new Slot(anneal(options, i), 0.0, 1.0)));
        }
        return lanes;
    }

    /** Annealing on random stream {@code stream}: timed, or by move count when the options fix one. */
    private static Search anneal(OptimizeOptions options, int stream) {
        Annealing a = options.iterations() > 0 ? Annealing.forIterations(options.iterations()) : Annealing.timed();
        return a.withStream(stream);
    }

    /** The policy's tree search: time-budgeted, or one game of {@code iterations} simulations per move. */
    private static Search mcts(OptimizeOptions options) {
        return new MctsSearch(() -> Policies.requireProvider().create(), "mcts", options.iterations());
    }

    private static Search greedy(OptimizeOptions options, int stream) {
        RandomizedGreedy g = options.iterations() > 0 ? RandomizedGreedy.forRuns(options.iterations()) : RandomizedGreedy.timed();
        return g.withStream(stream);
    }
}
