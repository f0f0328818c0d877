package io.crosscountry;

import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.InvalidOrderException;
import io.crosscountry.elimination.search.OptimizeOptions;
import io.crosscountry.elimination.search.OptimizeResult;
import io.crosscountry.elimination.search.Optimizer;
import io.crosscountry.order.OrderFiles;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
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
 *   <li>{@link #AUTO}: the cheapest in {@link CostMode#EFFECTIVE} cost (the multiplications the
 *       generated code performs) of those three and of an order saved for this graph's fingerprint
 *       as the resource {@code META-INF/crosscountry/orders/<fingerprint>.json} (written by
 *       {@code crosscountry optimize --out}); ties go to forward, then reverse, then Markowitz;</li>
 *   <li>{@link #OPTIMIZED}: the cheaper of {@link #AUTO} and a search
 *       ({@code CrossCountry.optimize}, portfolio, EFFECTIVE) of {@link #OPTIMIZE_SECONDS} seconds
 *       (system property {@code crosscountry.optimize.seconds}, default 1);</li>
 *   <li>{@link #of(int...)}: an explicit order, a permutation of {@link Graph#eliminable()}.</li>
 * </ul>
 */
public final class Order {

    public static final Order AUTO = new Order("auto", null);
    public static final Order FWD = new Order("fwd", null);
    public static final Order REV = new Order("rev", null);
    public static final Order MARKOWITZ = new Order("markowitz", null);
    /** The searched order: {@link #AUTO} improved by a short search. */
    public static final Order OPTIMIZED = new Order("optimized", null);

    /** Seconds of search for {@link #OPTIMIZED}: system property {@code crosscountry.optimize.seconds}, default 1. */
    public static final double OPTIMIZE_SECONDS = Double.parseDouble(System.getProperty("crosscountry.optimize.seconds", "1"));

    /** Where {@link #AUTO} looks for saved orders, as {@code <prefix><fingerprint>.json} resources. */
    public static final String SAVED_ORDERS = "META-INF/crosscountry/orders/";

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
     * @throws InvalidOrderException for an explicit order that is not a permutation of the graph's
     *                               eliminable vertices
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
            case "auto" -> cheapest(graph, savedOrder(graph));
            default -> {
                OptimizeResult r = Optimizer.optimize(graph, Duration.ofNanos((long) (OPTIMIZE_SECONDS * 1e9)),
                        OptimizeOptions.defaults());
                yield cheapest(graph, savedOrder(graph), r.order());
            }
        };
    }

    /** The order saved for this graph's fingerprint on the class path, if any and valid. */
    private static int[] savedOrder(Graph graph) {
        String resource = SAVED_ORDERS + graph.fingerprint() + ".json";
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(), Order.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            URL url = loader.getResource(resource);
            if (url != null) {
                try {
                    return OrderFiles.readFor(url, graph);
                } catch (RuntimeException e) {
                    // a saved order that cannot be used (corrupt, or for an older version of the method) is ignored
                    System.err.println("crosscountry: ignoring saved order " + url + ": " + e.getMessage());
                }
            }
        }
        return null;
    }

    private static int[] cheapest(Graph graph, int[]... extra) {
        int[] best = null;
        long bestCost = Long.MAX_VALUE;
        List<int[]> candidates = new ArrayList<>(List.of(graph.forwardOrder(), graph.reverseOrder(), graph.markowitzOrder()));
        for (int[] e : extra) {
            if (e != null) {
                candidates.add(e);
            }
        }
        for (int[] candidate : candidates) {
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
