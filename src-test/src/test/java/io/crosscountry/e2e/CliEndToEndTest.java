package io.crosscountry.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shaded CLI jar and the {@code crosscountry} wrapper script, run as a user runs them: in a
 * forked JVM, from the packaged artifact (the reactor packages {@code agent} before this module).
 */
class CliEndToEndTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("agent/target/crosscountry-agent.jar");

    /** Exit code, stdout and stderr of a process. */
    record Result(int code, String out, String err) {
    }

    static Result exec(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("cc-out", ".txt");
        Path err = Files.createTempFile("cc-err", ".txt");
        Process p = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "process finished: " + command);
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    static Result jar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return exec(command);
    }

    @Test
    void shaded_jar_counts_the_published_numbers() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "the agent module packages " + JAR);
        Result r = jar("count", "HumanHeartDipole", "--order", "markowitz", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(194, j.get("cost").asLong());
        assertEquals(78, j.get("num_eliminable").asInt());
    }

    @Test
    void wrapper_script_runs_the_parity_table() throws Exception {
        Result r = exec(List.of("bash", ROOT.resolve("crosscountry").toString(), "bench", "--parity", "--json"));
        assertEquals(0, r.code(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out()).get("parity");
        assertEquals(14, rows.size());
        for (JsonNode row : rows) {
            if (row.get("kind").asText().equals("scalar")) {
                JsonNode published = row.get("published");
                assertEquals(published.get("fwd").asLong(), row.get("paper").get("fwd").asLong(), row.toString());
                assertEquals(published.get("rev").asLong(), row.get("paper").get("rev").asLong(), row.toString());
                assertEquals(published.get("markowitz").asLong(), row.get("paper").get("markowitz").asLong(), row.toString());
                assertEquals(published.get("alphagrad").asLong(), row.get("published_orders_on_ours").get("alphagrad").asLong());
            }
        }
    }

    @Test
    void errors_exit_non_zero_with_a_message() throws Exception {
        Result r = jar("count", "RoeFlux_1d", "--order", "sideways");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: --order must be fwd, rev, markowitz"), r.err());
        assertTrue(r.out().isEmpty(), "nothing on stdout on error");
    }

    @Test
    void optimize_with_the_pretrained_policy_greedy_and_with_tree_search() throws Exception {
        for (String method : List.of("policy", "mcts")) {
            Result r = jar("optimize", "PropaneCombustion", "--method", method, "--budget", "1", "--threads", "1", "--json");
            assertEquals(0, r.code(), r.err());
            JsonNode j = new ObjectMapper().readTree(r.out());
            // the result is the best order seen: the policy's, or a baseline/heuristic the optimizer offered first
            assertTrue(j.get("cost").asLong() <= j.get("baselines").get("markowitz").asLong(), r.out());
        }
    }

    @Test
    void bench_policy_reports_greedy_and_search_comparisons() throws Exception {
        Result r = jar("bench", "--policy", "--test-graphs", "6", "--test-max-size", "40", "--search-seconds", "0.2",
                "--tasks", "PropaneCombustion", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(6, j.get("greedy_test_effective").get("summary").get("graphs").asInt());
        assertEquals(6, j.get("greedy_test_paper").get("rows").size());
        assertEquals(2, j.get("search").size(), "PropaneCombustion in both modes");
        assertEquals(88, j.get("search").get(1).get("alphagrad_published").asLong());
    }

    @Test
    void train_runs_checkpoints_and_resumes(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path config = dir.resolve("tiny.json");
        io.crosscountry.policy.train.TrainConfig.tiny().withIterations(2).write(config);
        Path run = dir.resolve("run");
        String script = ROOT.resolve("crosscountry").toString();
        Result first = exec(List.of("bash", script, "train", "--config", config.toString(), "--out", run.toString(), "--no-samples"));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("trained 2 iterations"), first.out());
        for (String f : List.of("policy.ccpn", "best.ccpn", "metrics.csv", "curves.png", "checkpoint/state.json",
                "checkpoint/learner/parameters.ndlist")) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        Result second = exec(List.of("bash", script, "train", "--config", config.toString(), "--out", run.toString(),
                "--no-samples", "--iterations", "3"));
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("resumed at iteration 2"), second.err());
        assertTrue(second.out().startsWith("trained 3 iterations"), second.out());
        io.crosscountry.policy.PolicyWeights.read(run.resolve("policy.ccpn"));
    }
}
