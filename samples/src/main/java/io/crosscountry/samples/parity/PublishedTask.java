package io.crosscountry.samples.parity;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the AlphaGrad authors published for one task: their multiplication counts and orders.
 *
 * @param task            the task name
 * @param counts          published counts: {@code fwd}, {@code rev}, {@code markowitz}, {@code alphagrad}
 * @param confirmed       which published counts were reproduced by re-running the published cost
 *                        model on the graph of the task listing
 * @param recomputed      what that re-run gave where it differs from the published number
 * @param alphagradOrder  the published AlphaGrad elimination order (1-based vertex ids)
 * @param markowitzOrder  the published min-Markowitz order
 */
public record PublishedTask(String task, Map<String, Long> counts, List<String> confirmed, Map<String, Long> recomputed,
                            int[] alphagradOrder, int[] markowitzOrder) {

    public PublishedTask {
        counts = Map.copyOf(counts);
        confirmed = List.copyOf(confirmed);
        recomputed = Map.copyOf(recomputed);
        alphagradOrder = alphagradOrder.clone();
        markowitzOrder = markowitzOrder.clone();
    }

    /** A published count by key ({@code fwd}, {@code rev}, {@code markowitz}, {@code alphagrad}). */
    public OptionalLong count(String key) {
        Long v = counts.get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    @Override
    public int[] alphagradOrder() {
        return alphagradOrder.clone();
    }

    @Override
    public int[] markowitzOrder() {
        return markowitzOrder.clone();
    }
}
