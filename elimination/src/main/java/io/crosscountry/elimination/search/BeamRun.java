package io.crosscountry.elimination.search;

import io.crosscountry.elimination.EliminationState;
import java.util.Arrays;

/**
 * One beam pass over one independent component (see {@link BeamSearch}): level by level over
 * eliminated sets, merging children that reach the same set (the cheaper cost-so-far wins), scoring
 * each distinct set by cost so far + {@link LowerBounds}, and keeping the best {@code width}.
 */
final class BeamRun {

    /** The outcome: the best sub-order found (null when stopped early) and whether nothing was cut. */
    record Result(int[] order, long cost, boolean exhaustive, long evaluations) {
    }

    private final SearchContext context;
    private final LowerBounds bounds;
    private final int[] component;
    private final int k;
    private final int width;
    private final int words;
    private final int[] bitOf;
    private final EliminationState state;
    private final int[] currentPath;
    private int currentLength;
    private final int[] targetPath;
    private long evaluations;

    // levels: for each depth, the kept states' parent (index in the previous level) and last vertex
    private final int[][] levelParent;
    private final int[][] levelVertex;

    BeamRun(SearchContext context, LowerBounds bounds, int[] component, int width) {
        this.context = context;
        this.bounds = bounds;
        this.component = component;
        this.k = component.length;
        this.width = width;
        this.words = Math.max(1, (k + 63) >>> 6);
        this.bitOf = new int[context.graph().numVertices() + 1];
        Arrays.fill(bitOf, -1);
        for (int i = 0; i < k; i++) {
            bitOf[component[i]] = i;
        }
        this.state = new EliminationState(context.graph(), context.mode());
        this.currentPath = new int[k];
        this.targetPath = new int[k];
        this.levelParent = new int[k + 1][];
        this.levelVertex = new int[k + 1][];
    }

    /**
     * Runs the pass; children whose cost so far plus bound reaches {@code upper} (a known sub-order's
     * cost) are dropped, which never hides anything cheaper than {@code upper}.
     */
    Result run(long upper) {
        long[] sets = new long[words];
        long[] g = {0};
        levelParent[0] = new int[] {-1};
        levelVertex[0] = new int[] {-1};
        boolean exhaustive = true;
        for (int depth = 0; depth < k; depth++) {
            int count = g.length;
            ExactNodes children = new ExactNodes(words, Integer.MAX_VALUE - 16);
            long[] set = new long[words];
            for (int i = 0; i < count; i++) {
                if (context.shouldStop()) {
                    return new Result(null, Long.MAX_VALUE, false, evaluations);
                }
                moveTo(depth, i);
                System.arraycopy(sets, i * words, set, 0, words);
                for (int v : component) {
                    if (!state.isLegal(v)) {
                        continue;
                    }
                    long g2 = g[i] + state.eliminationCost(v);
                    if (g2 >= upper) {
                        continue;
                    }
                    int bit = bitOf[v];
                    set[bit >>> 6] |= 1L << (bit & 63);
                    int existing = children.find(set);
                    if (existing < 0) {
                        children.add(set, g2, 0, false, i, v);
                    } else if (children.g(existing) > g2) {
                        children.improve(existing, g2, i, v);
                    }
                    set[bit >>> 6] &= ~(1L << (bit & 63));
                }
            }
            int n = children.size();
            if (n == 0) {
                return new Result(null, Long.MAX_VALUE, exhaustive, evaluations); // everything pruned
            }
            // score every distinct set: cost so far + lower bound (evaluated from its parent)
            long[] f = new long[n];
            Integer[] byParent = new Integer[n];
            for (int c = 0; c < n; c++) {
                byParent[c] = c;
            }
            Arrays.sort(byParent, (a, b) -> Integer.compare(children.parent(a), children.parent(b)));
            int kept = 0;
            for (int idx = 0; idx < n; idx++) {
                if (context.shouldStop()) {
                    return new Result(null, Long.MAX_VALUE, false, evaluations);
                }
                int c = byParent[idx];
                long h = 0;
                if (depth + 1 < k) {
                    moveTo(depth, children.parent(c));
                    state.eliminate(children.last(c));
                    h = bounds.bound(state, component);
                    state.undo();
                    evaluations++;
                }
                f[c] = children.g(c) + h;
                if (f[c] < upper) {
                    kept++;
                }
            }
            Integer[] rank = new Integer[n];
            for (int c = 0; c < n; c++) {
                rank[c] = c;
            }
            Arrays.sort(rank, (a, b) -> f[a] != f[b] ? Long.compare(f[a], f[b]) : Long.compare(children.g(b), children.g(a)));
            int keep = Math.min(width, kept);
            if (keep < kept) {
                exhaustive = false;
            }
            if (keep == 0) {
                return new Result(null, Long.MAX_VALUE, exhaustive, evaluations);
            }
            long[] nextSets = new long[keep * words];
            long[] nextG = new long[keep];
            int[] parent = new int[keep];
            int[] vertex = new int[keep];
            for (int r = 0; r < keep; r++) {
                int c = rank[r];
                children.set(c, set);
                System.arraycopy(set, 0, nextSets, r * words, words);
                nextG[r] = children.g(c);
                parent[r] = children.parent(c);
                vertex[r] = children.last(c);
            }
            levelParent[depth + 1] = parent;
            levelVertex[depth + 1] = vertex;
            sets = nextSets;
            g = nextG;
        }
        int best = 0;
        for (int i = 1; i < g.length; i++) {
            if (g[i] < g[best]) {
                best = i;
            }
        }
        int length = path(k, best, targetPath);
        return new Result(Arrays.copyOf(targetPath, length), g[best], exhaustive, evaluations);
    }

    /** The vertices leading to state i of level {@code depth}, root first; returns the length. */
    private int path(int depth, int i, int[] out) {
        for (int d = depth; d > 0; d--) {
            out[d - 1] = levelVertex[d][i];
            i = levelParent[d][i];
        }
        return depth;
    }

    /** Moves the engine to state i of level {@code depth} (undo to the common prefix, then replay). */
    private void moveTo(int depth, int i) {
        path(depth, i, targetPath);
        int common = 0;
        while (common < depth && common < currentLength && currentPath[common] == targetPath[common]) {
            common++;
        }
        while (currentLength > common) {
            state.undo();
            currentLength--;
        }
        while (currentLength < depth) {
            int v = targetPath[currentLength];
            state.eliminate(v);
            currentPath[currentLength++] = v;
        }
    }
}
