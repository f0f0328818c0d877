package io.crosscountry.elimination.search;

import io.crosscountry.elimination.Graph;

/**
 * Exact search: A* over eliminated <em>sets</em>, per independent component, with the admissible
 * {@link LowerBounds}, a transposition table, incumbent pruning and an anytime global lower bound.
 *
 * <h2>Why sets</h2>
 * The remaining graph depends only on which vertices are eliminated, so the cost of eliminating v
 * from a set S, and the optimal cost to go from S, are functions of S. A state is a set; an arc S →
 * S ∪ {v} costs what eliminating v in S costs; the optimum is the cheapest path from ∅ to the full
 * set. Different orders reaching the same set meet in the transposition table, which keeps the
 * cheapest cost-so-far per set (stored with the exact bitset, so distinct sets never collide).
 *
 * <h2>Independent components</h2>
 * The eliminable vertices split into components (linked by original edges; inputs and outputs
 * link nothing), and an order's cost is the sum of its components' sub-orders' costs
 * ({@code ExactComponents}). So each component is searched on its own, smallest first, over the
 * subsets of its own vertices only — HumanHeartDipole's 78 vertices are components of 1, 1, 7, 7,
 * 28 and 34, PropaneCombustion's 51 are fourteen of at most 10. The best sub-orders are
 * concatenated and offered; the global bound is the sum of the components' proven bounds (a
 * component not yet searched contributes its root bound). First, for at most half of the run,
 * the whole graph's root bound from several groupings grown to groups of up to 18
 * ({@link LowerBounds#strongRootBound}, pruned by the incumbent's costs) is offered: too slow to
 * guide the search node by node, much stronger at the root (EFFECTIVE: MLP 85 → 199, which
 * proves reverse mode optimal; RoeFlux_1d 119 → 184, which proves the annealed order optimal).
 * Before searching, every component takes
 * the cheapest part among the forward, reverse and Markowitz orders and the context's incumbent,
 * so their best parts combine into an order better than each.
 *
 * <h2>Correctness</h2>
 * <ul>
 *   <li>h = {@link LowerBounds} is admissible (proof there). A child first gets the inherited
 *   estimate max(0, h(parent) − c), which is admissible too (h*(S) ≤ c + h*(S ∪ {v})), and its own
 *   bound is computed only when it reaches the top of the open list (lazy evaluation); the larger of
 *   the two is kept. Priorities never decrease along a path, so the smallest priority on the open
 *   list only grows.</li>
 *   <li>A node reached again with a smaller cost-so-far is updated and re-opened, so optimality
 *   does not depend on the bound being consistent.</li>
 *   <li>Children with g + h ≥ U, where U is the component's best known sub-order cost (ours, or the
 *   part of the context's incumbent, polled a few times a second), are dropped: they cannot lead to
 *   anything cheaper than U. Every 4096 expansions a greedy completion of the current set may
 *   lower U.</li>
 *   <li>At any moment, every optimal sub-order (if cheaper than U) passes through a node on the
 *   open list whose g is optimal, hence whose priority is at most the optimum. So min(U, smallest
 *   priority on the open list) is a proven lower bound for the component. When the smallest
 *   priority reaches U (or the list empties) U is the component's optimum. When every component is
 *   solved, {@code offerLowerBound(optimum, true)} certifies the offered order.</li>
 *   <li><b>Reduction (both modes).</b> A remaining vertex with no current predecessor or no current
 *   successor is eliminated at once, as the only child. It costs 0 now and forever (it never gains
 *   predecessors/successors: any path into it would pass a current predecessor), and eliminating it
 *   removes only its own edges: every other edge, with its value and constness, is unchanged, and
 *   other vertices only lose it as a neighbour, which cannot make any later product appear. So some
 *   optimal completion starts with it. No other reduction is applied: a zero-cost vertex that does
 *   create fill-in is <em>not</em> safe to force in EFFECTIVE mode (eliminating {@code a + b} early
 *   can double the cost of a later non-linear successor).</li>
 * </ul>
 *
 * <h2>Memory</h2>
 * Each component's table and open list are capped by a byte budget (default
 * {@value #DEFAULT_MEMORY_BYTES} bytes, at most a quarter of the maximum heap). When it is full that
 * component's search stops with the bound it has proven and the next component is searched; no
 * bound is ever reported that is not proven.
 *
 * <p>Floating-point caveat: in EFFECTIVE mode a constant edge's value is a sum of products whose
 * rounding may depend on the order, which could in principle change whether it is exactly ±1, so
 * "the cost depends only on the set" holds up to that; offered orders are always re-costed with
 * {@code Graph.cost}, so an offered cost is always the order's true cost.
 *
 * <p>Thread-safe: each {@link #run} keeps its state to itself.
 */
