package io.crosscountry.samples.bench;

import static io.crosscountry.samples.bench.RuntimeSuite.BEST;
import static io.crosscountry.samples.bench.RuntimeSuite.FWD;
import static io.crosscountry.samples.bench.RuntimeSuite.PRIMAL;
import static io.crosscountry.samples.bench.RuntimeSuite.REV;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runtime benchmark's result for one task: a {@link Measurement} per timed method (methods that
 * failed verification have none, and a reason in {@link #failures()}), and the ratios derived from
 * them. A ratio involving a missing method is {@code NaN}.
 *
 * @param task           the sample's name
 * @param kind           the sample's family ({@code SCALAR}, {@code TENSOR}, …)
 * @param numInputs      Jacobian columns
 * @param numOutputs     Jacobian rows
 * @param numVertices    vertices of the graph
 * @param measurements   per method of {@link RuntimeSuite#METHODS}, in that order
 * @param effectiveCosts EFFECTIVE multiplications of each of our orders
 * @param bestSearch     which search found the best order
 * @param failures       methods refused because they disagree with the dual numbers, with the reason
 * @param jitIdle        whether the JIT had nothing running or queued when the measurement started
 * @param compileMillisWhileMeasuring JIT compilation time (all compiler threads) that finished during
 *                       the measurement: near 0 when the code measured was final
 * @param c2             per generated Jacobian ({@link RuntimeSuite#ORDERS} and {@code best_args}), how
 *                       many of its chunk methods C2 compiled by the end of the measurement
 */
public record RuntimeResult(String task, String kind, int numInputs, int numOutputs, int numVertices,
                            Map<String, Measurement> measurements, Map<String, Long> effectiveCosts, String bestSearch,
                            Map<String, String> failures, boolean jitIdle, long compileMillisWhileMeasuring,
                            Map<String, C2Coverage> c2) {

    /**
     * How many of a generated Jacobian's chunk methods C2 compiled (a tier-4 compilation of the
     * method, or inlined into one; see {@link C2Compilations}).
     *
     * @param compiled chunk methods compiled by C2
     * @param chunks   chunk methods; 0 when the JVM could not tell (no JFR)
     */
    public record C2Coverage(int compiled, int chunks) {
        /** The JVM could not tell. */
        public static final C2Coverage UNKNOWN = new C2Coverage(0, 0);

        /** Whether the JVM could tell. */
        public boolean known() {
            return chunks > 0;
        }
    }

    /**
     * One method's timing.
     *
     * @param nsPerOp     the median over the measurement rounds of each round's CPU time (of the
     *                    measuring thread) per call
     * @param wallNsPerOp the same with wall-clock time (includes time descheduled on a loaded machine)
     * @param bytesPerOp  bytes allocated by the measuring thread per call, over all rounds
     * @param spread      (slowest round − fastest round) / median, CPU time: how steady the rounds were
     * @param calls       calls timed over all rounds
     * @param warmupSeconds how long the method was warmed up
     * @param settled     whether its warm-up ended because the JIT settled (not at the longest warm-up)
     */
    public record Measurement(double nsPerOp, double wallNsPerOp, double bytesPerOp, double spread, long calls,
                              double warmupSeconds, boolean settled) {
    }

    public RuntimeResult {
        measurements = ordered(measurements);
        effectiveCosts = ordered(effectiveCosts);
        failures = ordered(failures);
        c2 = ordered(c2);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The median CPU time per call of a method, or {@code NaN} when it was not timed. */
    public double ns(String method) {
        Measurement m = measurements.get(method);
        return m == null ? Double.NaN : m.nsPerOp();
    }

    /** The median wall-clock time per call of a method, or {@code NaN} when it was not timed. */
    public double wallNs(String method) {
        Measurement m = measurements.get(method);
        return m == null ? Double.NaN : m.wallNsPerOp();
    }

    /** Bytes allocated per call of a method, or {@code NaN} when it was not timed. */
    public double bytes(String method) {
        Measurement m = measurements.get(method);
        return m == null ? Double.NaN : m.bytesPerOp();
    }

    /** Jacobian cost / primal cost: how many primal evaluations one Jacobian by this method costs. */
    public double ratioToPrimal(String method) {
        return ns(method) / ns(PRIMAL);
    }

    /** How many times faster our best order is than {@code method}: time(method) / time(best). */
    public double bestSpeedup(String method) {
        return ns(method) / ns(BEST);
    }

    /** time(the faster of our fwd and rev) / time(best): above 1 when the searched order pays off. */
    public double bestVsFwdRev() {
        double fwd = ns(FWD);
        double rev = ns(REV);
        double faster = Double.isNaN(fwd) ? rev : Double.isNaN(rev) ? fwd : Math.min(fwd, rev);
        return faster / ns(BEST);
    }

    /**
     * The most bytes per call of our generated Jacobians ({@code applyFlatInto} over the four orders,
     * and {@code applyInto}; {@code NaN} when none was timed).
     */
    public double applyIntoBytesPerOp() {
        double most = Double.NaN;
        for (String order : java.util.stream.Stream.concat(RuntimeSuite.ORDERS.stream(),
                java.util.stream.Stream.of(RuntimeSuite.BEST_ARGS)).toList()) {
            double b = bytes(order);
            if (!Double.isNaN(b)) {
                most = Double.isNaN(most) ? b : Math.max(most, b);
            }
        }
        return most;
    }
}
