package io.crosscountry.elimination.search;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.Graph;
import java.util.List;
import java.util.function.Supplier;

/**
 * Admissible lower bounds on the multiplications still needed to finish an elimination, in both
 * cost modes: disjoint-path bounds per vertex, combined exactly over small groups of vertices.
 *
 * <h2>Vertex bound</h2>
 * Fix a remaining vertex x, a set A of vertices known to be eliminated before x (at least those
 * already eliminated) and a set B known to be still present when x is eliminated. An edge is
 * <em>costly</em> in {@link CostMode#PAPER} always, in {@link CostMode#EFFECTIVE} when it is not a
 * compile-time constant. Let
 * <ul>
 *   <li>a = the largest number of paths that end in x through distinct current predecessors with
 *   a costly edge (computed with A eliminated), start at distinct <em>terminals</em> (inputs, or
 *   members of B) and share no vertex outside A;</li>
 *   <li>a' = the same count where a path may also be a single <em>permanent constant</em> edge p→x
 *   from an input or a member of B: the original graph has exactly one path p→x, its interior is
 *   in A, its partials are constant and their product is not ±1 (EFFECTIVE mode only);</li>
 *   <li>b, b' = the same from x to terminals that are outputs or members of B.</li>
 * </ul>
 * Then eliminating x costs at least a·b' + (a' − a)·b. In PAPER mode a' = a, b' = b and this is
 * a·b.
 *
 * <h2>Why it is admissible</h2>
 * <ol>
 *   <li><b>The current graph is a function of the eliminated set.</b> After eliminating a set T the
 *   graph has an edge u→w exactly when the original graph has a path u→…→w whose interior lies in T
 *   (u not in T; w not in T, or an output in T, which keeps its in-edges). Edges are never removed
 *   by cancellation. In EFFECTIVE mode an edge is constant exactly when every such path consists of
 *   constant edges (a product is constant iff both factors are, a sum iff both summands are), and
 *   its value is the sum of the paths' products.</li>
 *   <li><b>Each counted path gives x its own in-edge of the stated kind, whenever x is
 *   eliminated.</b> Let T ⊇ A be the set eliminated just before x. A path starts at a terminal,
 *   which is not in T (inputs are never eliminated, B by assumption); so it has a last vertex q not
 *   in T before x, q→x is then an edge, and its tail q→…→x contains the path's costly edge (the
 *   part after it lies in A ⊆ T), so q→x is non-constant (a sum with a non-constant term is
 *   non-constant). The q's differ between paths because the paths share no vertex outside A. A
 *   permanent constant edge p→x keeps its value (no other path can ever add a term) and its tail p
 *   stays, so it is a constant in-edge that is not ±1, distinct from the other paths' q's (p is a
 *   terminal, used by one path only). Symmetrically on the output side (a path ends at its first
 *   vertex that is an output or outside T).</li>
 *   <li><b>The products.</b> With N<sub>in</sub> ≥ a non-constant in-edges, C<sub>in</sub> further
 *   non-unit constant ones (N<sub>in</sub> + C<sub>in</sub> ≥ a'), and N<sub>out</sub> ≥ b,
 *   N<sub>out</sub> + C<sub>out</sub> ≥ b' on the output side: every product of a non-constant
 *   edge with a non-±1 edge costs one multiplication in EFFECTIVE mode (it is neither free nor
 *   folded), every product in PAPER mode. So the cost is at least N<sub>in</sub>(N<sub>out</sub> +
 *   C<sub>out</sub>) + C<sub>in</sub>N<sub>out</sub>, whose minimum under those constraints is
 *   a·b' + (a' − a)·b (it grows with N<sub>in</sub> because b' ≥ b).</li>
 * </ol>
 *
 * <h2>Group bound</h2>
 * The vertices are partitioned once into small groups (see {@code LowerBoundGroups}; at most
 * {@value #DEFAULT_GROUP_LIMIT} vertices by default). For a group, any complete order eliminates its
 * remaining members in some internal order; when member x is eliminated, the members before it are
 * eliminated (A = eliminated ∪ those) and the members after it are present (B). So the group costs
 * at least the minimum over internal orders of the sum of those vertex bounds, which a dynamic
 * programme over the members' subsets computes exactly. Groups are disjoint and every vertex is
 * eliminated once, so the sum over groups is a lower bound on the cost to go. This is what sees the
 * cost hidden behind constant edges: for x5 → x5² → (x5² − 3·x7²) → ·x5, whichever of the
 * middle vertices is eliminated second pays for non-constant partials on both sides.
 *
 * <p>A remaining vertex's bound never decreases as other vertices are eliminated (a valid path
 * family stays valid), groups never give less than the plain sum, and the bound of a finished
 * state is 0. The vertex bound costs up to four unit-capacity max-flows (augmenting paths; any
 * family of disjoint paths is valid, the maximum is the strongest); it depends only on which of the
 * vertex's ancestors and descendants are eliminated and which are present, so it is memoised
 * under exactly that key ({@code LowerBoundCache}) — the same for every group and candidate group,
 * so {@link #strongRootBound}'s groupings share one memo. Not thread-safe (it keeps scratch arrays
 * and the memo); use one instance per thread.
 */
