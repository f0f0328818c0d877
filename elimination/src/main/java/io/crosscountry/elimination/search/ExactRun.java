package io.crosscountry.elimination.search;

import io.crosscountry.elimination.EliminationState;

/**
 * A* over the eliminated subsets of one independent component (see {@link ExactComponents} and
 * {@link ExactSearch} for the argument). Vertices of other components are never touched: they do
 * not change this component's costs.
 */
final class ExactRun {

    /** Receives progress: a proven lower bound and the best sub-order of the component. */
    interface Listener {
        void bound(long lowerBound);

        void order(int[] order, long cost);

        /** Polled now and then: a sub-order (of this component) found elsewhere, or null. */
        int[] external();
    }

    /** The outcome for the component. */
    record Result(boolean proven, long lowerBound, long bestCost, int[] bestOrder, long rootBound, long expanded,
                  long generated, long stored, long boundEvals, boolean memoryFull) {
    }

    private static final long REPORT_NANOS = 250_000_000L;
    private static final int ROLLOUT_EVERY = 4096;

    private final SearchContext context;
    private final int[] component;
    private final int k;
    private final int[] bitOf;           // vertex id -> bit index (-1 outside the component)
    private final LowerBounds bounds;
    private final EliminationState state;
    private final EliminationState scratch;
    private final ExactNodes nodes;
    private final ExactOpenList open = new ExactOpenList();
    private final ExactCursor cursor;
    private final Listener listener;
    private final long[] set;
    private final long[] child;
    private final int[] orderBuffer;
    private final long maxOpen;          // open-list entries allowed (re-pushes included)

    private long upper;
    private int[] bestOrder;
    private long expanded;
    private long generated;
    private long boundEvals;
    private long lastReport = System.nanoTime();
    private long reported;
    private long currentF;               // priority of the node being expanded

    ExactRun(SearchContext context, LowerBounds bounds, int[] component, int[] initialOrder, long memoryBytes,
             Listener listener) {
        this.context = context;
        this.component = component.clone();
        this.k = component.length;
        this.bitOf = new int[context.graph().numVertices() + 1];
        java.util.Arrays.fill(bitOf, -1);
        for (int i = 0; i < k; i++) {
            bitOf[component[i]] = i;
        }
        int words = Math.max(1, (k + 63) >>> 6);
        long perNode = ExactNodes.bytesPerNode(words) + 18; // + open-list entries (about 1.5 per node)
        long budget = Math.min(memoryBytes, Runtime.getRuntime().maxMemory() / 4);
        int maxNodes = (int) Math.max(16, Math.min(Integer.MAX_VALUE / 2, budget / perNode));
        this.maxOpen = 2L * maxNodes;
        this.bounds = bounds;
        this.state = new EliminationState(context.graph(), context.mode());
        this.scratch = new EliminationState(context.graph(), context.mode());
        this.nodes = new ExactNodes(words, maxNodes);
        this.cursor = new ExactCursor(state, nodes, k);
        this.listener = listener;
        this.set = new long[words];
        this.child = new long[words];
        this.orderBuffer = new int[k];
        this.bestOrder = initialOrder.clone();
        this.upper = cost(bestOrder);
    }

    Result run() {
        long rootBound = bounds.bound(state, component);
        boundEvals++;
        offerBound(Math.min(rootBound, upper));
        if (ExactRollout.complete(state, component, orderBuffer, 0, context) >= 0) {
            improve(orderBuffer.clone());
        }
        currentF = rootBound;
        int root = nodes.add(set, 0, rootBound, true, -1, -1);
        push(root, rootBound, 0);
        boolean proven = false;
        boolean memoryFull = false;
        long iteration = 0;
        while (true) {
            if ((++iteration & 7) == 0 && checkStop()) { // cheap; an iteration may evaluate a bound
                break;
            }
            if (open.isEmpty()) {
                proven = true; // everything left was pruned against the incumbent
                break;
            }
            long f = open.peekPriority() / (k + 1);
            int n = open.peekNode();
            if (f >= upper) {
                proven = true;
                break;
            }
            open.pop();
            currentF = f;
            long g = nodes.g(n);
            if (nodes.closed(n) || g + nodes.h(n) != f) {
                continue; // stale entry
            }
            cursor.moveTo(n);
            if (!nodes.hExact(n)) {
                long h = Math.max(nodes.h(n), bounds.bound(state, component));
                boundEvals++;
                nodes.setH(n, h, true);
                if (g + h > f) {
                    push(n, g + h, state.numEliminated());
                    continue;
                }
            }
            nodes.setClosed(n, true);
            expanded++;
            if (expanded % ROLLOUT_EVERY == 0) {
                rollout(n);
            }
            if (!expand(n, g, nodes.h(n)) || open.size() > maxOpen) {
                memoryFull = true;
                break;
            }
        }
        // every open entry, and every child lost to a full table, has priority ≥ the last popped one
        long lower = upper;
        if (!proven) {
            lower = Math.min(lower, currentF);
            if (!open.isEmpty()) {
                lower = Math.min(lower, open.peekPriority() / (k + 1));
            }
        }
        offerBound(lower);
        return new Result(proven, lower, upper, bestOrder.clone(), rootBound, expanded, generated, nodes.size(),
                boundEvals, memoryFull);
    }

