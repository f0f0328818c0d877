package io.crosscountry.elimination.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * gain and merged with the groups they touch while the result stays within the size limit. Any
 * partition is valid: the choice only affects the bound's strength and cost.
 */
final class LowerBoundGroups {

    private LowerBoundGroups() {
    }

    /**
     * @param vertices   the eliminable vertex nodes
     * @param neighbours the candidate neighbours of a node
     * @param joint      the joint bound of a set of nodes at the start (a single node: its own bound)
     * @param limit      the largest group
     * @param deadlineNanos when ({@link System#nanoTime()}) to stop looking for groups
     * @return the groups (every vertex in exactly one), in vertex order of their first member
     */
    static int[][] build(int[] vertices, java.util.function.IntFunction<int[]> neighbours, ToLongFunction<int[]> joint,
                         int limit, int numNodes, long deadlineNanos) {
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
                    addIfGaining(star, single, joint, stars, members);
                }
            }
            if (limit > 2) {
                for (int v : vertices) {
                    if (System.nanoTime() - deadlineNanos >= 0) {
                        break;
                    }
                    int[] ball = ball(v, neighbours, vertex, limit);
                    if (ball.length > 2) {
                        addIfGaining(ball, single, joint, stars, members);
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
        return groups.stream().filter(g -> g.length > 0).toArray(int[][]::new);
    }

    /** Adds {@code set} as a candidate when its joint bound beats the sum of its members' single bounds. */
    private static void addIfGaining(int[] set, long[] single, ToLongFunction<int[]> joint, List<long[]> candidates,
            List<int[]> members) {
        long sum = 0;
        for (int x : set) {
            sum += single[x];
        }
        long gain = joint.applyAsLong(set) - sum;
        if (gain > 0) {
            candidates.add(new long[] {gain, members.size()});
            members.add(set);
        }
    }

    private static int[] ball(int v, java.util.function.IntFunction<int[]> neighbours, boolean[] vertex, int limit) {
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
