package io.crosscountry.samples.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published AlphaGrad orders and counts, shipped as the resource
 * {@code io/crosscountry/samples/alphagrad_orders.json} (from the authors' public evaluation
 * notebooks; see that file's {@code _about}).
 */
public final class Published {

    private static final String RESOURCE = "/io/crosscountry/samples/alphagrad_orders.json";
    private static final Map<String, PublishedTask> TASKS = load();

    private Published() {
    }

    /** The published data for a task, if the paper has it. */
    public static Optional<PublishedTask> task(String name) {
        return Optional.ofNullable(TASKS.get(name));
    }

    /** All published tasks, in file order. */
    public static List<PublishedTask> all() {
        return List.copyOf(TASKS.values());
    }

    private static Map<String, PublishedTask> load() {
        try (InputStream in = Published.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonNode tasks = new ObjectMapper().readTree(in).get("tasks");
            Map<String, PublishedTask> result = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = tasks.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode t = e.getValue();
                List<String> confirmed = new ArrayList<>();
                t.path("confirmed").forEach(n -> confirmed.add(n.asText()));
                result.put(e.getKey(), new PublishedTask(e.getKey(), longs(t.path("published")), confirmed,
                        longs(t.path("recomputed_on_TASKS_graph")), ints(t.path("alphagrad_order")), ints(t.path("markowitz_order"))));
            }
            return Collections.unmodifiableMap(result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Map<String, Long> longs(JsonNode object) {
        Map<String, Long> m = new HashMap<>();
        object.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    private static int[] ints(JsonNode array) {
        int[] r = new int[array.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = array.get(i).asInt();
        }
        return r;
    }
}