    /** Generates the children of node n (the cursor stands on it); false when the table is full. */
    private boolean expand(int n, long g, long h) {
        nodes.set(n, set);
        int depth = state.numEliminated();
        int forced = forcedMove();
        for (int i = 0; i < k; i++) {
            int v = forced >= 0 ? forced : component[i];
            if (!state.isLegal(v)) {
                continue;
            }
            long c = state.eliminationCost(v);
            generated++;
            long g2 = g + c;
            long hInherited = Math.max(0, h - c);
            if (g2 + hInherited < upper) {
                if (depth + 1 == k) {
                    improve(orderOf(n, v));
                } else if (!addChild(n, v, g2, hInherited, depth + 1)) {
                    return false;
                }
            }
            if (forced >= 0) {
                break;
            }
        }
        return true;
    }

    private boolean addChild(int n, int v, long g2, long hInherited, int depth) {
        System.arraycopy(set, 0, child, 0, set.length);
        int bit = bitOf[v];
        child[bit >>> 6] |= 1L << (bit & 63);
        int existing = nodes.find(child);
        if (existing >= 0) {
            if (nodes.g(existing) > g2) {
                long h2 = Math.max(nodes.h(existing), hInherited);
                nodes.improve(existing, g2, n, v);
                nodes.setH(existing, h2, false);
                nodes.setClosed(existing, false);
                push(existing, g2 + h2, depth);
            }
            return true;
        }
        int created = nodes.add(child, g2, hInherited, false, n, v);
        if (created < 0) {
            return false;
        }
        push(created, g2 + hInherited, depth);
        return true;
    }

    /**
     * A remaining vertex of the component without current predecessors or successors (safe to
     * eliminate first, see {@link ExactSearch}), or -1.
     */
    private int forcedMove() {
        for (int v : component) {
            if (state.isLegal(v) && (state.inDegree(v) == 0 || state.outDegree(v) == 0)) {
                return v;
            }
        }
        return -1;
    }

    private void push(int n, long f, int depth) {
        open.push(f * (k + 1) + (k - depth), n); // ties: deeper first
    }

    /** Node n's path, plus {@code v}. */
    private int[] orderOf(int n, int v) {
        int depth = cursor.path(n, orderBuffer);
        int[] order = new int[depth + 1];
        System.arraycopy(orderBuffer, 0, order, 0, depth);
        order[depth] = v;
        return order;
    }

    /** Takes a complete sub-order of the component if it is cheaper (re-costed exactly). */
    private void improve(int[] order) {
        long cost = cost(order);
        if (cost < upper) {
            upper = cost;
            bestOrder = order;
            listener.order(order.clone(), cost);
        }
    }

    private long cost(int[] order) {
        scratch.reset();
        for (int v : order) {
            scratch.eliminate(v);
        }
        return scratch.cost();
    }

    /** A greedy completion of node n's set (the cursor stands on it), for a better incumbent. */
    private void rollout(int n) {
        int depth = cursor.path(n, orderBuffer);
        long rest = ExactRollout.complete(state, component, orderBuffer, depth, context);
        if (rest >= 0 && nodes.g(n) + rest < upper) {
            improve(orderBuffer.clone());
        }
    }

    private boolean checkStop() {
        if (context.shouldStop()) {
            return true;
        }
        long now = System.nanoTime();
        if (now - lastReport > REPORT_NANOS) {
            lastReport = now;
            int[] external = listener.external();
            if (external != null) {
                improve(external);
            }
            if (!open.isEmpty()) {
                offerBound(Math.min(upper, Math.min(currentF, open.peekPriority() / (k + 1))));
            }
        }
        return false;
    }

    private void offerBound(long bound) {
        if (bound > reported) {
            reported = bound;
            listener.bound(bound);
        }
    }
}
