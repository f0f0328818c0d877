package io.crosscountry.elimination.search;

import io.crosscountry.elimination.Graph;

/**
 * Beam search over eliminated sets, widened while time remains.
 *
 * <p>Each independent component (see {@code ExactComponents}; an order's cost is the sum of its
 * components' parts) is searched level by level: level d holds at most {@code width} sets of d
 * eliminated vertices. Every child of every kept set is generated; children that reach the same
 * set are merged, keeping the cheaper cost so far (the rest of the problem depends only on the
 * set); each distinct set is scored by cost so far + {@link LowerBounds} of the set, and the
 * {@code width} best (ties: larger cost so far, i.e. more of the score is certain) go on. Children
 * whose score reaches the component's best known cost are dropped. After each pass the best
 * sub-orders are concatenated and offered; the width then doubles, from {@code initialWidth} to
 * {@code maxWidth}, until the context says stop.
 *
 * <p>A pass that never had to cut a level to the width explored every set that could beat the
 * known cost, so it is an exact dynamic programme: its component is then proven optimal and no
 * longer searched; when every component is, the optimum is offered as a lower bound (otherwise the
 * sum of the components' {@link LowerBounds}). A component stops widening once a level could hold
 * more than two million children.
 */
public final class BeamSearch implements Search {

    /** Default group size of the scoring bound (cheaper per state than the exact search's). */
    public static final int DEFAULT_GROUP_LIMIT = 2;

    /** Children one level may hold (width × component size): about 100 MB of candidates. */
    private static final long MAX_CHILDREN_PER_LEVEL = 2_000_000L;

    private final int initialWidth;
    private final int maxWidth;
    private final int groupLimit;
    private volatile int lastWidth;

    /** Widths 1, 2, 4, … up to 65536, scored with groups of {@value #DEFAULT_GROUP_LIMIT}. */
    public BeamSearch() {
        this(1, 1 << 16, DEFAULT_GROUP_LIMIT);
    }

    /**
     * @param initialWidth the first pass's width (≥ 1)
     * @param maxWidth     the widest pass (the search ends after it)
     * @param groupLimit   the group size of the scoring {@link LowerBounds}
     */
    public BeamSearch(int initialWidth, int maxWidth, int groupLimit) {
        if (initialWidth < 1 || maxWidth < initialWidth) {
            throw new IllegalArgumentException("widths must satisfy 1 <= initial <= max: " + initialWidth + ", " + maxWidth);
        }
        this.initialWidth = initialWidth;
        this.maxWidth = maxWidth;
        this.groupLimit = groupLimit;
    }

    @Override
    public String name() {
        return "beam";
    }

    /** The width of the last pass that completed in the last {@link #run} (0 if none). */
    public int lastWidth() {
        return lastWidth;
    }

    @Override
    public void run(SearchContext context) {
        lastWidth = 0;
        Graph graph = context.graph();
        LowerBounds bounds = new LowerBounds(graph, context.mode(), groupLimit, context.deadlineNanos());
        ExactAssembly assembly = ExactAssembly.seeded(context, name(), bounds);
        boolean[] done = new boolean[assembly.size()];
        for (long width = initialWidth; width <= maxWidth; width *= 2) {
            boolean ran = false;
            for (int c = 0; c < assembly.size(); c++) {
                if (done[c] || assembly.solved(c)) {
                    done[c] = true;
                    continue;
                }
                if (context.shouldStop()) {
                    return;
                }
                if (width * assembly.component(c).length > MAX_CHILDREN_PER_LEVEL) {
                    continue; // as wide as memory allows: keep the best found so far
                }
                ran = true;
                BeamRun.Result r = new BeamRun(context, bounds, assembly.component(c), (int) width).run(assembly.upper(c));
                if (r.order() != null) {
                    assembly.improve(c, r.order());
                }
                if (r.exhaustive() && !context.shouldStop()) {
                    assembly.markSolved(c);
                    done[c] = true;
                }
            }
            if (context.shouldStop()) {
                return;
            }
            if (!ran) {
                break; // every component solved or as wide as memory allows
            }
            lastWidth = (int) width;
        }
        assembly.offerBound(); // the components' root bounds, or the optimum when all are solved
    }
}
