package io.crosscountry.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscountry.OrderFormatException;
import io.crosscountry.elimination.Graph;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes order files (JSON, never Java serialization).
 *
 * <p>Two shapes are accepted: crosscountry's own object
 * <pre>{"format": "crosscountry-order/1", "fingerprint": "…", "task": "…", "mode": "paper",
 *  "cost": 320, "method": "…", "order": [8, 82, …]}</pre>
 * which is refused on a graph with another fingerprint, and a plain list of vertex ids such as the
 * published AlphaGrad orders, which is only checked to be a permutation of the eliminable vertices.
 */
public final class OrderFiles {

    /** The {@code format} value of crosscountry's order files. */
    public static final String FORMAT = "crosscountry-order/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OrderFiles() {
    }

    /**
     * Reads an order file and returns its order for {@code graph}.
     *
     * @throws OrderFormatException    when the file is unreadable or malformed
     * @throws io.crosscountry.OrderMismatchException when it was saved for another graph
     * @throws io.crosscountry.elimination.InvalidOrderException when the ids do not fit the graph
     */
    public static int[] readFor(Path path, Graph graph) {
        JsonNode root = readTree(path);
        if (root.isArray()) {
            int[] order = ids(root, path);
            graph.validate(order);
            return order;
        }
        return parse(root, path).orderFor(graph, path.toString());
    }

    /**
     * Reads an order resource (a file, or an entry inside a jar such as
     * {@code META-INF/crosscountry/orders/<fingerprint>.json}) and returns its order for {@code graph}.
     *
     * @throws OrderFormatException    when it is unreadable or malformed
     * @throws io.crosscountry.OrderMismatchException when it was saved for another graph
     * @throws io.crosscountry.elimination.InvalidOrderException when the ids do not fit the graph
     */
    public static int[] readFor(URL url, Graph graph) {
        JsonNode root;
        try (InputStream in = url.openStream()) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new OrderFormatException("cannot read order resource " + url + ": " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new OrderFormatException("empty order resource " + url);
        }
        if (root.isArray()) {
            int[] order = ids(root, url.toString());
            graph.validate(order);
            return order;
        }
        return parse(root, url.toString()).orderFor(graph, url.toString());
    }

    /** Reads a crosscountry order file (object form). */
    public static SavedOrder read(Path path) {
        JsonNode root = readTree(path);
        if (!root.isObject()) {
            throw new OrderFormatException(path + ": expected a crosscountry order object");
        }
        return parse(root, path);
    }

    /** Writes {@code order} as a crosscountry order file. */
    public static void write(Path path, SavedOrder order) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("fingerprint", order.fingerprint());
        node.put("task", order.task());
        node.put("mode", order.mode());
        node.put("cost", order.cost());
        node.put("method", order.method());
        ArrayNode ids = node.putArray("order");
        for (int v : order.order()) {
            ids.add(v);
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    }

    private static JsonNode readTree(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new OrderFormatException("cannot read order file " + path + ": " + e.getMessage(), e);
        }
    }

    private static SavedOrder parse(JsonNode root, Path path) {
        return parse(root, path.toString());
    }

    private static SavedOrder parse(JsonNode root, String path) {
        JsonNode format = root.get("format");
        if (format == null || !FORMAT.equals(format.asText())) {
            throw new OrderFormatException(path + ": not a crosscountry order file (\"format\" must be \"" + FORMAT + "\")");
        }
        JsonNode fingerprint = root.get("fingerprint");
        if (fingerprint == null || !fingerprint.isTextual()) {
            throw new OrderFormatException(path + ": missing \"fingerprint\"");
        }
        JsonNode order = root.get("order");
        if (order == null || !order.isArray()) {
            throw new OrderFormatException(path + ": missing \"order\" list");
        }
        return new SavedOrder(fingerprint.asText(), text(root, "task"), text(root, "mode"),
                root.path("cost").asLong(-1), text(root, "method"), ids(order, path));
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static int[] ids(JsonNode array, Path path) {
        return ids(array, path.toString());
    }

    private static int[] ids(JsonNode array, String path) {
        int[] ids = new int[array.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonNode n = array.get(i);
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw new OrderFormatException(path + ": order entry " + i + " is not a vertex id: " + n);
            }
            ids[i] = n.intValue();
        }
        return ids;
    }
}
