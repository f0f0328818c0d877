package io.crosscountry.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.crosscountry.e2e.Oracles.Dual;
import io.crosscountry.samples.apps.AgentExample;
import io.crosscountry.samples.apps.ObjectsAgentExample;
import io.crosscountry.samples.apps.PlainApiExample;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code -javaagent} as a user runs it: the example apps in a forked JVM with
 * {@code -javaagent:agent/target/crosscountry-agent.jar} (the reactor packages {@code agent} before
 * this module).
 */
class AgentEndToEndTest {

    private static final String AGENT = "-javaagent:" + Forked.JAR;
    private static final double[][] POINTS = {{0.3, 1.1, 0.8}, {0.6, 0.9, 1.0}};   // AgentExample.main's

    /** {@link AgentExample#tip} over dual numbers, inputs {@code (q[0], q[1], reach)}. */
    static Dual[] tip(Dual[] in) {
        Dual x = in[0].cos().plus(in[2].times(in[0].plus(in[1]).cos()));
        Dual y = in[0].sin().plus(in[2].times(in[0].plus(in[1]).sin()));
        Dual d = Dual.hypot(x.minus(1.0), y.minus(1.0));
        Dual penalty = d.v() > 0.5 ? d.times(d) : Dual.of(0.25).plus(d.minus(0.5));
        return new Dual[] {x, y, penalty};
    }

