package io.crosscountry.elimination.search;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.Graph;

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
 * vertex's ancestors and descendants are eliminated and which group members are present, so it is
 * memoised under exactly that key ({@code LowerBoundCache}). Not thread-safe (it keeps scratch
 * arrays and the memo); use one instance per thread.
 */
public final class LowerBounds {

    /** Default largest group (a group of k costs k·2^(k−1) vertex bounds per evaluation). */
    public static final int DEFAULT_GROUP_LIMIT = 4;

    /** Largest group (the memo key keeps 16 bits for the members present, see {@code vertexBound}). */
    static final int MAX_GROUP_LIMIT = 14;

    /** Longest time spent choosing groups when no deadline is given. */
    private static final long GROUPING_NANOS = 10_000_000_000L;

    /** Memory of the vertex-bound memo. */
    private static final long CACHE_BYTES = 32L << 20;

    private final Graph graph;
    private final CostMode mode;
    private final int groupLimit;
    private final LowerBoundNetwork network;
    private final int[] eliminableNodes;
    private final boolean[] transit;
    private final int[] scratchIn;
    private final int[] scratchOut;
    private final int[][] groups;       // vertex nodes
    private final int[] groupOf;        // node -> group index (-1 for non-eliminable)
    private final long[] dp;
    private final int[] remaining;
    private final int[] remainingPos;   // position of remaining[i] in its group
    private final int[] groupPos;       // node -> position in its group
    // memo of vertex bounds (see LowerBoundCache): eliminated set as bits over the eliminable vertices
    private final int[] elimIndex;      // node -> index among eliminable vertices, -1 otherwise
    private final long[] transitBits;
    private final long[][] relevant;    // by eliminable index: ancestors and descendants among them
    private final LowerBoundCache cache;
    private boolean cacheReady;

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
        if (groupLimit < 1 || groupLimit > MAX_GROUP_LIMIT) {
            throw new IllegalArgumentException("group limit must be in 1.." + MAX_GROUP_LIMIT + ": " + groupLimit);
        }
        this.groupLimit = groupLimit;
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
        this.dp = new long[1 << groupLimit];
        this.remaining = new int[groupLimit];
        this.remainingPos = new int[groupLimit];
        this.elimIndex = new int[network.numNodes];
        java.util.Arrays.fill(elimIndex, -1);
        for (int i = 0; i < eliminableNodes.length; i++) {
            elimIndex[eliminableNodes[i]] = i;
        }
        int words = Math.max(1, (eliminableNodes.length + 63) >>> 6);
        this.transitBits = new long[words];
        this.relevant = relatives(words);
        int m = eliminableNodes.length;
        this.cache = new LowerBoundCache(words, CACHE_BYTES, m >= 24 ? Long.MAX_VALUE : (long) m << (m + 2));
        network.setTransit(transit);
        boolean effective = mode == CostMode.EFFECTIVE;
        this.groups = LowerBoundGroups.build(eliminableNodes, x -> network.neighbours(x, effective), this::rootJoint,
                groupLimit, network.numNodes, deadlineNanos);
        this.groupOf = new int[network.numNodes];
        this.groupPos = new int[network.numNodes];
        java.util.Arrays.fill(groupOf, -1);
        for (int g = 0; g < groups.length; g++) {
            for (int i = 0; i < groups[g].length; i++) {
                groupOf[groups[g][i]] = g;
                groupPos[groups[g][i]] = i;
            }
        }
        cacheReady = true;
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
     * The strongest root bound of {@code graph} over group limits 4, 6, …, 14 (each a valid bound;
     * larger groups are usually, not always, stronger), the larger limits computed while time is
     * left before {@code deadlineNanos} ({@link System#nanoTime()}).
     */
    public static long strongRootBound(Graph graph, CostMode mode, long deadlineNanos) {
        return strongRootBound(new LowerBounds(graph, mode, DEFAULT_GROUP_LIMIT, deadlineNanos), deadlineNanos);
    }

    /**
     * {@code base}'s root bound, raised by the root bounds with the even group limits from 4 up to
     * 14 that exceed {@code base}'s, while time is left before {@code deadlineNanos}.
     */
    static long strongRootBound(LowerBounds base, long deadlineNanos) {
        EliminationState root = new EliminationState(base.graph, base.mode);
        long best = base.bound(root);
        int first = base.groupLimit < DEFAULT_GROUP_LIMIT ? DEFAULT_GROUP_LIMIT : (base.groupLimit | 1) + 1;
        for (int limit = first; limit <= MAX_GROUP_LIMIT && System.nanoTime() - deadlineNanos < 0; limit += 2) {
            best = Math.max(best, new LowerBounds(base.graph, base.mode, limit, deadlineNanos).bound(root));
        }
        return best;
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
        int r = 0;
        for (int i = 0; i < group.length; i++) {
            if (!transit[group[i]]) {
                remainingPos[r] = i;
                remaining[r++] = group[i];
            }
        }
        if (r == 0) {
            return 0;
        }
        if (r == 1) {
            return vertexBound(remaining[0], 0);
        }
        int full = (1 << r) - 1;
        dp[0] = 0;
        for (int mask = 1; mask <= full; mask++) {
            long best = Long.MAX_VALUE;
            for (int i = 0; i < r; i++) {
                if ((mask & (1 << i)) == 0 || dp[mask ^ (1 << i)] >= best) {
                    continue;
                }
                // member i is eliminated last among mask: mask \ {i} before it, the rest after it
                int before = mask ^ (1 << i);
                int present = 0;
                for (int j = 0; j < r; j++) {
                    if ((before & (1 << j)) != 0) {
                        setTransit(remaining[j], true);
                    } else if (j != i && (mask & (1 << j)) == 0) {
                        network.addPresent(remaining[j]);
                        present |= 1 << remainingPos[j];
                    }
                }
                long value = dp[before] + vertexBound(remaining[i], present);
                for (int j = 0; j < r; j++) {
                    if ((before & (1 << j)) != 0) {
                        setTransit(remaining[j], false);
                    }
                }
                network.clearPresent();
                best = Math.min(best, value);
            }
            dp[mask] = best;
        }
        return dp[full];
    }

    private void setTransit(int node, boolean eliminated) {
        transit[node] = eliminated;
        int i = elimIndex[node];
        if (eliminated) {
            transitBits[i >>> 6] |= 1L << (i & 63);
        } else {
            transitBits[i >>> 6] &= ~(1L << (i & 63));
        }
    }

    /** The vertex bound of v under the current transit set and present marks (memoised). */
    private long vertexBound(int v, int presentMask) {
        if (!cacheReady) {
            return vertexBound(v);
        }
        int i = elimIndex[v];
        long head = ((long) i << 16) | presentMask;
        long known = cache.get(head, transitBits, relevant[i]);
        if (known >= 0) {
            return known;
        }
        long value = vertexBound(v);
        cache.put(head, transitBits, relevant[i], value);
        return value;
    }

    /** The joint bound of some vertex nodes at the start (nothing eliminated). */
    private long rootJoint(int[] nodes) {
        return groupBound(nodes);
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