public final class LowerBounds {

    /** Default largest group (a group of k costs k·2^(k−1) vertex bounds per evaluation). */
    public static final int DEFAULT_GROUP_LIMIT = 4;

    /**
     * {@link #strongRootBound}'s groupings, roughly cheapest first: {first-pass limit, grow limit, 1
     * to grow along every edge or 0 along constant edges only (EFFECTIVE mode; in PAPER mode every
     * edge is followed, and the 0 rows are skipped)}. None is always the strongest (see there).
     */
    private static final int[][] STRONG_GROUPINGS = {{4, 12, 1}, {4, 18, 0}, {8, 18, 0}, {14, 18, 1}, {4, 18, 1},
        {8, 18, 1}, {8, 14, 1}, {12, 16, 1}};

    /**
     * Largest group at all, reached only by growing ({@link LowerBoundGroups}): a group of k costs
     * a table of 2^k entries (32 MiB at 22) and k·2^(k−1) vertex bounds per evaluation. Groups
     * above 18 are for {@code crosscountry bound} with minutes to spend ({@link #STRONG_GROUPINGS}
     * stop at 18): RobotArm_6DOF's EFFECTIVE bound is 148 with groups grown to 18 and 150 grown
     * to 20 or 22 (14/20 in 13 s).
     */
    static final int MAX_GROUP_LIMIT = 22;

    /** A group bound computed without a deadline (see {@link #groupBound(int[], long)}). */
    private static final long NO_DEADLINE = Long.MIN_VALUE;

    /** Longest time spent choosing groups when no deadline is given. */
    private static final long GROUPING_NANOS = 10_000_000_000L;

    /** Memory of the vertex-bound memo. */
    private static final long CACHE_BYTES = 32L << 20;

    private final Graph graph;
    private final CostMode mode;
    private final long groupingDeadline;
    private final LowerBoundNetwork network;
    private final int[] eliminableNodes;
    private final boolean[] transit;
    private final int[] scratchIn;
    private final int[] scratchOut;
    private final int[][] groups;       // vertex nodes
    private final int[] groupOf;        // node -> group index (-1 for non-eliminable)
    private final long[] dp;
    private final int[] remaining;
    // memo of vertex bounds (see LowerBoundCache): eliminated set as bits over the eliminable vertices
    private final int[] elimIndex;      // node -> index among eliminable vertices, -1 otherwise
    private final long[] transitBits;
    private final long[][] relevant;    // by eliminable index: ancestors and descendants among them
    private final LowerBoundCache cache;
    private final long[] presentBits;   // the group members marked present, as bits like transitBits

    /** Bounds for {@code graph} counted in {@code mode}, with groups of up to {@value #DEFAULT_GROUP_LIMIT}. */
    public LowerBounds(Graph graph, CostMode mode) {
        this(graph, mode, DEFAULT_GROUP_LIMIT);
    }

