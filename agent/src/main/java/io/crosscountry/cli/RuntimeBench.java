package io.crosscountry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscountry.samples.Sample;
import io.crosscountry.samples.bench.RuntimeChart;
import io.crosscountry.samples.bench.RuntimeHarness;
import io.crosscountry.samples.bench.RuntimeResult;
import io.crosscountry.samples.bench.RuntimeSuite;
import io.crosscountry.samples.bench.RuntimeSummary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code crosscountry bench --runtime}: runs {@link RuntimeHarness} over tasks, one after the other in
 * this JVM, and reports the results as a table ({@link RuntimeTable}), JSON ({@link RuntimeJson}) and,
 * with an output folder, {@code runtime.json} and the chart {@code runtime.png}.
 */
final class RuntimeBench {

    /**
     * The conditions of a run, reported beside the numbers.
     *
     * @param settings      warm-up and measuring times
     * @param searchSeconds the order search's budget for "best"
     * @param loadStart     the system load average (1 min) when the run started; negative if unknown
     * @param loadEnd       … when it ended
     * @param processors    the JVM's available processors
     * @param java          the JVM's name and version
     */
    record Conditions(RuntimeHarness.Settings settings, double searchSeconds, double loadStart, double loadEnd,
                      int processors, String java) {
    }

    /** The results of a run. */
    record Report(List<RuntimeResult> results, RuntimeSummary summary, Conditions conditions) {

        /** Whether some method was refused for computing a wrong Jacobian. */
        boolean anyFailure() {
            return results.stream().anyMatch(r -> !r.failures().isEmpty());
        }
    }

    private RuntimeBench() {
    }

    /** Measures every task, telling progress (setup, verification, each method's warm-up, measurement). */
    static Report run(List<Sample> samples, RuntimeHarness.Settings settings, double searchSeconds, Progress progress) {
        double loadStart = loadAverage();
        List<RuntimeResult> results = new ArrayList<>();
        for (Sample s : samples) {
            progress.step(s.name() + ": compile fwd/rev/markowitz, search " + searchSeconds + " s for best");
            RuntimeSuite suite = RuntimeSuite.create(s, Duration.ofMillis((long) (searchSeconds * 1000)));
            RuntimeHarness harness = new RuntimeHarness(settings, what -> progress.step(s.name() + ": " + what));
            results.add(harness.run(suite));
        }
        Conditions conditions = new Conditions(settings, searchSeconds, loadStart, loadAverage(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"));
        return new Report(results, RuntimeSummary.of(results), conditions);
    }

    /** The progress steps {@link #run} takes for this many tasks. */
    static int progressSteps(int tasks) {
        return tasks * (1 + RuntimeHarness.progressSteps(RuntimeSuite.METHODS.size()));
    }

    /** Writes {@code runtime.json} and {@code runtime.png} into {@code dir} (created if needed); returns them. */
    static List<Path> write(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("runtime.json");
        Json.writeFile(json, RuntimeJson.of(report));
        Path png = dir.resolve("runtime.png");
        RuntimeChart.write(report.results(), String.format("crosscountry runtime benchmark: CPU time per call "
                + "(median of %d rounds; load average %.1f)", report.conditions().settings().rounds(),
                report.conditions().loadStart()), png);
        return List.of(json, png);
    }

    /** The JSON object of a report. */
    static ObjectNode json(Report report) {
        return RuntimeJson.of(report);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
