package io.crosscountry.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.samples.Samples;
import io.crosscountry.samples.bench.RuntimeResult.Measurement;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process runtime harness on a tiny task with very short times: shape and consistency, not speed. */
class RuntimeHarnessTest {

    static final RuntimeHarness.Settings SHORT = new RuntimeHarness.Settings(0.02, 0.05, 0.06, 3);

    @TempDir
    Path tmp;

    @Test
    void every_method_is_timed_and_the_ratios_are_consistent() {
        RuntimeSuite suite = RuntimeSuite.create(Samples.get("Simple"), Duration.ofMillis(100));
        List<String> progress = new ArrayList<>();
        RuntimeResult r = new RuntimeHarness(SHORT, progress::add).run(suite);

        assertEquals(RuntimeHarness.progressSteps(RuntimeSuite.METHODS.size()), progress.size(), progress.toString());
        assertEquals("verify", progress.get(0));
        assertEquals("measure", progress.get(progress.size() - 1));
        assertEquals(Map.of(), r.failures());
        assertEquals(RuntimeSuite.METHODS, List.copyOf(r.measurements().keySet()));
        for (String m : RuntimeSuite.METHODS) {
            Measurement x = r.measurements().get(m);
            assertTrue(x.nsPerOp() > 0 && Double.isFinite(x.nsPerOp()), m + " " + x);
            assertTrue(x.wallNsPerOp() > 0, m + " " + x);
            assertTrue(x.bytesPerOp() >= 0, m + " " + x);
            assertTrue(x.spread() >= 0, m + " " + x);
            assertTrue(x.calls() >= SHORT.rounds(), m + " " + x);
            assertTrue(x.warmupSeconds() >= SHORT.warmupSeconds() && x.warmupSeconds() < 5, m + " " + x);
        }
        assertEquals("Simple", r.task());
        assertEquals(2, r.numInputs());
        assertEquals(2, r.numOutputs());
        assertEquals(4, r.numVertices());
        assertEquals(List.copyOf(RuntimeSuite.ORDERS), List.copyOf(r.effectiveCosts().keySet()));
        assertEquals(4L, r.effectiveCosts().get(RuntimeSuite.FWD));
        assertFalse(r.bestSearch().isEmpty());

        for (String m : RuntimeSuite.METHODS) {
            assertEquals(r.ns(m) / r.ns(RuntimeSuite.PRIMAL), r.ratioToPrimal(m), 0.0, m);
            assertEquals(r.ns(m) / r.ns(RuntimeSuite.BEST), r.bestSpeedup(m), 0.0, m);
        }
        assertEquals(Math.min(r.ns("fwd"), r.ns("rev")) / r.ns("best"), r.bestVsFwdRev(), 0.0);
        double most = java.util.stream.Stream.concat(RuntimeSuite.ORDERS.stream(),
                java.util.stream.Stream.of(RuntimeSuite.BEST_ARGS)).mapToDouble(r::bytes).max().orElseThrow();
        assertEquals(most, r.applyIntoBytesPerOp(), 0.0);
    }

    @Test
    void a_method_with_a_wrong_jacobian_is_refused_and_not_timed() {
        RuntimeSuite suite = RuntimeSuite.create(Samples.get("Simple"), Duration.ofMillis(50));
        double[][] J = suite.entry(RuntimeSuite.TAPE).jacobian();
        suite.wrap(RuntimeSuite.TAPE, call -> () -> {
            call.run();
            J[1][0] *= 1.0 + 1e-6;
        });
        suite.wrap(RuntimeSuite.PRIMAL, call -> () -> {
            throw new IllegalStateException("broken");
        });
        RuntimeResult r = new RuntimeHarness(SHORT, what -> { }).run(suite);

        assertEquals(List.of(RuntimeSuite.PRIMAL, RuntimeSuite.TAPE), List.copyOf(r.failures().keySet()));
        assertTrue(r.failures().get(RuntimeSuite.TAPE).contains("J[1][0]"), r.failures().toString());
        assertTrue(r.failures().get(RuntimeSuite.PRIMAL).contains("broken"), r.failures().toString());
        assertFalse(r.measurements().containsKey(RuntimeSuite.TAPE));
        assertTrue(Double.isNaN(r.ns(RuntimeSuite.TAPE)));
        assertTrue(Double.isNaN(r.bestSpeedup(RuntimeSuite.TAPE)));
        assertTrue(Double.isNaN(r.ratioToPrimal(RuntimeSuite.FWD)), "no primal, no ratio");
        assertTrue(r.ns(RuntimeSuite.GRADIENT) > 0, "the other methods are still timed");
    }

    @Test
    void the_summary_takes_medians_and_the_scalar_paper_tasks_apart() {
        List<RuntimeResult> results = List.of(
                result("RoeFlux_1d", 100, 400, 300, 200),   // best vs faster of fwd/rev: 300 / 200 = 1.5
                result("PropaneCombustion", 10, 20, 30, 40), // 0.5
                result("MLP", 1, 9, 3, 1));                  // 3
        RuntimeSummary s = RuntimeSummary.of(results);
        assertEquals(List.of("RoeFlux_1d", "PropaneCombustion", "MLP"), s.tasks());
        assertEquals(List.of("RoeFlux_1d", "PropaneCombustion"), s.scalarTasks());
        assertEquals(1.0, s.bestVsFwdRevScalar(), 1e-12);              // median of 1.5 and 0.5
        assertEquals(1.5, s.bestSpeedup().get(RuntimeSummary.FWD_REV), 1e-12);
        assertEquals(2.0, s.ratioToPrimal().get(RuntimeSuite.BEST), 1e-12);   // 2, 4, 1
        assertEquals(3.0, s.ratioToPrimal().get(RuntimeSuite.REV), 1e-12);    // 3, 3, 3
        assertTrue(Double.isNaN(s.ratioToPrimal().get(RuntimeSuite.TAPE)), "never timed");
        assertEquals(2.0, RuntimeSummary.median(3, Double.NaN, 1), 0.0);
    }

    @Test
    void the_chart_is_a_png() throws Exception {
        List<RuntimeResult> results = List.of(result("RoeFlux_1d", 100, 400, 300, 200), result("MLP", 1, 9, 3, 1));
        Path png = tmp.resolve("runtime.png");
        RuntimeChart.write(results, "test", png);
        assertTrue(Files.size(png) > 1000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "decodable");
        assertTrue(image.getWidth() >= 900 && image.getHeight() == 640, image.getWidth() + "x" + image.getHeight());
    }

    /** A result with these times (ns) for primal, fwd, rev, best; no baselines. */
    static RuntimeResult result(String task, double primal, double fwd, double rev, double best) {
        Map<String, Measurement> m = new java.util.LinkedHashMap<>();
        m.put(RuntimeSuite.PRIMAL, new Measurement(primal, primal, 0, 0, 1, 0, true));
        m.put(RuntimeSuite.FWD, new Measurement(fwd, fwd, 0, 0, 1, 0, true));
        m.put(RuntimeSuite.REV, new Measurement(rev, rev, 0, 0, 1, 0, true));
        m.put(RuntimeSuite.BEST, new Measurement(best, best, 0, 0, 1, 0, true));
        return new RuntimeResult(task, "SCALAR", 1, 1, 1, m, Map.of(), "", Map.of(), true, 0, Map.of());
    }
}