    @Test
    void agent_example_should_print_the_jacobian_of_tip() throws Exception {
        Forked.Result r = Forked.java(List.of(AGENT), List.of(Forked.location(AgentExample.class)), AgentExample.class.getName());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "the agent prints nothing unless verbose");
        List<double[][]> printed = Forked.jacobians(r.out());
        assertEquals(POINTS.length, printed.size(), r.out());
        for (int p = 0; p < POINTS.length; p++) {
            double[] x = POINTS[p];
            double[][] J = printed.get(p);
            Oracles.assertClose(Oracles.dualNumbers(AgentEndToEndTest::tip, x), J, 1e-12, "dual numbers at point " + p);
            Oracles.assertClose(Oracles.centralDifferences(
                    v -> AgentExample.tip(new double[] {v[0], v[1]}, v[2]), x), J, 1e-6, "central differences at point " + p);
        }
    }

    /** {@link ObjectsAgentExample#tip} over dual numbers: the scalar arithmetic of its objects. */
    static Dual[] objectsTip(Dual[] q) {
        double[] lengths = {1.0, 0.8, 0.5};
        Dual x = Dual.of(0.0);
        Dual y = Dual.of(0.0);
        Dual angle = Dual.of(0.0);
        for (int i = 0; i < 3; i++) {
            angle = angle.plus(q[i]);
            x = x.plus(Dual.of(lengths[i]).times(angle.cos()));
            y = y.plus(Dual.of(lengths[i]).times(angle.sin()));
        }
        return new Dual[] {x, y, Dual.hypot(x, y)};
    }

    @Test
    void agent_should_differentiate_code_written_with_objects() throws Exception {
        Forked.Result r = Forked.java(List.of(AGENT), List.of(Forked.location(ObjectsAgentExample.class)),
                ObjectsAgentExample.class.getName());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "the agent prints nothing unless verbose");
        List<double[][]> printed = Forked.jacobians(r.out());
        double[][] points = {{0.3, 1.1, -0.4}, {0.9, -0.2, 0.7}};   // ObjectsAgentExample.main's
        assertEquals(points.length, printed.size(), r.out());
        for (int p = 0; p < points.length; p++) {
            double[] q = points[p];
            double[][] J = printed.get(p);
            Oracles.assertClose(Oracles.dualNumbers(AgentEndToEndTest::objectsTip, q), J, 1e-12, "dual numbers at point " + p);
            Oracles.assertClose(Oracles.centralDifferences(ObjectsAgentExample::tip, q), J, 1e-6,
                    "central differences at point " + p);
        }
    }

    /**
     * On JDK 24 and later, {@code sun.misc.Unsafe}'s memory-access methods print warnings when first
     * called; Byte Buddy's agent builder calls them unless its Nexus is disabled
     * ({@link io.crosscountry.agent.JacobianAgent}). Runs when a JDK of release 24 or later is
     * installed in {@code /usr/lib/jvm} (this project's machines have one), else is skipped.
     */
    @Test
    void on_a_newer_jdk_the_agent_should_print_nothing() throws Exception {
        Optional<String> java = Forked.newerJava(24);
        assumeTrue(java.isPresent(), "no JDK 24+ in /usr/lib/jvm");
        Forked.Result r = Forked.java(java.get(), List.of(AGENT), List.of(Forked.location(AgentExample.class)),
                AgentExample.class.getName());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), java.get() + " with the agent");
        assertEquals(POINTS.length, Forked.jacobians(r.out()).size(), r.out());
    }

    @Test
    void without_the_agent_the_stub_should_keep_its_body() throws Exception {
        Forked.Result r = Forked.java(List.of(), List.of(Forked.JAR), AgentExample.class.getName());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("not filled: run with -javaagent"), r.err());
    }

    @Test
    void plain_api_example_should_run_without_the_agent() throws Exception {
        Forked.Result r = Forked.java(List.of(), List.of(Forked.JAR), PlainApiExample.class.getName());
        assertEquals(0, r.code(), r.err());
        List<double[][]> printed = Forked.jacobians(r.out());
        assertEquals(2, printed.size(), r.out());
        double theta = 0.5;
        double s = 1.5 * 0.5;
        double[][] J = printed.get(0);
        assertEquals(s * Math.cos(theta), J[0][0], 1e-15);
        assertEquals(-s * 2.0 * Math.sin(theta), J[0][1], 1e-15);
        assertEquals(0.5 * 2.0 * Math.cos(theta), J[0][2], 1e-15);
    }

    @Test
    void broken_stub_should_be_logged_in_one_line_and_the_application_should_run() throws Exception {
        Forked.Result r = Forked.java(List.of(AGENT), List.of(Forked.location(BrokenStubApp.class)), BrokenStubApp.class.getName());
        assertEquals(0, r.code(), r.err());
        assertEquals("f(3) = 9.0\nstub untouched\n", r.out());
        String[] lines = r.err().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("crosscountry: left " + BrokenStubApp.class.getName() + " untouched: "), lines[0]);
        assertTrue(lines[0].contains("names no static method f(double, double)"), lines[0]);
    }

    /**
     * Class-load time with and without the agent, in fresh JVMs (medians of 3): an unannotated class
     * first (it also opens the class path entry), then {@code AgentExample} (1 stub; the first
     * transformation, so Byte Buddy warms up), {@code ManyStubs} (4 stubs), and an unannotated
     * {@code @Differentiable} class (what the agent's matching costs a class it leaves alone). Also
     * the JVM's wall time for no work (the agent's installation). Printed for the report; asserted
     * only loosely.
     */
    @Test
    void class_load_overhead_should_be_small() throws Exception {
        List<Path> cp = List.of(Forked.location(LoadTimer.class), Forked.location(AgentExample.class), Forked.JAR);
        String[] classes = {PlainApiExample.class.getName(), AgentExample.class.getName(), ManyStubs.class.getName(),
            "io.crosscountry.samples.warmup.Simple"};
        int[] stubs = {0, 1, 4, 0};
        Map<String, Long> without = median(List.of(), cp, classes);
        Map<String, Long> with = median(List.of(AGENT), cp, classes);
        for (int i = 0; i < classes.length; i++) {
            double ms = (with.get(classes[i]) - without.get(classes[i])) / 1e6;
            System.out.printf(Locale.ROOT, "agent class-load overhead: %-45s %d stub(s): %+8.2f ms (%.2f ms to load without the agent)%n",
                    classes[i], stubs[i], ms, without.get(classes[i]) / 1e6);
            assertTrue(ms < 5_000, classes[i] + ": " + ms + " ms");
        }
        double startup = (median(List.of(AGENT), cp, new String[0]).get("") - median(List.of(), cp, new String[0]).get("")) / 1e6;
        System.out.printf(Locale.ROOT, "agent installation (premain): %+8.2f ms of JVM wall time%n", startup);
    }

    /** Median load nanoseconds per class; for no classes, under the key "", the JVM's wall time. */
    private static Map<String, Long> median(List<String> options, List<Path> cp, String[] classes) throws Exception {
        Map<String, long[]> runs = new HashMap<>();
        int n = 3;
        for (int run = 0; run < n; run++) {
            long t = System.nanoTime();
            Forked.Result r = Forked.java(options, cp, LoadTimer.class.getName(), classes);
            runs.computeIfAbsent("", k -> new long[n])[run] = System.nanoTime() - t;
            assertEquals(0, r.code(), r.err());
            for (String line : r.out().lines().toList()) {
                String[] parts = line.split(" ");
                runs.computeIfAbsent(parts[0], k -> new long[n])[run] = Long.parseLong(parts[1]);
            }
        }
        Map<String, Long> median = new HashMap<>();
        runs.forEach((k, v) -> {
            java.util.Arrays.sort(v);
            median.put(k, v[n / 2]);
        });
        return median;
    }
}
