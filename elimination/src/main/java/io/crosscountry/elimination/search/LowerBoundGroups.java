package io.crosscountry.elimination.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * Chooses the groups of {@link LowerBounds}: small sets of adjacent vertices whose joint bound
 * (the minimum over their internal orders) beats the sum of their single bounds at the start.
 *
 * <p>Candidates are "stars": a vertex with its neighbours (in EFFECTIVE mode only those linked by
 * a constant edge, where costs hide: a constant edge between a vertex with non-constant inputs and
 * one with non-constant outputs costs nothing now but forces a product later, on whichever is
 * eliminated second), and, for limits above 2, "balls": a vertex with the vertices reached from
 * it breadth-first along those edges, up to the size limit (chains of additions, where the cost
 * of a product moves along the chain to whichever end is eliminated last: MLP's EFFECTIVE root
 * bound 85 with stars of 4, 151 with balls of 8, 170 of 12, 179 of 14). Candidates are taken by decreasing
 * gain and merged with the groups they touch while the result stays within the size limit.
 *
 * <p>Growing. Candidates of the full grow limit would be too many to evaluate (one per vertex, each
 * a table of 2^k entries), so larger groups come from a second pass: a group of at most
 * {@code growLimit − limit} members is merged with one neighbouring group, or two (a link between
 * them, as an addition between two parts of a chain), when the union, of at most
 * {@code growLimit} members, bounds more than the parts apart; the cheapest unions are tried
 * first, round after round until nothing merges. Growing follows {@code growNeighbours} — in
 * {@code LowerBounds} every original edge, not only the constant ones of the first pass: a
 * product a·b whose factors share an ancestor (sin θ · cos θ) is bounded by the paths it has, and a
 * group that also holds its factors sees more. The dot products of MLP's second layer are chains
 * of 8 products and 8 additions: groups of 14 leave two products outside, whose cost only a group
 * with the whole chain sees (EFFECTIVE root bound 179 with groups of 14, 199 grown to 18);
 * RoeFlux_1d's EFFECTIVE bound rose from 143 to 153 by growing along constant edges and to 184 —
 * the cost of the best order found, which is thereby proven optimal — along every edge.
 *
 * <p>Refining. Merging moves whole groups only, so a vertex can stay on the wrong side of a
 * group boundary once its neighbour is full: after growing, single vertices move into an adjacent
 * group (up to {@code growLimit} members) wherever the two groups then bound more together.
 * Encoder's attention scores are dot products whose cost shows only with the {@code exp} after
 * them: its EFFECTIVE bound with groups of 8 grown to 18 rose from 3124 to 3388 by such moves
 * (exps and divisions into the dot products before them, products into their chains).
 *
 * <p>Pruning by a known order. In any complete order the members of a set cost at least the set's
 * joint bound, and joint bounds are at least the sum over a partition of the set. So the gain of a
 * set over its parts is at most what its members cost in a known order minus the parts' bounds: a
 * set whose members already cost exactly that is not evaluated.
 *
 * <p>Any partition is valid: the choice only affects the bound's strength and cost.
 */
final class LowerBoundGroups {

    private LowerBoundGroups() {
    }

