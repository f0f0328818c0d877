package io.crosscountry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscountry.samples.bench.RuntimeResult;
import io.crosscountry.samples.bench.RuntimeSuite;
import io.crosscountry.samples.bench.RuntimeSummary;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The JSON of {@code bench --runtime}:
 * <pre>
 * {"runtime": [{"task", "kind", "num_inputs", "num_outputs", "num_vertices",
 *               "ns_per_op": {"primal", "fwd", "rev", "markowitz", "best", "gradient", "derivative_structure",
 *                             "central_differences", "tape"},
 *               "wall_ns_per_op": {…same keys}, "bytes_per_op": {…same keys}, "spread": {…same keys},
 *               "warmup_s": {…same keys}, "settled": {…same keys: bool},
 *               "ratios": {"to_primal": {"fwd", …, "tape"},
 *                          "best_speedup": {"gradient", "derivative_structure", "central_differences", "tape", "fwd_rev"}},
 *               "effective_cost": {"fwd", "rev", "markowitz", "best"}, "best_search": str,
 *               "failures": {method: reason}, "jit_idle": bool, "compile_ms_while_measuring": int,
 *               "c2_chunks": {"fwd", "rev", "markowitz", "best", "best_args": {"compiled": int, "chunks": int}}}],
 *  "summary": {"tasks": [...], "median_ratio_to_primal": {...}, "median_best_speedup": {...},
 *              "scalar_tasks": [...], "median_best_vs_fwd_rev_scalar": float,
 *              "load_average": {"start", "end"}, "available_processors", "java",
 *              "settings": {"warmup_s", "max_warmup_s", "measure_s", "rounds", "search_s"}}}
 * </pre>
 * Times in nanoseconds per call, the median of the rounds: ns_per_op is the measuring thread's CPU
 * time (robust on a loaded machine), wall_ns_per_op wall-clock time; spread = (slowest − fastest round) / median;
 * to_primal = time(method) / time(primal); best_speedup = time(x) / time(best), fwd_rev: x = the faster
 * of our fwd and rev. settled: the method's warm-up ended because the JIT settled (not at its
 * longest); jit_idle: nothing was being compiled when the measurement began; c2_chunks: how many of
 * each generated Jacobian's chunk methods C2 compiled by the end of the measurement (a tier-4
 * compilation, or inlined into one; from JFR's compilation events; {@code null} where the JVM could
 * not tell). A method refused by
 * verification has {@code null} values.
 */
final class RuntimeJson {

    private RuntimeJson() {
    }

    static ObjectNode of(RuntimeBench.Report report) {
        ObjectNode root = Json.object();
        ArrayNode tasks = root.putArray("runtime");
        for (RuntimeResult r : report.results()) {
            task(tasks.addObject(), r);
        }
        summary(root.putObject("summary"), report.summary(), report.conditions());
        return root;
    }

    private static void task(ObjectNode o, RuntimeResult r) {
        o.put("task", r.task());
        o.put("kind", r.kind().toLowerCase(java.util.Locale.ROOT));
        o.put("num_inputs", r.numInputs());
        o.put("num_outputs", r.numOutputs());
        o.put("num_vertices", r.numVertices());
        perMethod(o.putObject("ns_per_op"), RuntimeSuite.METHODS, r::ns);
        perMethod(o.putObject("wall_ns_per_op"), RuntimeSuite.METHODS, r::wallNs);
        perMethod(o.putObject("bytes_per_op"), RuntimeSuite.METHODS, r::bytes);
        perMethod(o.putObject("spread"), RuntimeSuite.METHODS, m -> {
            RuntimeResult.Measurement x = r.measurements().get(m);
            return x == null ? Double.NaN : x.spread();
        });
        perMethod(o.putObject("warmup_s"), RuntimeSuite.METHODS, m -> {
            RuntimeResult.Measurement x = r.measurements().get(m);
            return x == null ? Double.NaN : x.warmupSeconds();
        });
        ObjectNode settled = o.putObject("settled");
        for (String m : RuntimeSuite.METHODS) {
            RuntimeResult.Measurement x = r.measurements().get(m);
            if (x == null) {
                settled.putNull(m);
            } else {
                settled.put(m, x.settled());
            }
        }
        ObjectNode ratios = o.putObject("ratios");
        perMethod(ratios.putObject("to_primal"), RuntimeSuite.METHODS.subList(1, RuntimeSuite.METHODS.size()),
                r::ratioToPrimal);
        ObjectNode speedup = ratios.putObject("best_speedup");
        perMethod(speedup, RuntimeSuite.BASELINES, r::bestSpeedup);
        number(speedup, RuntimeSummary.FWD_REV, r.bestVsFwdRev());
        ObjectNode costs = o.putObject("effective_cost");
        r.effectiveCosts().forEach(costs::put);
        o.put("best_search", r.bestSearch());
        ObjectNode failures = o.putObject("failures");
        r.failures().forEach(failures::put);
        o.put("jit_idle", r.jitIdle());
        o.put("compile_ms_while_measuring", r.compileMillisWhileMeasuring());
        ObjectNode c2 = o.putObject("c2_chunks");
        r.c2().forEach((m, c) -> {
            if (c.known()) {
                ObjectNode n = c2.putObject(m);
                n.put("compiled", c.compiled());
                n.put("chunks", c.chunks());
            } else {
                c2.putNull(m);
            }
        });
    }

    private static void summary(ObjectNode o, RuntimeSummary s, RuntimeBench.Conditions c) {
        ArrayNode tasks = o.putArray("tasks");
        s.tasks().forEach(tasks::add);
        numbers(o.putObject("median_ratio_to_primal"), s.ratioToPrimal());
        numbers(o.putObject("median_best_speedup"), s.bestSpeedup());
        ArrayNode scalar = o.putArray("scalar_tasks");
        s.scalarTasks().forEach(scalar::add);
        number(o, "median_best_vs_fwd_rev_scalar", s.bestVsFwdRevScalar());
        ObjectNode load = o.putObject("load_average");
        number(load, "start", c.loadStart() < 0 ? Double.NaN : c.loadStart());
        number(load, "end", c.loadEnd() < 0 ? Double.NaN : c.loadEnd());
        o.put("available_processors", c.processors());
        o.put("java", c.java());
        ObjectNode settings = o.putObject("settings");
        settings.put("warmup_s", c.settings().warmupSeconds());
        settings.put("max_warmup_s", c.settings().maxWarmupSeconds());
        settings.put("measure_s", c.settings().measureSeconds());
        settings.put("rounds", c.settings().rounds());
        settings.put("search_s", c.searchSeconds());
    }

    private static void perMethod(ObjectNode o, List<String> methods, ToDoubleFunction<String> value) {
        for (String m : methods) {
            number(o, m, value.applyAsDouble(m));
        }
    }

    private static void numbers(ObjectNode o, Map<String, Double> values) {
        values.forEach((k, v) -> number(o, k, v));
    }

    /** A number, or null for NaN (JSON has no NaN). */
    private static void number(ObjectNode o, String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }
}