public final class ExactSearch implements Search {

    /** Default table budget: 256 MiB. */
    public static final long DEFAULT_MEMORY_BYTES = 256L << 20;

    /** At most 1/this of the run goes to {@link LowerBounds#strongRootBound} before the A* search. */
    private static final int STRONG_BOUND_SHARE = 2;

    private final long memoryBytes;
    private final int groupLimit;
    private volatile ExactStats lastStats;

    /** Exact search with the default table budget and bound. */
    public ExactSearch() {
        this(DEFAULT_MEMORY_BYTES);
    }

    /** Exact search whose transposition table and open list use about {@code memoryBytes} at most. */
    public ExactSearch(long memoryBytes) {
        this(memoryBytes, LowerBounds.DEFAULT_GROUP_LIMIT);
    }

    /**
     * Exact search with a table budget and the group size of its {@link LowerBounds} (1: plain
     * vertex bounds; larger is stronger and slower per node).
     */
    public ExactSearch(long memoryBytes, int groupLimit) {
        if (memoryBytes < 1 << 16) {
            throw new IllegalArgumentException("memory budget too small: " + memoryBytes);
        }
        this.memoryBytes = memoryBytes;
        this.groupLimit = groupLimit;
    }

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public void run(SearchContext context) {
        long start = System.nanoTime();
        Graph graph = context.graph();
        // a stronger bound on the whole graph from larger groups first (half of the time at most)
        long span = context.deadlineNanos() - start;
        long strongDeadline = start + Math.max(0, span) / STRONG_BOUND_SHARE;
        LowerBounds bounds = new LowerBounds(graph, context.mode(), groupLimit, context.deadlineNanos());
        long strong = LowerBounds.strongRootBound(bounds, strongDeadline, context::bestOrder);
        context.offerLowerBound(strong, false);
        ExactAssembly assembly = ExactAssembly.seeded(context, name(), bounds);
        assembly.offerBound();
        long rootBound = assembly.totalLower();
        long expanded = 0;
        long generated = 0;
        long stored = 0;
        long evals = 0;
        boolean memoryFull = false;
        int largest = 0;
        for (int c = 0; c < assembly.size(); c++) {
            largest = Math.max(largest, assembly.component(c).length);
            if (assembly.solved(c) || context.shouldStop()) {
                continue;
            }
            ExactRun.Result r = new ExactRun(context, bounds, assembly.component(c), assembly.best(c), memoryBytes,
                    assembly.listener(c)).run();
            expanded += r.expanded();
            generated += r.generated();
            stored += r.stored();
            evals += r.boundEvals();
            memoryFull |= r.memoryFull();
        }
        int solved = 0;
        for (int c = 0; c < assembly.size(); c++) {
            solved += assembly.solved(c) ? 1 : 0;
        }
        assembly.offerBound();
        boolean proven = solved == assembly.size();
        long upper = assembly.totalUpper();
        if (!proven && strong >= context.bestCost()) { // the strong bound alone proves the incumbent optimal
            proven = true;
            upper = context.bestCost();
        }
        lastStats = new ExactStats(proven, proven ? upper : Math.max(strong, assembly.totalLower()), upper,
                rootBound, expanded, generated, stored, evals, memoryFull, assembly.size(), solved, largest,
                (System.nanoTime() - start) / 1e9);
    }

    /** Statistics of the last {@link #run}, or {@code null} before the first. */
    public ExactStats lastStats() {
        return lastStats;
    }
}