    /**
     * @param vertices   the eliminable vertex nodes
     * @param neighbours the candidate neighbours of a node
     * @param growNeighbours the neighbours a group may grow into (the growing pass)
     * @param joint      the joint bound of a set of nodes at the start (a single node: its own bound;
     *                   −1 when the deadline passed while it was computed)
     * @param known      what each node costs in some complete order, or {@code null}: a set whose
     *                   members already cost there what their groups are bound to cost apart is skipped
     * @param limit      the largest group of the first pass
     * @param growLimit  the largest group of the growing pass ({@code limit}: none)
     * @param deadlineNanos when ({@link System#nanoTime()}) to stop looking for groups
     * @return the groups (every vertex in exactly one), in vertex order of their first member
     */
    static int[][] build(int[] vertices, IntFunction<int[]> neighbours, IntFunction<int[]> growNeighbours,
                         ToLongFunction<int[]> joint, long[] known, int limit, int growLimit, int numNodes,
                         long deadlineNanos) {
        int[] groupOf = new int[numNodes];
        Arrays.fill(groupOf, -1);
        List<int[]> groups = new ArrayList<>();
        boolean[] vertex = new boolean[numNodes];
        for (int v : vertices) {
            vertex[v] = true;
            groupOf[v] = groups.size();
            groups.add(new int[] {v});
        }
        if (limit > 1) {
            long[] single = new long[numNodes];
            for (int v : vertices) {
                if (System.nanoTime() - deadlineNanos >= 0) {
                    return singletons(vertices);
                }
                single[v] = joint.applyAsLong(new int[] {v});
            }
            List<long[]> stars = new ArrayList<>(); // {gain, index in members}
            List<int[]> members = new ArrayList<>();
            for (int v : vertices) {
                if (System.nanoTime() - deadlineNanos >= 0) {
                    break; // out of time: the stars found so far still make a valid partition
                }
                int[] star = star(v, neighbours.apply(v), vertex);
                if (star.length >= 2 && star.length <= limit) {
                    addIfGaining(star, single, known, joint, stars, members);
                }
            }
            if (limit > 2) {
                for (int v : vertices) {
                    if (System.nanoTime() - deadlineNanos >= 0) {
                        break;
                    }
                    int[] ball = ball(v, neighbours, vertex, limit);
                    if (ball.length > 2) {
                        addIfGaining(ball, single, known, joint, stars, members);
                    }
                }
            }
            stars.sort((a, b) -> Long.compare(b[0], a[0]));
            for (long[] s : stars) {
                int[] star = members.get((int) s[1]);
                List<Integer> touched = new ArrayList<>();
                int size = 0;
                for (int x : star) {
                    int g = groupOf[x];
                    if (!touched.contains(g)) {
                        touched.add(g);
                        size += groups.get(g).length;
                    }
                }
                if (size > limit || touched.size() < 2) {
                    continue;
                }
                int[] merged = new int[size];
                int i = 0;
                for (int g : touched) {
                    for (int x : groups.get(g)) {
                        merged[i++] = x;
                    }
                    groups.set(g, new int[0]);
                }
                Arrays.sort(merged);
                int id = touched.get(0);
                groups.set(id, merged);
                for (int x : merged) {
                    groupOf[x] = id;
                }
            }
        }
        if (growLimit > limit) {
            long[] bound = new long[groups.size()]; // each group's joint bound, −1 until evaluated
            Arrays.fill(bound, -1);
            grow(groups, groupOf, growNeighbours, joint, bound, known, growLimit - limit, growLimit, deadlineNanos);
            refine(groups, groupOf, growNeighbours, joint, bound, known, growLimit, deadlineNanos);
        }
        return groups.stream().filter(g -> g.length > 0).toArray(int[][]::new);
    }

