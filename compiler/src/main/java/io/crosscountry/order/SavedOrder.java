package io.crosscountry.order;

import io.crosscountry.OrderMismatchException;
import io.crosscountry.elimination.Graph;
import java.util.Objects;

/**
 * An elimination order stored with the fingerprint of the graph it belongs to, so that it is
 * refused with a clear error on a changed method.
 *
 * @param fingerprint the graph's {@link Graph#fingerprint()}
 * @param task        a name for people (task or {@code Class#method}); informational
 * @param mode        the cost mode the cost was measured in ({@code "paper"} or {@code "effective"})
 * @param cost        the order's cost in that mode
 * @param method      how the order was found (e.g. {@code "markowitz"}, {@code "anneal"})
 * @param order       the vertex ids in elimination order
 */
public record SavedOrder(String fingerprint, String task, String mode, long cost, String method, int[] order) {

    public SavedOrder {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(order, "order");
        order = order.clone();
    }

    @Override
    public int[] order() {
        return order.clone();
    }

    /**
     * The order, checked against {@code graph}.
     *
     * @throws OrderMismatchException when it was saved for another graph
     * @throws io.crosscountry.elimination.InvalidOrderException when it is not a permutation of
     *         the graph's eliminable vertices
     */
    public int[] orderFor(Graph graph, String source) {
        if (!fingerprint.equals(graph.fingerprint())) {
            throw new OrderMismatchException(source, fingerprint, graph.fingerprint());
        }
        graph.validate(order);
        return order.clone();
    }
}
