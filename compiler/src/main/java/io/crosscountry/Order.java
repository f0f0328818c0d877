package io.crosscountry;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.InvalidOrderException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which vertex-elimination order a compiled Jacobian uses.
 *
 * <ul>
 *   <li>{@link #FWD}: forward mode (ascending ids); {@link #REV}: reverse mode (descending);
 *       {@link #MARKOWITZ}: the paper's min-Markowitz order;</li>
 *   <li>{@link #AUTO}: for now, the cheapest of those three in {@link CostMode#EFFECTIVE} cost (the
 *       multiplications the generated code performs); ties go to forward, then reverse;</li>
 *   <li>{@link #OPTIMIZED}: the search ({@code CrossCountry.optimize}); not available yet —
 *       {@link #resolve} throws {@link UnsupportedOperationException};</li>
 *   <li>{@link #of(int...)}: an explicit order, a permutation of {@link Graph#eliminable()}.</li>
 * </ul>
 */
public final class Order {

    public static final Order AUTO = new Order("auto", null);
    public static final Order FWD = new Order("fwd", null);
    public static final Order REV = new Order("rev", null);
    public static final Order MARKOWITZ = new Order("markowitz", null);
    /** The searched order. Not available yet: resolving it throws {@link UnsupportedOperationException}. */
    public static final Order OPTIMIZED = new Order("optimized", null);

    private static final List<Order> NAMED = List.of(AUTO, FWD, REV, MARKOWITZ, OPTIMIZED);

    private final String name;
    private final int[] ids;

    private Order(String name, int[] ids) {
        this.name = name;
        this.ids = ids;
    }

    /** An explicit order: vertex ids in elimination order (checked against the graph when used). */
    public static Order of(int... ids) {
        return new Order("explicit", Objects.requireNonNull(ids, "ids").clone());
    }

    /**
     * The order named {@code "auto"}, {@code "fwd"}, {@code "rev"}, {@code "markowitz"} or
     * {@code "optimized"} (case-insensitive), as in {@code @JacobianOf(order = …)}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Order named(String name) {
        String n = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
        for (Order o : NAMED) {
            if (o.name.equals(n)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown order '" + name + "' (auto, fwd, rev, markowitz, optimized)");
    }

    /** {@code "auto"}, {@code "fwd"}, {@code "rev"}, {@code "markowitz"}, {@code "optimized"} or {@code "explicit"}. */
    public String name() {
        return name;
    }

    /** Whether this is an explicit order ({@link #of(int...)}). */
    public boolean isExplicit() {
        return ids != null;
    }

    /**
     * The vertex ids this order eliminates on {@code graph}.
     *
     * @throws InvalidOrderException         for an explicit order that is not a permutation of the
     *                                       graph's eliminable vertices
     * @throws UnsupportedOperationException for {@link #OPTIMIZED} (search not available yet)
     */
    public int[] resolve(Graph graph) {
        Objects.requireNonNull(graph, "graph");
        if (ids != null) {
            graph.validate(ids);
            return ids.clone();
        }
        return switch (name) {
            case "fwd" -> graph.forwardOrder();
            case "rev" -> graph.reverseOrder();
            case "markowitz" -> graph.markowitzOrder();
            case "auto" -> cheapest(graph);
            default -> throw new UnsupportedOperationException("search not available yet");
        };
    }

    private static int[] cheapest(Graph graph) {
        int[] best = null;
        long bestCost = Long.MAX_VALUE;
        for (int[] candidate : List.of(graph.forwardOrder(), graph.reverseOrder(), graph.markowitzOrder())) {
            long cost = graph.cost(candidate, CostMode.EFFECTIVE);
            if (cost < bestCost) {
                best = candidate;
                bestCost = cost;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Order other && name.equals(other.name) && Arrays.equals(ids, other.ids);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return ids == null ? name : "Order.of" + Arrays.toString(ids);
    }
}
