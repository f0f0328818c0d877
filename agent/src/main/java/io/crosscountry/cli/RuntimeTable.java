package io.crosscountry.cli;

import static io.crosscountry.samples.bench.RuntimeSuite.BASELINES;
import static io.crosscountry.samples.bench.RuntimeSuite.METHODS;
import static io.crosscountry.samples.bench.RuntimeSuite.ORDERS;

import io.crosscountry.samples.bench.RuntimeResult;
import io.crosscountry.samples.bench.RuntimeSummary;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text report of {@code bench --runtime}: time per call of every method; Jacobian time / primal
 * time and the speed-up of our best order over each baseline and over the faster of our fwd / rev;
 * the EFFECTIVE multiplications of our orders; a summary of medians; refused methods.
 */
final class RuntimeTable {

    private static final Map<String, String> HEADERS = Map.ofEntries(Map.entry("primal", "primal"),
            Map.entry("fwd", "fwd"), Map.entry("rev", "rev"), Map.entry("markowitz", "mkwitz"), Map.entry("best", "best"),
            Map.entry("best_args", "best(args)"), Map.entry("gradient", "gradient"),
            Map.entry("derivative_structure", "deriv-str"), Map.entry("central_differences", "cent-diff"),
            Map.entry("tape", "tape"), Map.entry("fwd_rev", "fwd|rev"));

    private RuntimeTable() {
    }

    static String of(RuntimeBench.Report report) {
        StringBuilder sb = new StringBuilder();
        times(sb, report);
        sb.append('\n');
        ratios(sb, report.results());
        sb.append('\n');
        costs(sb, report.results());
        sb.append('\n');
        summary(sb, report.summary());
        failures(sb, report.results());
        return sb.toString();
    }

    private static void times(StringBuilder sb, RuntimeBench.Report report) {
        RuntimeBench.Conditions c = report.conditions();
        sb.append(String.format(Locale.ROOT, "CPU time per call at the example arguments (median of %d rounds; warm-up >= %s s, "
                        + "measuring %s s per method; load average %.2f at start, %.2f at end; %d CPUs; %s).%n",
                c.settings().rounds(), c.settings().warmupSeconds(), c.settings().measureSeconds(), c.loadStart(),
                c.loadEnd(), c.processors(), c.java()));
        sb.append("primal: the method called directly; fwd..best: our generated applyFlatInto (flattened inputs, like the "
                + "baselines); best(args): the best order through applyInto(J, Object...) with boxed arguments;\nB/op ours: most "
                + "bytes allocated per call of ours;\nJIT: 'ok' when every warm-up ended with the JIT settled and "
                + "nothing was compiling when measuring began, else how many warm-ups hit their limit / 'busy';\nC2: chunk "
                + "methods of our five Jacobians that C2 compiled (or inlined into a C2-compiled caller) / all of them "
                + "(JFR compilation events; '?' without JFR).\n");
        StringBuilder header = new StringBuilder(String.format("%-22s", "task"));
        for (String m : METHODS) {
            header.append(String.format(" %10s", HEADERS.get(m)));
        }
        header.append(String.format(" | %9s %7s %9s", "B/op ours", "JIT", "C2"));
        line(sb, header.toString());
        for (RuntimeResult r : report.results()) {
            StringBuilder row = new StringBuilder(String.format("%-22s", r.task()));
            for (String m : METHODS) {
                row.append(String.format(" %10s", time(r.ns(m))));
            }
            row.append(String.format(" | %9s %7s %9s", number(r.applyIntoBytesPerOp(), "%.0f"), jit(r), c2(r)));
            sb.append(row).append('\n');
        }
    }

    private static void ratios(StringBuilder sb, List<RuntimeResult> results) {
        sb.append("Jacobian time / primal time, and speed-up of our best order: time(x) / time(best) "
                + "(fwd|rev: the faster of our fwd and rev).\n");
        StringBuilder header = new StringBuilder(String.format("%-22s", "task"));
        for (String m : METHODS.subList(1, METHODS.size())) {
            header.append(String.format(" %9s", HEADERS.get(m)));
        }
        header.append(" | best vs");
        for (String b : BASELINES) {
            header.append(String.format(" %9s", HEADERS.get(b)));
        }
        header.append(String.format(" %8s", HEADERS.get(RuntimeSummary.FWD_REV)));
        line(sb, header.toString());
        for (RuntimeResult r : results) {
            StringBuilder row = new StringBuilder(String.format("%-22s", r.task()));
            for (String m : METHODS.subList(1, METHODS.size())) {
                row.append(String.format(" %9s", ratio(r.ratioToPrimal(m))));
            }
            row.append(" |        ");
            for (String b : BASELINES) {
                row.append(String.format(" %9s", ratio(r.bestSpeedup(b))));
            }
            row.append(String.format(" %8s", ratio(r.bestVsFwdRev())));
            sb.append(row).append('\n');
        }
    }