    /**
     * Bounds for {@code graph} counted in {@code mode}, combining vertices in groups of at most
     * {@code groupLimit} (1: plain sum of vertex bounds).
     */
    public LowerBounds(Graph graph, CostMode mode, int groupLimit) {
        this(graph, mode, groupLimit, System.nanoTime() + GROUPING_NANOS);
    }

    /**
     * As {@link #LowerBounds(Graph, CostMode, int)}, choosing groups only until {@code deadlineNanos}
     * ({@link System#nanoTime()}); vertices not grouped by then stay alone (still admissible).
     */
    LowerBounds(Graph graph, CostMode mode, int groupLimit, long deadlineNanos) {
        this(graph, mode, groupLimit, groupLimit, false, deadlineNanos, null, null);
    }

    /**
     * As {@link #LowerBounds(Graph, CostMode, int, long)}, then growing groups up to
     * {@code growLimit} members by merging small groups with their neighbours (see
     * {@code LowerBoundGroups}) along every original edge ({@code growAlongAll}) or along the
     * constant ones the first pass follows; memoising vertex bounds in {@code memoOf}'s memo when given (bounds
     * of the same graph and mode: the memo's keys do not depend on the groups), else in a new one;
     * {@code known}: a complete order whose costs let the grouping skip sets that cannot gain, or
     * {@code null}.
     */
    private LowerBounds(Graph graph, CostMode mode, int groupLimit, int growLimit, boolean growAlongAll,
            long deadlineNanos, LowerBounds memoOf, int[] known) {
        if (groupLimit < 1 || groupLimit > MAX_GROUP_LIMIT) {
            throw new IllegalArgumentException("group limit must be in 1.." + MAX_GROUP_LIMIT + ": " + groupLimit);
        }
        if (growLimit < groupLimit || growLimit > MAX_GROUP_LIMIT) {
            throw new IllegalArgumentException("grow limit must be in " + groupLimit + ".." + MAX_GROUP_LIMIT + ": "
                    + growLimit);
        }
        this.groupingDeadline = deadlineNanos;
        this.graph = graph;
        this.mode = mode;
        this.network = new LowerBoundNetwork(graph, mode == CostMode.PAPER);
        int[] elim = graph.eliminable();
        this.eliminableNodes = new int[elim.length];
        for (int i = 0; i < elim.length; i++) {
            eliminableNodes[i] = network.node(elim[i]);
        }
        this.transit = new boolean[network.numNodes];
        this.scratchIn = new int[network.numNodes];
        this.scratchOut = new int[network.numNodes];
        this.dp = new long[1 << growLimit];
        this.remaining = new int[growLimit];
        this.elimIndex = new int[network.numNodes];
        java.util.Arrays.fill(elimIndex, -1);
        for (int i = 0; i < eliminableNodes.length; i++) {
            elimIndex[eliminableNodes[i]] = i;
        }
        int words = Math.max(1, (eliminableNodes.length + 63) >>> 6);
        this.transitBits = new long[words];
        this.presentBits = new long[words];
        this.relevant = relatives(words);
        int m = eliminableNodes.length;
        this.cache = memoOf != null ? memoOf.cache
                : new LowerBoundCache(words, CACHE_BYTES, m >= 16 ? Long.MAX_VALUE : m * (long) Math.pow(3, m));
        network.setTransit(transit);
        boolean effective = mode == CostMode.EFFECTIVE;
        this.groups = LowerBoundGroups.build(eliminableNodes, x -> network.neighbours(x, effective),
                x -> network.neighbours(x, effective && !growAlongAll), this::rootJoint,
                known == null ? null : costPerNode(known), groupLimit, growLimit, network.numNodes, deadlineNanos);
        this.groupOf = new int[network.numNodes];
        java.util.Arrays.fill(groupOf, -1);
        for (int g = 0; g < groups.length; g++) {
            for (int i = 0; i < groups[g].length; i++) {
                groupOf[groups[g][i]] = g;
            }
        }
    }

