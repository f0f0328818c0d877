package io.crosscountry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscountry.CrossCountry;
import io.crosscountry.elimination.Graph;
import io.crosscountry.order.OrderFiles;
import io.crosscountry.order.SavedOrder;
import io.crosscountry.samples.Sample;
import io.crosscountry.samples.Samples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI contract of DESIGN.md, in process: outputs, JSON shapes and every error path. */
class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Exit code, stdout and stderr of one run. */
    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
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

    @Test
    void tasks_lists_every_sample() throws Exception {
        Run r = run("tasks", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(Samples.names().size(), r.json().get("tasks").size());
        assertEquals("RoeFlux_1d", r.json().get("tasks").get(4).get("name").asText());
        assertEquals(101, r.json().get("tasks").get(4).get("num_vertices").asInt());
        Run text = run("tasks");
        assertTrue(text.out().contains("PropaneCombustion"), text.out());
    }

    @Test
    void count_prints_the_contract_json() throws Exception {
        Run r = run("count", "RoeFlux_1d", "--order", "rev", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("RoeFlux_1d", j.get("task").asText());
        assertEquals("rev", j.get("order").asText());
        assertEquals("paper", j.get("mode").asText());
        assertEquals(364, j.get("cost").asLong());
        assertEquals(101, j.get("num_vertices").asInt());
        assertEquals(98, j.get("num_eliminable").asInt());
        assertEquals(234, run("count", "RoeFlux_1d", "--order", "rev", "--mode", "effective", "--json").json().get("cost").asLong());
        assertEquals(407, run("count", "RoeFlux_1d", "--order", "markowitz", "--json").json().get("cost").asLong());
        assertTrue(run("count", "RoeFlux_1d", "--order", "fwd").out().contains("cost=620"));
    }

    @Test
    void count_reads_a_plain_list_of_published_ids() throws Exception {
        int[] published = io.crosscountry.samples.parity.Published.task("RobotArm_6DOF").orElseThrow().alphagradOrder();
        Path file = tmp.resolve("robot.json");
        Files.writeString(file, JSON.writeValueAsString(published));
        Run r = run("count", "RobotArm_6DOF", "--order", file.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(231, r.json().get("cost").asLong());
    }

    @Test
    void count_reads_our_order_file_and_refuses_it_on_another_graph() throws Exception {
        Sample s = Samples.get("PropaneCombustion");
        Graph g = CrossCountry.graph(s.owner(), s.method(), s.args());
        Path file = tmp.resolve("propane.json");
        OrderFiles.write(file, new SavedOrder(g.fingerprint(), s.name(), "paper", g.cost(g.reverseOrder()), "rev", g.reverseOrder()));
        assertEquals(90, run("count", "PropaneCombustion", "--order", file.toString(), "--json").json().get("cost").asLong());

        Run wrong = run("count", "HumanHeartDipole", "--order", file.toString());
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("fingerprint " + g.fingerprint()), wrong.err());
    }

    @Test
    void count_rejects_an_invalid_order_listing_the_ids() throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "[1, 2, 2, 4, 97, 500]");
        Run r = run("count", "RoeFlux_1d", "--order", file.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("duplicate ids [2]"), r.err());
        assertTrue(r.err().contains("unknown ids [500]"), r.err());
        assertTrue(r.err().contains("output vertices (never eliminated) [97]"), r.err());
        assertTrue(r.err().contains("missing eliminable vertices [3, 5,"), r.err());
    }

    @Test
    void count_reports_malformed_files_and_bad_options() throws Exception {
        Path file = tmp.resolve("broken.json");
        Files.writeString(file, "{not json");
        Run broken = run("count", "RoeFlux_1d", "--order", file.toString());
        assertEquals(1, broken.code());
        assertTrue(broken.err().contains("cannot read order file"), broken.err());

        Files.writeString(file, "{\"order\": [1]}");
        assertTrue(run("count", "RoeFlux_1d", "--order", file.toString()).err().contains("not a crosscountry order file"));

        Files.writeString(file, "[1, \"x\"]");
        assertTrue(run("count", "RoeFlux_1d", "--order", file.toString()).err().contains("is not a vertex id"));

        Run missingFile = run("count", "RoeFlux_1d", "--order", tmp.resolve("nope.json").toString());
        assertEquals(1, missingFile.code());
        assertTrue(missingFile.err().contains("must be fwd, rev, markowitz or an existing JSON file"), missingFile.err());

        Run mode = run("count", "RoeFlux_1d", "--order", "fwd", "--mode", "cheap");
        assertEquals(1, mode.code());
        assertTrue(mode.err().contains("unknown --mode 'cheap'"), mode.err());

        Run task = run("count", "NoSuchTask", "--order", "fwd");
        assertEquals(1, task.code());
        assertTrue(task.err().contains("unknown task 'NoSuchTask'"), task.err());

        Run usage = run("count", "RoeFlux_1d");
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("--order"), usage.err());
    }

    @Test
    void graph_prints_the_contract_json() throws Exception {
        Run r = run("graph", "RoeFlux_1d", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(6, j.get("num_inputs").asInt());
        assertEquals(101, j.get("vertices").size());
        JsonNode first = j.get("vertices").get(0);
        assertEquals(1, first.get("id").asInt());
        assertEquals("sub", first.get("op").asText());
        assertEquals("[-4,-1]", first.get("preds").toString()); // ur0 - ul0
        assertEquals("[97,99,101]", j.get("outputs").toString());
        Run text = run("graph", "Simple");
        assertTrue(text.out().contains("#3    = add(#2, #1)   ; OUTPUT 1"), text.out());
    }

    @Test
    void class_and_method_tasks_take_args_or_fail_clearly() throws Exception {
        String task = "io.crosscountry.cli.fixtures.UserFunctions#scaled";
        Run r = run("graph", task, "--args", "[0.7, [0.1, 0.2, 0.3]]", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(4, r.json().get("num_inputs").asInt());
        assertEquals(6, r.json().get("vertices").size());

        Run noArgs = run("graph", task);
        assertEquals(1, noArgs.code());
        assertTrue(noArgs.err().contains("pass --args"), noArgs.err());

        Run unsupported = run("count", "io.crosscountry.cli.fixtures.UserFunctions#printing", "--args", "[0.5]", "--order", "fwd");
        assertEquals(1, unsupported.code());
        assertTrue(unsupported.err().contains("INVOKESTATIC java/lang/Double.valueOf(D)Ljava/lang/Double;"), unsupported.err());
        assertTrue(unsupported.err().contains("UserFunctions.printing(D)D at line"), unsupported.err());

        Run noClass = run("graph", "com.example.Missing#f", "--args", "[1.0]");
        assertEquals(1, noClass.code());
        assertTrue(noClass.err().contains("class com.example.Missing not found"), noClass.err());

        Run badJson = run("graph", task, "--args", "[0.7,");
        assertTrue(badJson.err().contains("--args is not valid JSON"), badJson.err());
    }

    @Test
    void bench_parity_reports_ours_beside_published() throws Exception {
        Run r = run("bench", "--parity", "--tasks", "RoeFlux_1d,MLP", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode roe = r.json().get("parity").get(0);
        assertEquals(620, roe.get("paper").get("fwd").asLong());
        assertEquals(364, roe.get("paper").get("rev").asLong());
        assertEquals(407, roe.get("paper").get("markowitz").asLong());
        assertEquals(320, roe.get("published_orders_on_ours").get("alphagrad").asLong());
        assertTrue(roe.get("published_orders_on_ours").get("markowitz_order_identical").asBoolean());
        assertEquals(320, roe.get("published").get("alphagrad").asLong());
        JsonNode mlp = r.json().get("parity").get(1);
        assertTrue(mlp.get("published_orders_on_ours").isNull());
        assertEquals(10930, mlp.get("published").get("fwd").asLong());
        Run text = run("bench", "--parity", "--tasks", "HumanHeartDipole");
        assertTrue(text.out().contains("HumanHeartDipole"), text.out());
    }

    @Test
    void optimize_prints_the_contract_json_and_saves_a_usable_order() throws Exception {
        Path out = tmp.resolve("propane-order.json");
        Run r = run("optimize", "PropaneCombustion", "--budget", "5", "--threads", "2", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("PropaneCombustion", j.get("task").asText());
        assertEquals("effective", j.get("mode").asText());
        assertEquals(24, j.get("cost").asLong());
        assertEquals(24, j.get("lower_bound").asLong(), "the exact search proves it");
        assertTrue(j.get("proven_optimal").asBoolean());
        assertEquals(51, j.get("order").size());
        assertEquals(26, j.get("baselines").get("fwd").asLong());
        assertTrue(j.get("seconds").asDouble() >= 0);
        assertTrue(r.err().contains("best "), "progress on stderr: " + r.err());
        Run count = run("count", "PropaneCombustion", "--order", out.toString(), "--mode", "effective", "--json");
        assertEquals(24, count.json().get("cost").asLong());

        Run paper = run("optimize", "RobotArm_6DOF", "--budget", "10", "--mode", "paper", "--json");
        assertEquals(221, paper.json().get("cost").asLong(), "RobotArm's PAPER optimum (published AlphaGrad: 231)");
    }

    @Test
    void optimize_rejects_bad_options() {
        Run method = run("optimize", "Simple", "--budget", "1", "--method", "genetic");
        assertEquals(1, method.code());
        assertTrue(method.err().contains("unknown --method 'genetic'"), method.err());
        Run budget = run("optimize", "Simple", "--budget", "-2");
        assertEquals(1, budget.code());
        assertTrue(budget.err().contains("--budget must be a non-negative number"), budget.err());
        assertEquals(2, run("optimize", "Simple").code(), "--budget is required");
    }

    @Test
    void bound_proves_propane_optimal_and_rejects_bad_groupings() throws Exception {
        Run r = run("bound", "PropaneCombustion", "--groupings", "4/12", "--search", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("effective", j.get("mode").asText());
        assertEquals(24, j.get("lower_bound").asLong(), "min-Markowitz's 24 is optimal");
        assertEquals(24, j.get("order_cost").asLong(), "optimize's order");
        assertTrue(j.get("proven_optimal").asBoolean());
        assertEquals(1, j.get("groupings").size());
        assertTrue(r.err().contains("grouping 4/12: bound 24"), r.err());
        Run text = run("bound", "PropaneCombustion", "--groupings", "2/2", "--order", "rev");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("the given order costs 26"), text.out());
        Run bad = run("bound", "PropaneCombustion", "--groupings", "4-12");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("--groupings must be a list like 4/12,8/18"), bad.err());
        Run tooLarge = run("bound", "PropaneCombustion", "--groupings", "4/30");
        assertEquals(1, tooLarge.code());
        assertTrue(tooLarge.err().contains("grow limit must be in 4..22"), tooLarge.err());
    }

    @Test
    void bench_many_checks_random_programs() throws Exception {
        Run r = run("bench", "--many", "40", "--seed", "5", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode m = r.json().get("many");
        assertEquals(40, m.get("programs").asInt());
        assertEquals(160, m.get("jacobians").asInt());
        assertEquals(0, m.get("mismatches").asInt(), m.get("examples").toString());
        assertEquals(1, run("bench", "--many", "0").code());
    }
}
