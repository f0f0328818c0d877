package io.crosscountry.elimination.search;

import io.crosscountry.elimination.CostMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The outcome of {@link Optimizer#optimize}: the best order found with its provenance.
 *
 * @param order         the best elimination order (vertex ids)
 * @param cost          its cost in {@link #mode()}
 * @param method        the search that found it (e.g. {@code "anneal"}, {@code "markowitz"})
 * @param lowerBound    the best proven lower bound on the optimal cost, if any; equal to
 *                      {@code cost} when the order is proven optimal
 * @param baselines     {@code fwd}, {@code rev} and {@code markowitz} costs in {@link #mode()}
 * @param mode          the cost mode that was minimised
 * @param fingerprint   the graph's fingerprint (to save the order with)
 * @param seconds       how long the optimisation ran
 * @param secondsToBest when the returned order was found
 */
public record OptimizeResult(int[] order, long cost, String method, OptionalLong lowerBound, Map<String, Long> baselines,
                             CostMode mode, String fingerprint, double seconds, double secondsToBest) {

    public OptimizeResult {
        order = order.clone();
        baselines = Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
    }

    @Override
    public int[] order() {
        return order.clone();
    }

    /** Whether the order is proven optimal (its cost equals the lower bound). */
    public boolean provenOptimal() {
        return lowerBound.isPresent() && lowerBound.getAsLong() >= cost;
    }
}
