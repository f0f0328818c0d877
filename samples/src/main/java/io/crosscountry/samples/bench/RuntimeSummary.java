package io.crosscountry.samples.bench;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Medians over tasks of the runtime ratios ({@code NaN} entries skipped; {@code NaN} when none is
 * left).
 *
 * @param tasks                 the tasks summarised
 * @param ratioToPrimal         per Jacobian method: the median of time(method) / time(primal)
 * @param bestSpeedup           per baseline, and {@code "fwd_rev"}: the median of time(x) / time(best),
 *                              where for {@code fwd_rev} x is the faster of our fwd and rev
 * @param scalarTasks           which of {@link #SCALAR_PAPER_TASKS} were measured
 * @param bestVsFwdRevScalar    the median of time(faster of fwd, rev) / time(best) over those
 */
public record RuntimeSummary(List<String> tasks, Map<String, Double> ratioToPrimal, Map<String, Double> bestSpeedup,
                             List<String> scalarTasks, double bestVsFwdRevScalar) {

    /** The scalar paper tasks whose graphs equal the published ones. */
    public static final List<String> SCALAR_PAPER_TASKS = List.of("RoeFlux_1d", "RobotArm_6DOF", "HumanHeartDipole",
            "PropaneCombustion");

    /** The key of {@link #bestSpeedup()} for "the faster of our fwd and rev". */
    public static final String FWD_REV = "fwd_rev";

    /** Summarises these results. */
    public static RuntimeSummary of(List<RuntimeResult> results) {
        Map<String, Double> toPrimal = new LinkedHashMap<>();
        for (String m : RuntimeSuite.METHODS.subList(1, RuntimeSuite.METHODS.size())) {
            toPrimal.put(m, median(results, r -> r.ratioToPrimal(m)));
        }
        Map<String, Double> speedup = new LinkedHashMap<>();
        for (String b : RuntimeSuite.BASELINES) {
            speedup.put(b, median(results, r -> r.bestSpeedup(b)));
        }
        speedup.put(FWD_REV, median(results, RuntimeResult::bestVsFwdRev));
        List<RuntimeResult> scalar = results.stream().filter(r -> SCALAR_PAPER_TASKS.contains(r.task())).toList();
        return new RuntimeSummary(results.stream().map(RuntimeResult::task).toList(), Collections.unmodifiableMap(toPrimal),
                Collections.unmodifiableMap(speedup), scalar.stream().map(RuntimeResult::task).toList(),
                median(scalar, RuntimeResult::bestVsFwdRev));
    }

    /** The median of a per-task value over the tasks where it is a number. */
    static double median(List<RuntimeResult> results, ToDoubleFunction<RuntimeResult> value) {
        double[] v = results.stream().mapToDouble(value).filter(d -> !Double.isNaN(d)).sorted().toArray();
        return v.length == 0 ? Double.NaN : RuntimeHarness.median(v);
    }

    /** The median of numbers, {@code NaN} ignored. */
    public static double median(double... values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        return v.length == 0 ? Double.NaN : RuntimeHarness.median(v);
    }
}
