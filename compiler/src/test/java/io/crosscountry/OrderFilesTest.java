package io.crosscountry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.InvalidOrderException;
import io.crosscountry.order.OrderFiles;
import io.crosscountry.order.SavedOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Order files: round trip, the fingerprint check, plain id lists and malformed files. */
class OrderFilesTest {

    static double[] poly(double x, double y) {
        double s = x * y + Math.sin(x);
        return new double[] {s * s, Math.exp(s) - y};
    }

    static double[] other(double x, double y) {
        double s = x * y + Math.cos(x);
        return new double[] {s * s, Math.exp(s) - y};
    }

    @TempDir
    Path tmp;

    private final Graph graph = CrossCountry.graph(OrderFilesTest.class, "poly", 0.7, -1.3);
    private final Graph changed = CrossCountry.graph(OrderFilesTest.class, "other", 0.7, -1.3);

    @Test
    void saved_order_round_trips_and_is_refused_on_a_changed_method() throws Exception {
        int[] order = graph.markowitzOrder();
        Path file = tmp.resolve("sub/dir/poly.json");
        OrderFiles.write(file, new SavedOrder(graph.fingerprint(), "poly", "paper", graph.cost(order), "markowitz", order));

        SavedOrder read = OrderFiles.read(file);
        assertEquals(graph.fingerprint(), read.fingerprint());
        assertEquals("markowitz", read.method());
        assertEquals(graph.cost(order), read.cost());
        assertArrayEquals(order, OrderFiles.readFor(file, graph));

        assertEquals(graph.numVertices(), changed.numVertices(), "same shape, different operation");
        OrderMismatchException e = assertThrows(OrderMismatchException.class, () -> OrderFiles.readFor(file, changed));
        assertEquals(graph.fingerprint(), e.savedFingerprint());
        assertEquals(changed.fingerprint(), e.graphFingerprint());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void plain_id_lists_are_validated_against_the_graph() throws Exception {
        Path file = tmp.resolve("ids.json");
        Files.writeString(file, "[3, 1, 2, 5]");
        assertArrayEquals(new int[] {3, 1, 2, 5}, OrderFiles.readFor(file, graph));
        Files.writeString(file, "[3, 1]");
        InvalidOrderException e = assertThrows(InvalidOrderException.class, () -> OrderFiles.readFor(file, graph));
        assertEquals(java.util.List.of(2, 5), e.missing());
    }

    @Test
    void malformed_files_raise_order_format_exceptions() throws Exception {
        Path file = tmp.resolve("bad.json");
        for (String content : new String[] {"", "{", "\"text\"", "{\"format\": \"other\"}",
                "{\"format\": \"crosscountry-order/1\", \"order\": [1]}",
                "{\"format\": \"crosscountry-order/1\", \"fingerprint\": \"ab\"}",
                "{\"format\": \"crosscountry-order/1\", \"fingerprint\": \"ab\", \"order\": [1.5]}", "[1, null]"}) {
            Files.writeString(file, content);
            assertThrows(OrderFormatException.class, () -> OrderFiles.readFor(file, graph), content);
        }
        assertThrows(OrderFormatException.class, () -> OrderFiles.readFor(tmp.resolve("missing.json"), graph));
    }

    @Test
    void saved_orders_are_read_from_inside_a_jar() throws Exception {
        int[] order = graph.reverseOrder();
        Path json = tmp.resolve("saved.json");
        OrderFiles.write(json, new SavedOrder(graph.fingerprint(), "poly", "effective", 0, "rev", order));
        Path jar = tmp.resolve("orders.jar");
        String entry = Order.SAVED_ORDERS + graph.fingerprint() + ".json";
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry(entry));
            out.write(Files.readAllBytes(json));
            out.closeEntry();
        }
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            java.net.URL url = loader.getResource(entry);
            assertTrue(url.toString().startsWith("jar:"), url.toString());
            assertArrayEquals(order, OrderFiles.readFor(url, graph));
            assertThrows(OrderMismatchException.class, () -> OrderFiles.readFor(url, changed));
            // Order.AUTO finds it through the context class loader and takes it when it is the cheapest
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                long best = Math.min(graph.cost(graph.forwardOrder(), io.crosscountry.elimination.CostMode.EFFECTIVE),
                        graph.cost(graph.markowitzOrder(), io.crosscountry.elimination.CostMode.EFFECTIVE));
                int[] auto = Order.AUTO.resolve(graph);
                assertTrue(graph.cost(auto, io.crosscountry.elimination.CostMode.EFFECTIVE)
                        <= Math.min(best, graph.cost(order, io.crosscountry.elimination.CostMode.EFFECTIVE)));
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }
}