    /**
     * The growing pass (see the class comment): merges each group of at most {@code smallest}
     * members with one or two groups adjacent along {@code neighbours} while the union, of at most
     * {@code growLimit}, gains. {@code bound}: each non-empty group's joint bound, or −1 where not
     * evaluated yet; kept current for the refining pass.
     */
    private static void grow(List<int[]> groups, int[] groupOf, IntFunction<int[]> neighbours,
            ToLongFunction<int[]> joint, long[] bound, long[] known, int smallest, int growLimit, long deadlineNanos) {
        int[] version = new int[groups.size()]; // bumped when a group changes
        Set<List<Integer>> failed = new HashSet<>(); // merges that did not gain: parts and their versions
        for (boolean merged = true; merged; ) {
            merged = false;
            List<int[]> merges = new ArrayList<>(); // {union size, small group, neighbour groups...}
            for (int h = 0; h < groups.size(); h++) {
                int[] small = groups.get(h);
                if (small.length == 0 || small.length > smallest) {
                    continue;
                }
                int[] adjacent = adjacentGroups(small, h, groupOf, neighbours);
                for (int i = 0; i < adjacent.length; i++) {
                    int size = small.length + groups.get(adjacent[i]).length;
                    if (size <= growLimit) {
                        merges.add(new int[] {size, h, adjacent[i]});
                    }
                    for (int j = i + 1; j < adjacent.length; j++) { // h joining two groups (a link of a chain)
                        int three = size + groups.get(adjacent[j]).length;
                        if (three <= growLimit) {
                            merges.add(new int[] {three, h, adjacent[i], adjacent[j]});
                        }
                    }
                }
            }
            merges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Arrays.compare(a, b));
            boolean[] changed = new boolean[groups.size()];
            for (int[] merge : merges) {
                int[] parts = Arrays.copyOfRange(merge, 1, merge.length);
                if (anyOf(changed, parts)) {
                    continue; // merged earlier in this round: the next round sees the new group
                }
                if (System.nanoTime() - deadlineNanos >= 0) {
                    return;
                }
                long apart = 0;
                long cost = 0;
                int[] union = new int[0];
                for (int part : parts) {
                    long b = boundOf(part, groups, bound, joint);
                    if (b < 0) {
                        return; // −1: the deadline passed during the evaluation
                    }
                    apart += b;
                    cost += known == null ? 0 : sum(known, groups.get(part));
                    union = union(union, groups.get(part));
                }
                if (known != null && cost <= apart) {
                    continue; // the union cannot bound more than its members cost in the known order
                }
                List<Integer> key = new ArrayList<>();
                for (int part : parts) {
                    key.add(part);
                    key.add(version[part]);
                }
                if (failed.contains(key)) {
                    continue; // evaluated in an earlier round, and none of its parts changed since
                }
                long together = joint.applyAsLong(union);
                if (together < 0) {
                    return;
                }
                if (together <= apart) {
                    failed.add(key);
                } else {
                    int into = parts[1];
                    for (int part : parts) {
                        groups.set(part, new int[0]);
                        changed[part] = true;
                        version[part]++;
                    }
                    groups.set(into, union);
                    for (int x : union) {
                        groupOf[x] = into;
                    }
                    bound[into] = together;
                    merged = true;
                }
            }
        }
    }

    /**
     * The refining pass (see the class comment): moves single vertices into a neighbouring group
     * of fewer than {@code growLimit} members, along {@code neighbours}, while the two groups
     * together bound more after the move; with a known order only where one of the two groups
     * has slack (its members cost more there than it is bound to). {@code bound}: as the growing
     * pass left it, so the groups it evaluated are not evaluated again.
     */
    private static void refine(List<int[]> groups, int[] groupOf, IntFunction<int[]> neighbours,
            ToLongFunction<int[]> joint, long[] bound, long[] known, int growLimit, long deadlineNanos) {
        for (boolean moved = true; moved; ) {
            moved = false;
            for (int into = 0; into < groups.size(); into++) {
                if (groups.get(into).length == 0 || groups.get(into).length >= growLimit) {
                    continue;
                }
                if (boundOf(into, groups, bound, joint) < 0) {
                    return;
                }
                TreeSet<Integer> candidates = new TreeSet<>();
                for (int x : groups.get(into)) {
                    for (int y : neighbours.apply(x)) {
                        if (groupOf[y] >= 0 && groupOf[y] != into) {
                            candidates.add(y);
                        }
                    }
                }
                for (int v : candidates) {
                    int from = groupOf[v];
                    if (groups.get(into).length >= growLimit) {
                        break;
                    }
                    if (System.nanoTime() - deadlineNanos >= 0 || boundOf(from, groups, bound, joint) < 0) {
                        return;
                    }
                    if (known != null && slack(into, groups, bound, known) + slack(from, groups, bound, known) == 0) {
                        continue; // both already cost what they are bound to: no partition of them bounds more
                    }
                    int[] grown = union(groups.get(into), new int[] {v});
                    int[] shrunk = Arrays.stream(groups.get(from)).filter(x -> x != v).toArray();
                    long grownBound = joint.applyAsLong(grown);
                    long shrunkBound = shrunk.length == 0 ? 0 : joint.applyAsLong(shrunk);
                    if (grownBound < 0 || shrunkBound < 0) {
                        return;
                    }
                    if (grownBound + shrunkBound > bound[into] + bound[from]) {
                        groups.set(into, grown);
                        groups.set(from, shrunk);
                        groupOf[v] = into;
                        bound[into] = grownBound;
                        bound[from] = shrunkBound;
                        moved = true;
                    }
                }
            }
        }
    }

    /** What group {@code g}'s members cost in the known order beyond the group's bound. */
    private static long slack(int g, List<int[]> groups, long[] bound, long[] known) {
        return sum(known, groups.get(g)) - bound[g];
    }

    private static boolean anyOf(boolean[] flags, int[] indices) {
        for (int i : indices) {
            if (flags[i]) {
                return true;
            }
        }
        return false;
    }

    /** The groups other than {@code self} that a candidate neighbour of a member belongs to, ascending. */
    private static int[] adjacentGroups(int[] members, int self, int[] groupOf, IntFunction<int[]> neighbours) {
        TreeSet<Integer> r = new TreeSet<>();
        for (int x : members) {
            for (int y : neighbours.apply(x)) {
                int g = groupOf[y];
                if (g >= 0 && g != self) {
                    r.add(g);
                }
            }
        }
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long boundOf(int g, List<int[]> groups, long[] bound, ToLongFunction<int[]> joint) {
        if (bound[g] < 0) {
            bound[g] = joint.applyAsLong(groups.get(g));
        }
        return bound[g];
    }

    private static long sum(long[] byNode, int[] nodes) {
        long sum = 0;
        for (int x : nodes) {
            sum += byNode[x];
        }
        return sum;
    }

    private static int[] union(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        Arrays.sort(r);
        return r;
    }

    /**
     * Adds {@code set} as a candidate when its joint bound beats the sum of its members' single
     * bounds (not evaluated when its members already cost that sum in the known order).
     */
    private static void addIfGaining(int[] set, long[] single, long[] known, ToLongFunction<int[]> joint,
            List<long[]> candidates, List<int[]> members) {
        long sum = sum(single, set);
        if (known != null && sum(known, set) <= sum) {
            return;
        }
        long gain = joint.applyAsLong(set) - sum;
        if (gain > 0) {
            candidates.add(new long[] {gain, members.size()});
            members.add(set);
        }
    }

    private static int[] ball(int v, IntFunction<int[]> neighbours, boolean[] vertex, int limit) {
        int[] r = new int[limit];
        int n = 0;
        r[n++] = v;
        for (int head = 0; head < n && n < limit; head++) {
            for (int x : neighbours.apply(r[head])) {
                if (n < limit && vertex[x] && !contains(r, n, x)) {
                    r[n++] = x;
                }
            }
        }
        int[] out = Arrays.copyOf(r, n);
        Arrays.sort(out);
        return out;
    }

    private static int[][] singletons(int[] vertices) {
        int[][] r = new int[vertices.length][];
        for (int i = 0; i < r.length; i++) {
            r[i] = new int[] {vertices[i]};
        }
        return r;
    }

    private static int[] star(int v, int[] neighbours, boolean[] vertex) {
        int[] r = new int[neighbours.length + 1];
        int n = 0;
        r[n++] = v;
        for (int x : neighbours) {
            if (vertex[x] && !contains(r, n, x)) {
                r[n++] = x;
            }
        }
        int[] out = Arrays.copyOf(r, n);
        Arrays.sort(out);
        return out;
    }

    private static boolean contains(int[] a, int n, int x) {
        for (int i = 0; i < n; i++) {
            if (a[i] == x) {
                return true;
            }
        }
        return false;
    }
}
