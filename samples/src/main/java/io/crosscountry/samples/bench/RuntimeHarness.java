package io.crosscountry.samples.bench;

import io.crosscountry.samples.bench.RuntimeResult.Measurement;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * An in-process runtime benchmark (not JMH, but in its spirit) of every method of a
 * {@link RuntimeSuite}, all in this JVM and this thread.
 *
 * <ol>
 *   <li><b>Verify</b>: every method runs once and is compared with the dual numbers
 *       ({@link RuntimeSuite#verify()}); a method that disagrees is not timed.</li>
 *   <li><b>Loops</b>: each method gets its own copy of the measurement loop ({@link RepeatLoops}), so
 *       the JIT compiles each loop for its one method, with the method inlined where C2 chooses.</li>
 *   <li><b>Warm-up</b>: first the JIT's backlog from building the suite (tracing, code generation, the
 *       order search) is left to drain ({@link JitQueue}). Then method by method, in batches of about
 *       {@value #BATCH_MILLIS} ms (the calls per batch grow until a batch lasts that long): at least
 *       {@link Settings#warmupSeconds()} and {@value #MIN_WARMUP_CALLS} calls (see there), then on
 *       until the JIT has settled — no compilation finished
 *       during the last window of batches (≥ 100 ms and ≥ 3 batches), that window's median time per
 *       call within {@value #SETTLED_PERCENT} % of the window before, and no compilation running or
 *       queued — or {@link Settings#maxWarmupSeconds()}. Before measuring, the harness again waits (up
 *       to the longest warm-up) for the compile queue to empty, so that methods warmed early run
 *       their final code; {@link RuntimeResult#jitIdle()} tells whether it did.</li>
 *   <li><b>Measure</b>: {@link Settings#rounds()} rounds; in each, every method runs whole batches for
 *       {@code measureSeconds / rounds} of wall time in turn (interleaving methods spreads the
 *       machine's load changes over all of them). Time per call: the median over the rounds of the
 *       round's <em>CPU time of this thread</em> per call
 *       ({@code ThreadMXBean.getCurrentThreadCpuTime}), so that time the thread spends descheduled
 *       on a shared, loaded machine does not count; the wall-clock median is reported beside it.
 *       Allocation per call: the bytes the thread allocated during all rounds
 *       ({@code com.sun.management.ThreadMXBean.getCurrentThreadAllocatedBytes}) over the calls.</li>
 * </ol>
 *
 * <p>Budgets (warm-up, the rounds' lengths) are wall time, so a run takes about as long on a
 * loaded machine as on an idle one; the batches' sizes are set from wall time too.
 *
 * <p>Every method writes its result into arrays that outlive the call, so the JIT cannot drop the
 * computation; each call reads its inputs from arrays the previous call could have written, so it
 * cannot hoist it out of the loop either.
 */
public final class RuntimeHarness {

    /** Target length of one batch of calls. */
    static final long BATCH_MILLIS = 5;
    /** Largest change between the last two windows of warm-up batches that counts as settled. */
    static final int SETTLED_PERCENT = 5;
    /**
     * Least calls in a warm-up. HotSpot asks C2 for a method without loops (our generated chunks) only
     * after about 5,000 calls ({@code Tier4InvocationThreshold}, raised while the compile queue is
     * long); before that it runs C1 code whose timings can look settled. A Jacobian that takes 1 ms
     * in C1 code therefore needs several seconds of warm-up.
     */
    static final long MIN_WARMUP_CALLS = 10_000;

    private static final long BATCH_NANOS = BATCH_MILLIS * 1_000_000L;
    private static final long WINDOW_NANOS = 100_000_000L;

    /**
     * How long to warm up and to measure each method.
     *
     * @param warmupSeconds    least warm-up per method
     * @param maxWarmupSeconds most warm-up per method, when the JIT does not settle sooner
     * @param measureSeconds   measuring time per method, split over the rounds
     * @param rounds           measurement rounds (the reported time is their median)
     */
    public record Settings(double warmupSeconds, double maxWarmupSeconds, double measureSeconds, int rounds) {
        public Settings {
            if (!(warmupSeconds >= 0) || !(maxWarmupSeconds >= warmupSeconds) || !(measureSeconds > 0) || rounds < 1) {
                throw new IllegalArgumentException("need 0 <= warm-up <= max warm-up, measuring time > 0 and rounds >= 1, got "
                        + warmupSeconds + ", " + maxWarmupSeconds + ", " + measureSeconds + ", " + rounds);
            }
        }

        /** 1 s of warm-up (10 s at most), 1 s of measurement in 10 rounds: about 2 s per method. */
        public static Settings defaults() {
            return new Settings(1.0, 10.0, 1.0, 10);
        }
    }

    /** One method under measurement. */
    private static final class Timed {
        final String name;
        final LongConsumer loop;
        final double[] roundCpuPerCall;
        final double[] roundWallPerCall;
        long callsPerBatch = 1;
        double warmupSeconds;
        boolean settled;
        long calls;
        long bytes;

        Timed(String name, Runnable call, int rounds) {
            this.name = name;
            this.loop = RepeatLoops.of(call);
            this.roundCpuPerCall = new double[rounds];
            this.roundWallPerCall = new double[rounds];
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private final Settings settings;
    private final Consumer<String> progress;

    /**
     * @param settings how long to warm up and measure
     * @param progress told what starts next ("verify", "warm-up fwd", "measure", …)
     */
    public RuntimeHarness(Settings settings, Consumer<String> progress) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.progress = Objects.requireNonNull(progress, "progress");
        if (THREADS.isThreadAllocatedMemorySupported() && !THREADS.isThreadAllocatedMemoryEnabled()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
        if (THREADS.isCurrentThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
    }

    /** The number of progress messages {@link #run} sends for a suite of this many methods. */
    public static int progressSteps(int methods) {
        return methods + 2;
    }

    /** Verifies, warms up and measures every method of the suite. */
    public RuntimeResult run(RuntimeSuite suite) {
        C2Compilations compilations = C2Compilations.start();
        progress.accept("verify");
        Map<String, String> failures = suite.verify();
        JitQueue.awaitIdle(nanos(settings.maxWarmupSeconds()));
        List<Timed> timed = new ArrayList<>();
        for (RuntimeSuite.Entry e : suite.entries().values()) {
            if (!failures.containsKey(e.name())) {
                timed.add(new Timed(e.name(), e.call(), settings.rounds()));
            }
        }
        for (Timed t : timed) {
            progress.accept("warm-up " + t.name);
            warmUp(t);
        }
        progress.accept("measure");
        boolean jitIdle = JitQueue.awaitIdle(nanos(settings.maxWarmupSeconds()));
        long compileBefore = compileMillis();
        long overhead = allocationOverhead();
        long slot = nanos(settings.measureSeconds() / settings.rounds());
        for (int round = 0; round < settings.rounds(); round++) {
            for (Timed t : timed) {
                measure(t, round, slot, overhead);
            }
        }
        long compileWhileMeasuring = compileMillis() - compileBefore;
        Map<String, RuntimeResult.C2Coverage> c2 = compilations.stop(suite.generatedClasses());
        Map<String, Measurement> measurements = new LinkedHashMap<>();
        for (Timed t : timed) {
            double[] cpu = t.roundCpuPerCall.clone();
            Arrays.sort(cpu);
            double[] wall = t.roundWallPerCall.clone();
            Arrays.sort(wall);
            double median = median(cpu);
            measurements.put(t.name, new Measurement(median, median(wall), (double) t.bytes / t.calls,
                    (cpu[cpu.length - 1] - cpu[0]) / median, t.calls, t.warmupSeconds, t.settled));
        }
        var g = suite.graph();
        return new RuntimeResult(suite.sample().name(), suite.sample().kind().name(), g.numInputs(), g.numOutputs(),
                g.numVertices(), measurements, suite.effectiveCosts(), suite.bestSearch(), failures, jitIdle,
                compileWhileMeasuring, c2);
    }

    private void warmUp(Timed t) {
        long start = System.nanoTime();
        t.settled = warmUpUntilSettled(t, start);
        t.warmupSeconds = (System.nanoTime() - start) / 1e9;
    }

    /** Runs batches of {@code t}; returns whether the JIT settled before the longest warm-up. */
    private boolean warmUpUntilSettled(Timed t, long start) {
        long least = nanos(settings.warmupSeconds());
        long most = nanos(settings.maxWarmupSeconds());
        List<Double> perCall = new ArrayList<>();
        List<Long> compiled = new ArrayList<>();
        long calls = 0;
        while (true) {
            long cpu = cpuNanos();
            long took = batch(t);
            cpu = cpuNanos() - cpu;
            calls += t.callsPerBatch;
            long elapsed = System.nanoTime() - start;
            if (elapsed >= most) {
                return false;
            }
            if (took < BATCH_NANOS / 2) {                       // still sizing the batches
                t.callsPerBatch *= took == 0 ? 16 : Math.max(2, Math.min(16, BATCH_NANOS / took));
                continue;
            }
            perCall.add((double) cpu / t.callsPerBatch);
            compiled.add(compileMillis());
            if (took > 4 * BATCH_NANOS && t.callsPerBatch > 1) {  // slower than sized (e.g. a deoptimisation)
                t.callsPerBatch = Math.max(1, t.callsPerBatch / 2);
            }
            if (elapsed >= least && calls >= MIN_WARMUP_CALLS && settled(perCall, compiled, took) && JitQueue.idle()) {
                return true;
            }
        }
    }

    /** Whether the last window of batches saw no compilation and timings like the window before. */
    private static boolean settled(List<Double> perCall, List<Long> compiled, long batchNanos) {
        int window = (int) Math.max(3, Math.min(1000, WINDOW_NANOS / Math.max(1, batchNanos)));
        int n = perCall.size();
        if (n < 2 * window + 1) {
            return false;
        }
        if (!compiled.get(n - 1).equals(compiled.get(n - 1 - window))) {
            return false;
        }
        double last = median(sortedCopy(perCall.subList(n - window, n)));
        double before = median(sortedCopy(perCall.subList(n - 2 * window, n - window)));
        return Math.abs(last - before) <= SETTLED_PERCENT / 100.0 * before;
    }

    private static void measure(Timed t, int round, long slot, long overhead) {
        long calls = 0;
        long bytes = allocatedBytes();
        long cpu = cpuNanos();
        long start = System.nanoTime();
        long elapsed;
        do {
            t.loop.accept(t.callsPerBatch);
            calls += t.callsPerBatch;
            elapsed = System.nanoTime() - start;
        } while (elapsed < slot);
        cpu = cpuNanos() - cpu;
        t.bytes += Math.max(0, allocatedBytes() - bytes - overhead);
        t.calls += calls;
        t.roundCpuPerCall[round] = (double) cpu / calls;
        t.roundWallPerCall[round] = (double) elapsed / calls;
    }

    private static long batch(Timed t) {
        long start = System.nanoTime();
        t.loop.accept(t.callsPerBatch);
        return System.nanoTime() - start;
    }

    /** What two consecutive readings of the allocation counter differ by when nothing is allocated between. */
    private static long allocationOverhead() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long a = allocatedBytes();
            least = Math.min(least, allocatedBytes() - a);
        }
        return least;
    }

    private static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** This thread's CPU time, or wall time where the JVM cannot tell CPU time. */
    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static long compileMillis() {
        return JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0L;
    }

    private static long nanos(double seconds) {
        return (long) (seconds * 1e9);
    }

    private static double[] sortedCopy(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /** The median of sorted values. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
