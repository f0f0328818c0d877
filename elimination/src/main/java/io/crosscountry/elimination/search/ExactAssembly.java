package io.crosscountry.elimination.search;

import io.crosscountry.elimination.EliminationState;
import io.crosscountry.elimination.Graph;
import java.util.List;

/**
 * The global picture of {@link ExactSearch}: for every independent component the best sub-order
 * and the proven lower bound. The best complete order is the concatenation of the best sub-orders
 * (its cost is the sum of theirs, see {@link ExactComponents}); the proven global bound is the sum
 * of the components' bounds. Both are offered to the context as they improve.
 */
final class ExactAssembly {

    private final SearchContext context;
    private final String name;
    private final List<int[]> components;
    private final int[] componentOf;
    private final long[] lower;
    private final long[] upper;
    private final int[][] best;
    private final EliminationState scratch;

    ExactAssembly(SearchContext context, String name, List<int[]> components, LowerBounds bounds) {
        this.context = context;
        this.name = name;
        this.components = components;
        this.componentOf = new int[context.graph().numVertices() + 1];
        this.lower = new long[components.size()];
        this.upper = new long[components.size()];
        this.best = new int[components.size()][];
        this.scratch = new EliminationState(context.graph(), context.mode());
        for (int c = 0; c < components.size(); c++) {
            for (int v : components.get(c)) {
                componentOf[v] = c;
            }
            lower[c] = bounds.bound(scratch, components.get(c));
            upper[c] = Long.MAX_VALUE;
        }
    }

    /**
     * The assembly a component-wise search starts from: the graph split into components, each
     * seeded with the forward, reverse and min-Markowitz orders and the context's incumbent, and
     * the combined seed order offered to the context.
     */
    static ExactAssembly seeded(SearchContext context, String name, LowerBounds bounds) {
        Graph graph = context.graph();
        ExactAssembly assembly = new ExactAssembly(context, name, ExactComponents.of(graph), bounds);
        assembly.consider(graph.forwardOrder());
        assembly.consider(graph.reverseOrder());
        assembly.consider(graph.markowitzOrder());
        int[] shared = context.bestOrder();
        if (shared != null) {
            assembly.consider(shared);
        }
        assembly.offerOrder();
        return assembly;
    }

    int size() {
        return components.size();
    }

    int[] component(int c) {
        return components.get(c);
    }

    boolean solved(int c) {
        return lower[c] >= upper[c];
    }

    long totalLower() {
        long sum = 0;
        for (long l : lower) {
            sum += l;
        }
        return sum;
    }

    long totalUpper() {
        long sum = 0;
        for (long u : upper) {
            if (u == Long.MAX_VALUE) {
                return u;
            }
            sum += u;
        }
        return sum;
    }

    int[] best(int c) {
        return best[c].clone();
    }

    long upper(int c) {
        return upper[c];
    }

    /** Takes a sub-order of component c if it is cheaper (re-costed); offers the assembled order. */
    void improve(int c, int[] part) {
        long cost = cost(part);
        if (cost < upper[c]) {
            upper[c] = cost;
            best[c] = part.clone();
            offerOrder();
        }
    }

    /** Records that component c's best sub-order is proven optimal. */
    void markSolved(int c) {
        lower[c] = Math.max(lower[c], upper[c]);
    }

    /** Takes every component's part of a complete order where it is cheaper. */
    void consider(int[] order) {
        for (int c = 0; c < components.size(); c++) {
            int[] part = part(order, c);
            long cost = cost(part);
            if (cost < upper[c]) {
                upper[c] = cost;
                best[c] = part;
            }
        }
    }

    /** Component c's sub-sequence of a complete order. */
    int[] part(int[] order, int c) {
        int n = 0;
        for (int v : order) {
            if (componentOf[v] == c) {
                n++;
            }
        }
        int[] r = new int[n];
        int i = 0;
        for (int v : order) {
            if (componentOf[v] == c) {
                r[i++] = v;
            }
        }
        return r;
    }

    /** Offers the concatenated order, re-costed on the whole graph. */
    void offerOrder() {
        if (totalUpper() == Long.MAX_VALUE) {
            return;
        }
        int[] order = new int[context.graph().eliminable().length];
        int i = 0;
        for (int[] part : best) {
            System.arraycopy(part, 0, order, i, part.length);
            i += part.length;
        }
        context.offer(order, context.graph().cost(order, context.mode()), name);
    }

    /** Offers the sum of the components' bounds; complete when every component is solved. */
    void offerBound() {
        boolean all = true;
        for (int c = 0; c < components.size(); c++) {
            all &= solved(c);
        }
        context.offerLowerBound(all ? totalUpper() : totalLower(), all);
    }

    /** The listener through which component c's search reports. */
    ExactRun.Listener listener(int c) {
        return new ExactRun.Listener() {
            @Override
            public void bound(long lowerBound) {
                if (lowerBound > lower[c]) {
                    lower[c] = lowerBound;
                    offerBound();
                }
            }

            @Override
            public void order(int[] order, long cost) {
                if (cost < upper[c]) {
                    upper[c] = cost;
                    best[c] = order.clone();
                    offerOrder();
                }
            }

            @Override
            public int[] external() {
                int[] order = context.bestOrder();
                return order == null ? null : part(order, c);
            }
        };
    }

    private long cost(int[] part) {
        scratch.reset();
        for (int v : part) {
            scratch.eliminate(v);
        }
        return scratch.cost();
    }
}
