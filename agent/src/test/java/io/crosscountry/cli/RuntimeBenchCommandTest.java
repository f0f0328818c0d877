package io.crosscountry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscountry.samples.bench.RuntimeSuite;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code crosscountry bench --runtime} on a tiny task with very short times: output shapes, files, errors. */
class RuntimeBenchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SHORT = {"--warmup", "0.02", "--max-warmup", "0.06", "--seconds", "0.06", "--rounds", "3", "--search", "0.05"};

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("bench", "--runtime", "--tasks", "Simple"));
        a.addAll(List.of(SHORT));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void json_has_every_method_ratio_and_summary_and_the_files_are_written() throws Exception {
        Path dir = tmp.resolve("out");
        Run r = run(args("--json", "--out", dir.toString()));
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(1, root.get("runtime").size());
        JsonNode task = root.get("runtime").get(0);
        assertEquals("Simple", task.get("task").asText());
        for (String m : RuntimeSuite.METHODS) {
            assertTrue(task.get("ns_per_op").get(m).asDouble() > 0, m);
            assertTrue(task.get("wall_ns_per_op").get(m).asDouble() > 0, m);
            assertTrue(task.get("bytes_per_op").get(m).asDouble() >= 0, m);
        }
        JsonNode ns = task.get("ns_per_op");
        JsonNode toPrimal = task.get("ratios").get("to_primal");
        assertEquals(ns.get("fwd").asDouble() / ns.get("primal").asDouble(), toPrimal.get("fwd").asDouble(), 1e-12);
        JsonNode speedup = task.get("ratios").get("best_speedup");
        assertEquals(ns.get("tape").asDouble() / ns.get("best").asDouble(), speedup.get("tape").asDouble(), 1e-12);
        assertEquals(Math.min(ns.get("fwd").asDouble(), ns.get("rev").asDouble()) / ns.get("best").asDouble(),
                speedup.get("fwd_rev").asDouble(), 1e-12);
        assertEquals(4, task.get("effective_cost").get("fwd").asLong());
        assertEquals(0, task.get("failures").size());
        for (String m : List.of("fwd", "rev", "markowitz", "best", "best_args")) {
            JsonNode c2 = task.get("c2_chunks").get(m);
            assertTrue(c2.get("chunks").asInt() >= 1, m + ": " + c2);
            assertTrue(c2.get("compiled").asInt() >= 0 && c2.get("compiled").asInt() <= c2.get("chunks").asInt(), m + ": " + c2);
        }

        JsonNode summary = root.get("summary");
        assertEquals("Simple", summary.get("tasks").get(0).asText());
        assertEquals(toPrimal.get("best").asDouble(), summary.get("median_ratio_to_primal").get("best").asDouble(), 1e-12);
        assertEquals(speedup.get("fwd_rev").asDouble(), summary.get("median_best_speedup").get("fwd_rev").asDouble(), 1e-12);
        assertTrue(summary.get("median_best_vs_fwd_rev_scalar").isNull(), "Simple is not a scalar paper task");
        assertEquals(3, summary.get("settings").get("rounds").asInt());
        assertTrue(summary.has("load_average"));

        assertEquals(root, JSON.readTree(Files.readString(dir.resolve("runtime.json"))));
        BufferedImage png = ImageIO.read(dir.resolve("runtime.png").toFile());
        assertNotNull(png, "runtime.png decodes");
        assertTrue(png.getWidth() > 0 && png.getHeight() > 0);
        assertTrue(r.err().contains("Simple: warm-up fwd"), r.err());
    }

    @Test
    void the_table_names_every_method_and_the_summary() {
        Run r = run(args());
        assertEquals(0, r.code(), r.err());
        for (String header : List.of("primal", "fwd", "rev", "mkwitz", "best", "best(args)", "gradient", "deriv-str", "cent-diff", "tape",
                "B/op ours", "C2", "fwd|rev", "Medians over 1 tasks", "load average")) {
            assertTrue(r.out().contains(header), header + " in\n" + r.out());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Simple ")), r.out());
        assertFalse(r.out().contains("REFUSED"), r.out());
    }

    @Test
    void without_a_mode_flag_bench_prints_the_parity_table_then_the_runtime_benchmark() throws Exception {
        Path dir = tmp.resolve("both");
        List<String> a = new ArrayList<>(List.of("bench", "--tasks", "Simple"));
        a.addAll(List.of(SHORT));
        a.addAll(List.of("--json", "--out", dir.toString()));
        Run r = run(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("Simple", root.get("parity").get(0).get("task").asText());
        assertEquals(4, root.get("parity").get(0).get("effective").get("fwd").asLong());
        assertEquals("Simple", root.get("runtime").get(0).get("task").asText());
        assertEquals(4, root.get("runtime").get(0).get("effective_cost").get("fwd").asLong());
        assertEquals("Simple", root.get("summary").get("tasks").get(0).asText());
        assertEquals(root.get("parity"), JSON.readTree(Files.readString(dir.resolve("parity.json"))).get("parity"));
        assertEquals(root.get("runtime"), JSON.readTree(Files.readString(dir.resolve("runtime.json"))).get("runtime"));
        for (String png : List.of("parity.png", "runtime.png")) {
            assertNotNull(ImageIO.read(dir.resolve(png).toFile()), png + " decodes");
        }

        List<String> t = new ArrayList<>(List.of("bench", "--tasks", "Simple", "--out", tmp.resolve("text").toString()));
        t.addAll(List.of(SHORT));
        Run text = run(t.toArray(String[]::new));
        assertEquals(0, text.code(), text.err());
        int parityHeader = text.out().indexOf("AG on ours");
        int runtimeHeader = text.out().indexOf("best(args)");
        assertTrue(parityHeader >= 0 && runtimeHeader > parityHeader, "parity table first, then the runtime table:\n" + text.out());
    }

    @Test
    void parity_alone_writes_its_json_and_chart() throws Exception {
        Path dir = tmp.resolve("parity");
        Run r = run("bench", "--parity", "--tasks", "Simple,RoeFlux_1d", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("RoeFlux_1d"), r.out());
        assertFalse(r.out().contains("best(args)"), "no runtime table with --parity");
        assertEquals(2, JSON.readTree(Files.readString(dir.resolve("parity.json"))).get("parity").size());
        assertNotNull(ImageIO.read(dir.resolve("parity.png").toFile()));
        assertFalse(Files.exists(dir.resolve("runtime.json")));
    }

    @Test
    void a_users_class_and_method_is_timed_like_a_sample() throws Exception {
        String task = "io.crosscountry.cli.fixtures.UserFunctions#scaled";
        List<String> a = new ArrayList<>(List.of("bench", "--runtime", "--tasks", task, "--args", "[0.7, [0.1, 0.2, 0.3]]", "--json"));
        a.addAll(List.of(SHORT));
        Run r = run(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        JsonNode t = JSON.readTree(r.out()).get("runtime").get(0);
        assertEquals(task, t.get("task").asText());
        assertEquals("user", t.get("kind").asText());
        assertEquals(0, t.get("failures").size(), "every method agrees with the dual numbers");
        for (String m : RuntimeSuite.METHODS) {
            assertTrue(t.get("ns_per_op").get(m).asDouble() > 0, m);
        }

        Run twoUsers = run("bench", "--runtime", "--tasks", task + "," + task, "--args", "[0.7, [0.1]]");
        assertEquals(2, twoUsers.code());
        assertTrue(twoUsers.err().contains("--args needs exactly one Class#method task"), twoUsers.err());
        assertEquals(2, run("bench", "--parity", "--args", "[0.7]").code(), "--args without its task");
        Run missing = run("bench", "--parity", "--tasks", "com.example.Missing#f");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("class com.example.Missing not found"), missing.err());
    }

    @Test
    void out_is_refused_where_it_writes_nothing() {
        Run r = run("bench", "--engine", "--tasks", "Simple", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out writes the parity and runtime tables"), r.err());
    }

    @Test
    void runtime_is_not_combined_with_engine_and_rejects_bad_times() {
        assertEquals(2, run("bench", "--runtime", "--engine").code());
        assertEquals(2, run(args("--rounds", "0")).code());
        assertEquals(2, run(args("--search", "0")).code());
        assertEquals(2, run(args("--max-warmup", "0.01")).code(), "shorter than --warmup");
    }

    @Test
    void time_and_ratio_formats() {
        assertEquals("87.2 ns", RuntimeTable.time(87.21));
        assertEquals("12.3 us", RuntimeTable.time(12_345));
        assertEquals("1.05 ms", RuntimeTable.time(1_049_000));
        assertEquals("-", RuntimeTable.time(Double.NaN));
        assertEquals("2.50", RuntimeTable.ratio(2.5));
        assertEquals("123", RuntimeTable.ratio(123.4));
        assertEquals("-", RuntimeTable.ratio(Double.NaN));
    }
}