    private static void costs(StringBuilder sb, List<RuntimeResult> results) {
        sb.append("EFFECTIVE multiplications of our orders (what the generated elimination code executes).\n");
        StringBuilder header = new StringBuilder(String.format("%-22s %6s %6s", "task", "verts", "n x m"));
        for (String o : ORDERS) {
            header.append(String.format(" %8s", HEADERS.get(o)));
        }
        header.append("  best found by");
        line(sb, header.toString());
        for (RuntimeResult r : results) {
            StringBuilder row = new StringBuilder(String.format("%-22s %6d %6s", r.task(), r.numVertices(),
                    r.numInputs() + "x" + r.numOutputs()));
            for (String o : ORDERS) {
                Long cost = r.effectiveCosts().get(o);
                row.append(String.format(" %8s", cost == null ? "-" : cost.toString()));
            }
            row.append("  ").append(r.bestSearch());
            sb.append(row).append('\n');
        }
    }

    private static void summary(StringBuilder sb, RuntimeSummary s) {
        sb.append(String.format("Medians over %d tasks. Jacobian / primal:", s.tasks().size()));
        s.ratioToPrimal().forEach((m, v) -> sb.append(' ').append(HEADERS.get(m)).append(' ').append(ratio(v)));
        sb.append(".\n  Speed-up of best vs:");
        s.bestSpeedup().forEach((m, v) -> sb.append(' ').append(HEADERS.get(m)).append(' ').append(ratio(v)).append('x'));
        sb.append('.');
        if (!s.scalarTasks().isEmpty()) {
            sb.append(String.format("%n  Best vs the faster of fwd|rev over the scalar paper tasks (%s): %sx.",
                    String.join(", ", s.scalarTasks()), ratio(s.bestVsFwdRevScalar())));
        }
        sb.append('\n');
    }

    private static void failures(StringBuilder sb, List<RuntimeResult> results) {
        for (RuntimeResult r : results) {
            r.failures().forEach((m, why) -> sb.append("REFUSED (not timed) ").append(r.task()).append(' ').append(m)
                    .append(": ").append(why).append('\n'));
        }
    }

    /** "ok", or "n/9" warm-ups that hit their limit, "+busy" when the JIT was still compiling at the start. */
    private static String jit(RuntimeResult r) {
        long unsettled = r.measurements().values().stream().filter(m -> !m.settled()).count();
        String s = unsettled == 0 ? "" : unsettled + "/" + r.measurements().size();
        if (!r.jitIdle()) {
            s = s.isEmpty() ? "busy" : s + "+busy";
        }
        return s.isEmpty() ? "ok" : s;
    }

    /** "compiled/chunks" over our Jacobians, "?" when the JVM could not tell, "-" when none was built. */
    static String c2(RuntimeResult r) {
        if (r.c2().isEmpty()) {
            return "-";
        }
        if (r.c2().values().stream().anyMatch(c -> !c.known())) {
            return "?";
        }
        int compiled = r.c2().values().stream().mapToInt(RuntimeResult.C2Coverage::compiled).sum();
        int chunks = r.c2().values().stream().mapToInt(RuntimeResult.C2Coverage::chunks).sum();
        return compiled + "/" + chunks;
    }

    private static void line(StringBuilder sb, String header) {
        sb.append(header).append('\n').append("-".repeat(header.length())).append('\n');
    }

    /** A time in ns, with a unit that keeps 3 significant digits readable: 87.2 ns, 12.3 us, 1.05 ms. */
    static String time(double ns) {
        if (Double.isNaN(ns)) {
            return "-";
        }
        String[] units = {"ns", "us", "ms", "s"};
        double v = ns;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.2f %s", v, units[u]);
    }

    /** A ratio with 2–3 significant digits. */
    static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "-";
        }
        return String.format(Locale.ROOT, r >= 100 ? "%.0f" : r >= 10 ? "%.1f" : "%.2f", r);
    }

    private static String number(double v, String format) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
    }
}