    /** For each eliminable vertex, the bits of its eliminable ancestors and descendants. */
    private long[][] relatives(int words) {
        int m = eliminableNodes.length;
        long[][] anc = new long[m][words];
        long[][] desc = new long[m][words];
        for (int i = 0; i < m; i++) { // nodes ascend topologically
            for (int p : network.adjacent(eliminableNodes[i], false)) {
                int j = elimIndex[p];
                if (j >= 0) {
                    anc[i][j >>> 6] |= 1L << (j & 63);
                    for (int w = 0; w < words; w++) {
                        anc[i][w] |= anc[j][w];
                    }
                }
            }
        }
        for (int i = m - 1; i >= 0; i--) {
            for (int s : network.adjacent(eliminableNodes[i], true)) {
                int j = elimIndex[s];
                if (j >= 0) {
                    desc[i][j >>> 6] |= 1L << (j & 63);
                    for (int w = 0; w < words; w++) {
                        desc[i][w] |= desc[j][w];
                    }
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int w = 0; w < words; w++) {
                anc[i][w] |= desc[i][w];
            }
        }
        return anc;
    }

    /** The bound on the whole optimisation (nothing eliminated) for {@code graph} in {@code mode}. */
    public static long rootBound(Graph graph, CostMode mode) {
        return new LowerBounds(graph, mode).bound(new EliminationState(graph, mode));
    }

    /**
     * The strongest root bound of {@code graph} over groupings with first-pass limits of 4 to 14,
     * grown and refined to groups of 12 to 18 (each a valid bound; none is always the
     * strongest: with the best order known, RoeFlux_1d EFFECTIVE 4/12: 183, 14/18: 184; g 4/12: 230,
     * 8/14: 237, 14/18: 232), the cheapest first, while time is left before {@code deadlineNanos}
     * ({@link System#nanoTime()}) and the bound is below the cheapest of the forward, reverse and
     * Markowitz orders, whose costs prune the grouping.
     */
    public static long strongRootBound(Graph graph, CostMode mode, long deadlineNanos) {
        int[] known = graph.reverseOrder();
        for (int[] order : List.of(graph.forwardOrder(), graph.markowitzOrder())) {
            if (graph.cost(order, mode) < graph.cost(known, mode)) {
                known = order;
            }
        }
        int[] cheapest = known;
        return strongRootBound(new LowerBounds(graph, mode, DEFAULT_GROUP_LIMIT, deadlineNanos), deadlineNanos,
                () -> cheapest);
    }

    /**
     * {@code base}'s root bound, raised by the grown groupings above, while time is left before
     * {@code deadlineNanos} and the bound is below the cost of the incumbent. {@code incumbent}:
     * the best complete order known when each grouping starts (or {@code null}); the grouping skips
     * the sets whose members already cost in it what they are bound to cost apart, which no
     * grouping can raise (see {@code LowerBoundGroups}).
     */
    static long strongRootBound(LowerBounds base, long deadlineNanos, Supplier<int[]> incumbent) {
        EliminationState root = new EliminationState(base.graph, base.mode);
        long best = base.bound(root);
        for (int[] grouping : STRONG_GROUPINGS) {
            if (grouping[2] == 0 && base.mode == CostMode.PAPER) {
                continue; // PAPER mode has no constant edges to follow: the same as a row along every edge
            }
            int[] known = incumbent.get();
            long knownCost = known == null ? Long.MAX_VALUE : base.graph.cost(known, base.mode);
            if (best >= knownCost || System.nanoTime() - deadlineNanos >= 0) {
                break;
            }
            LowerBounds grown = new LowerBounds(base.graph, base.mode, grouping[0], grouping[1], grouping[2] == 1,
                    deadlineNanos, base, known);
            best = Math.max(best, grown.bound(root));
        }
        return best;
    }

    /**
     * The root bound of one grouping, for certifying a bound offline ({@code crosscountry bound}):
     * groups of up to {@code groupLimit} (first pass), grown and refined to {@code growLimit}
     * along every edge ({@code LowerBoundGroups}), choosing groups until {@code deadlineNanos}
     * ({@link System#nanoTime()}; groups not chosen by then stay as they are, still admissible).
     * {@code known}: a complete order of {@code graph} whose costs prune the grouping (the
     * groups are the same with or without it), or {@code null}.
     *
     * @throws IllegalArgumentException unless 1 ≤ groupLimit ≤ growLimit ≤ {@value #MAX_GROUP_LIMIT},
     *                                  or when {@code known} is not a valid order of {@code graph}
     */
    public static long groupedRootBound(Graph graph, CostMode mode, int groupLimit, int growLimit, int[] known,
            long deadlineNanos) {
        return withKnownOrder(graph, mode, groupLimit, growLimit, deadlineNanos, known)
                .bound(new EliminationState(graph, mode));
    }

    /**
     * Bounds with groups of up to {@code groupLimit}, grown to {@code growLimit} along every edge, the grouping
     * pruned by the complete order {@code known} (or not, when {@code null}; the groups are the
     * same either way).
     */
    static LowerBounds withKnownOrder(Graph graph, CostMode mode, int groupLimit, int growLimit, long deadlineNanos,
            int[] known) {
        return new LowerBounds(graph, mode, groupLimit, growLimit, true, deadlineNanos, null, known);
    }

    /** What each vertex costs when {@code order} eliminates it, by network node (0 elsewhere). */
    private long[] costPerNode(int[] order) {
        graph.validate(order);
        long[] cost = new long[network.numNodes];
        EliminationState state = new EliminationState(graph, mode);
        for (int v : order) {
            cost[network.node(v)] = state.eliminate(v);
        }
        return cost;
    }

    public Graph graph() {
        return graph;
    }

    public CostMode mode() {
        return mode;
    }

    /**
     * A lower bound on the multiplications any completion of {@code state} still performs (so
     * {@code state.cost() + bound(state)} bounds every complete order extending it).
     *
     * @throws IllegalArgumentException when the state belongs to another graph or mode
     */
    public long bound(EliminationState state) {
        check(state);
        loadTransit(state);
        long sum = 0;
        for (int[] group : groups) {
            sum += groupBound(group);
        }
        return sum;
    }

    /**
     * The vertex bound of {@code id} alone (no group): a lower bound on what eliminating it will cost
     * whenever it is eliminated from {@code state} on (0 for an eliminated vertex).
     */
    public long vertexBound(EliminationState state, int id) {
        check(state);
        if (!state.isLegal(id)) {
            return 0;
        }
        loadTransit(state);
        return vertexBound(network.node(id));
    }

    /**
     * The part of {@link #bound(EliminationState)} that comes from the groups of {@code vertexIds},
     * which must be a union of groups — a union of {@code ExactComponents} is (groups are connected).
     */
    long bound(EliminationState state, int[] vertexIds) {
        check(state);
        loadTransit(state);
        long sum = 0;
        for (int id : vertexIds) {
            int[] group = groups[groupOf[network.node(id)]];
            if (group[0] == network.node(id)) { // each group once, through its first member
                sum += groupBound(group);
            }
        }
        return sum;
    }

    /** The exact minimum over internal orders of the group's remaining members (see class doc). */
    private long groupBound(int[] group) {
        return groupBound(group, NO_DEADLINE);
    }

    /**
     * As {@link #groupBound(int[])}, or −1 when {@code deadlineNanos} ({@link System#nanoTime()};
     * {@link #NO_DEADLINE}: none) passes first — a large group's table takes seconds.
     */
    private long groupBound(int[] group, long deadlineNanos) {
        int r = 0;
        for (int i = 0; i < group.length; i++) {
            if (!transit[group[i]]) {
                remaining[r++] = group[i];
            }
        }
        if (r == 0) {
            return 0;
        }
        if (r == 1) {
            return vertexBoundMemo(remaining[0]);
        }
        int full = (1 << r) - 1;
        dp[0] = 0;
        for (int mask = 1; mask <= full; mask++) {
            if ((mask & 1023) == 0 && deadlineNanos != NO_DEADLINE && System.nanoTime() - deadlineNanos >= 0) {
                return -1;
            }
            long best = Long.MAX_VALUE;
            for (int i = 0; i < r; i++) {
                if ((mask & (1 << i)) == 0 || dp[mask ^ (1 << i)] >= best) {
                    continue;
                }
                // member i is eliminated last among mask: mask \ {i} before it, the rest after it
                int before = mask ^ (1 << i);
                int after = full & ~mask;
                markMembers(before, after, r, true);
                long value = dp[before] + vertexBoundMemo(remaining[i]);
                markMembers(before, after, r, false);
                best = Math.min(best, value);
            }
            dp[mask] = best;
        }
        return dp[full];
    }

    /**
     * Marks (or, with {@code on} false, unmarks) the remaining group members in {@code before} as
     * eliminated and those in {@code after} as present (bits over {@link #remaining}).
     */
    private void markMembers(int before, int after, int r, boolean on) {
        for (int j = 0; j < r; j++) {
            int node = remaining[j];
            int i = elimIndex[node];
            long bit = 1L << (i & 63);
            if ((before & (1 << j)) != 0) {
                transit[node] = on;
                transitBits[i >>> 6] = on ? transitBits[i >>> 6] | bit : transitBits[i >>> 6] & ~bit;
            } else if ((after & (1 << j)) != 0) {
                presentBits[i >>> 6] = on ? presentBits[i >>> 6] | bit : presentBits[i >>> 6] & ~bit;
                if (on) {
                    network.addPresent(node);
                }
            }
        }
        if (!on) {
            network.clearPresent();
        }
    }

    /**
     * The vertex bound of v under the current transit set and present marks, memoised under v,
     * its eliminated and its present ancestors and descendants (all it depends on).
     */
    private long vertexBoundMemo(int v) {
        int i = elimIndex[v];
        long known = cache.get(i, transitBits, presentBits, relevant[i]);
        if (known >= 0) {
            return known;
        }
        long value = vertexBound(v);
        cache.put(i, transitBits, presentBits, relevant[i], value);
        return value;
    }

    /**
     * The joint bound of some vertex nodes at the start (nothing eliminated), or −1 when the
     * grouping's deadline passes while it is computed.
     */
    private long rootJoint(int[] nodes) {
        return groupBound(nodes, groupingDeadline);
    }

    private long vertexBound(int v) {
        boolean effective = mode == CostMode.EFFECTIVE;
        int np = network.costlyPreds(v, scratchIn);
        int npc = effective ? network.permanentConstPreds(v, scratchIn, np) : np;
        if (npc == 0) {
            return 0;
        }
        int ns = network.costlySuccs(v, scratchOut);
        int nsc = effective ? network.permanentConstSuccs(v, scratchOut, ns) : ns;
        if (nsc == 0) {
            return 0;
        }
        int a = network.disjointPaths(scratchIn, np, false);
        int b = network.disjointPaths(scratchOut, ns, true);
        if (a == 0 && b == 0) {
            return 0;
        }
        int ac = npc == np ? a : Math.max(a, network.disjointPaths(scratchIn, npc, false));
        int bd = nsc == ns ? b : Math.max(b, network.disjointPaths(scratchOut, nsc, true));
        return (long) a * bd + (long) (ac - a) * b;
    }

    private void loadTransit(EliminationState state) {
        for (int v = 1; v <= graph.numVertices(); v++) {
            transit[network.node(v)] = state.isEliminated(v);
        }
        java.util.Arrays.fill(transitBits, 0);
        for (int i = 0; i < eliminableNodes.length; i++) {
            if (transit[eliminableNodes[i]]) {
                transitBits[i >>> 6] |= 1L << (i & 63);
            }
        }
    }


    private void check(EliminationState state) {
        if (state.graph() != graph || state.mode() != mode) {
            throw new IllegalArgumentException("state of another graph or mode");
        }
    }
}
