package io.crosscountry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscountry.CrossCountry;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.EngineBenchmark;
import io.crosscountry.elimination.Graph;
import io.crosscountry.policy.PolicyNetwork;
import io.crosscountry.policy.PolicyWeights;
import io.crosscountry.policy.train.GreedyComparison;
import io.crosscountry.policy.train.TrainingGraph;
import io.crosscountry.samples.Sample;
import io.crosscountry.samples.Samples;
import io.crosscountry.samples.bench.ManyPrograms;
import io.crosscountry.samples.bench.RuntimeHarness;
import io.crosscountry.samples.parity.ParityChart;
import io.crosscountry.samples.parity.ParityReport;
import io.crosscountry.samples.parity.ParityRow;
import io.crosscountry.samples.parity.PublishedTask;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crosscountry bench [--parity | --engine | --runtime | --policy | --many N] [--tasks ...] [--json] [--out DIR]}:
 * the parity table (our counts beside the published ones), the elimination engine's speed, the
 * runtime benchmark of our generated Jacobians against the primal and the baselines
 * ({@link RuntimeBench}), the policy evaluation, or random programs against dual numbers. Without
 * one of these flags, the parity table and then the runtime benchmark, their JSON and charts
 * written to {@code --out} or {@value #DEFAULT_OUT} (the design's contract: "paper table + runtime
 * table; PNG charts to a folder").
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks. Without a mode flag: the parity table, then the runtime benchmark, with both "
                + "tables' JSON and PNG charts written to --out DIR (default " + BenchCommand.DEFAULT_OUT + "). "
                + "--parity: multiplication counts of fwd / rev / min-Markowitz on our graphs, "
                + "the published orders evaluated on our graphs where their ids apply, and the published numbers. "
                + "--engine: random elimination episodes per second on one thread. "
                + "--runtime: time per call of our generated Jacobians (fwd, rev, min-Markowitz, best searched order), the "
                + "primal and the baselines (Hipparchus Gradient and DerivativeStructure, central differences, tape), "
                + "in this JVM, with ratios to the primal and speed-ups; --out DIR also writes runtime.json and runtime.png.")
final class BenchCommand implements Callable<Integer> {

    /** Where {@code bench} without a mode flag writes its JSON and charts unless {@code --out} says otherwise. */
    static final String DEFAULT_OUT = "bench-results";

    @Spec
    CommandSpec spec;

    @Option(names = "--parity", description = "Only the parity table.")
    boolean parity;

    @Option(names = "--engine", description = "Elimination engine speed: random full episodes per second, one thread.")
    boolean engine;

    @Option(names = "--many", paramLabel = "N",
            description = "Compile the Jacobians of N random programs (fwd, rev, min-Markowitz, a random order) and count "
                    + "mismatches against dual numbers and the EFFECTIVE cost (goal: 0); exit 1 on any mismatch.")
    Integer many;

    @Option(names = "--seed", defaultValue = "1", description = "With --many: the first program's seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--policy", description = "The policy network: greedy vs the Markowitz family on a generated test set and "
            + "the samples (EFFECTIVE and PAPER), and policy-guided search vs uniform-prior search vs annealing at equal time.")
    boolean policy;

    @Option(names = "--model", paramLabel = "FILE.ccpn", description = "With --policy: weights to evaluate (default: the shipped model).")
    Path model;

    @Option(names = "--test-graphs", defaultValue = "100", paramLabel = "N",
            description = "With --policy: generated test graphs (never trained on). Default: ${DEFAULT-VALUE}.")
    int testGraphs;

    @Option(names = "--test-max-size", defaultValue = "500", paramLabel = "V",
            description = "With --policy: largest test graph (vertices; sizes log-uniform from 20). Default: ${DEFAULT-VALUE}.")
    int testMaxSize;

    @Option(names = "--search-test-graphs", defaultValue = "10", paramLabel = "N",
            description = "With --policy: test graphs (the first N) also searched at equal time, --search-seconds / 5 each. Default: ${DEFAULT-VALUE}.")
    int searchTestGraphs;

    @Option(names = "--search-seconds", defaultValue = "10", paramLabel = "S",
            description = "With --policy: seconds per search method and task (one thread). Default: ${DEFAULT-VALUE}.")
    double searchSeconds;

    @Option(names = "--runtime", description = "The runtime benchmark (default tasks: the 10 paper tasks).")
    boolean runtime;

    @Option(names = "--seconds", paramLabel = "S",
            description = "With --engine: measuring time per task (after a warm-up of half as long), default 2. "
                    + "With --runtime: measuring time per method and task, split over the rounds, default 1.")
    Double seconds;

    @Option(names = "--warmup", defaultValue = "1", paramLabel = "S",
            description = "With --runtime: least warm-up per method (and at least 10,000 calls); it goes on until the JIT "
                    + "settles. Default: ${DEFAULT-VALUE}.")
    double warmup;

    @Option(names = "--max-warmup", defaultValue = "10", paramLabel = "S",
            description = "With --runtime: longest warm-up per method, when the JIT does not settle sooner. "
                    + "Default: ${DEFAULT-VALUE}.")
    double maxWarmup;

    @Option(names = "--rounds", defaultValue = "10", paramLabel = "N",
            description = "With --runtime: measurement rounds; the time reported is their median. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--search", defaultValue = "3", paramLabel = "S",
            description = "With --runtime: seconds of order search (CrossCountry.optimize, EFFECTIVE) for 'best'. "
                    + "Default: ${DEFAULT-VALUE}.")
    double search;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write the JSON and the PNG chart of each table: DIR/parity.json and DIR/parity.png "
                    + "(parity), DIR/runtime.json and DIR/runtime.png (runtime). Without a mode flag the default is "
                    + DEFAULT_OUT + ".")
    Path outDir;

    @Option(names = "--mode", defaultValue = "effective", paramLabel = "MODE",
            description = "With --engine: the cost mode counted (paper or effective). Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--tasks", split = ",", paramLabel = "TASK",
            description = "Only these tasks (comma-separated): sample names or fully.qualified.Class#method.")
    List<String> tasks;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH",
            description = "Where to find the Class#method tasks (directories and jars, separated by the platform path separator).")
    String classpath;

    @Option(names = "--args", paramLabel = "JSON",
            description = "Example arguments of the one Class#method task, as a JSON list (else its class's static "
                    + "Object[] exampleArgs()).")
    String argsJson;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (runtime && (parity || engine)) {
            throw new ParameterException(spec.commandLine(), "--runtime cannot be combined with --parity or --engine");
        }
        if (outDir != null && (engine || policy || many != null)) {
            throw new ParameterException(spec.commandLine(), "--out writes the parity and runtime tables; it does not apply to "
                    + (engine ? "--engine" : policy ? "--policy" : "--many"));
        }
        if (argsJson != null && (tasks == null || tasks.stream().filter(t -> t.contains("#")).count() != 1)) {
            throw new ParameterException(spec.commandLine(), "--args needs exactly one Class#method task in --tasks");
        }
        List<Sample> samples = new ArrayList<>();
        if (tasks == null || tasks.isEmpty()) {
            samples.addAll(Samples.all());
        } else {
            for (String t : tasks) {
                samples.add(TaskResolver.sample(t, classpath, argsJson));
            }
        }
        // the runtime benchmark times the paper's tasks, not the warm-up functions, unless they are named
        List<Sample> timed = tasks == null || tasks.isEmpty()
                ? samples.stream().filter(s -> s.kind() != Sample.Kind.WARMUP).toList()
                : samples;
        if (many != null) {
            return many();
        }
        if (engine) {
            return engine(samples);
        }
        if (policy) {
            return policy(samples);
        }
        if (runtime) {
            return runtime(timed, null);
        }
        if (!parity) {
            // no mode flag: the parity table, then the runtime benchmark; the contract's "PNG charts to a folder"
            if (outDir == null) {
                outDir = Path.of(DEFAULT_OUT);
            }
            return runtime(timed, samples);
        }
        List<ParityRow> rows = parityRows(samples);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.write(toJson(rows)) + System.lineSeparator() : table(rows));
        out.flush();
        return 0;
    }

    /** The parity rows of these samples (with progress); also written to {@code --out}, if given. */
    private List<ParityRow> parityRows(List<Sample> samples) throws IOException {
        Progress progress = new Progress(spec.commandLine().getErr(), samples.size());
        List<ParityRow> rows = new ArrayList<>();
        for (Sample s : samples) {
            progress.step(s.name());
            rows.add(ParityReport.row(s));
        }
        progress.done();
        if (outDir != null) {
            spec.commandLine().getErr().println("wrote " + writeParity(rows, outDir));
        }
        return rows;
    }

    /** Writes DIR/parity.json and the chart DIR/parity.png. */
    static List<Path> writeParity(List<ParityRow> rows, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path jsonFile = dir.resolve("parity.json");
        Json.writeFile(jsonFile, toJson(rows));
        Path png = dir.resolve("parity.png");
        ParityChart.write(rows, png);
        return List.of(jsonFile, png);
    }

    private int policy(List<Sample> samples) {
        PolicyWeights w = model != null ? PolicyWeights.read(model) : PolicyBench.shipped().get();
        PrintWriter err = spec.commandLine().getErr();
        PolicyBench bench = new PolicyBench(w, err);
        ObjectNode root = Json.object();
        root.put("model", model != null ? model.toString() : PolicyNetwork.DEFAULT_RESOURCE);
        root.put("parameters", w.parameterCount());
        StringBuilder text = new StringBuilder();
        List<Sample> real = samples.stream().filter(s -> s.kind() != Sample.Kind.WARMUP).toList();
        for (CostMode m : List.of(CostMode.EFFECTIVE, CostMode.PAPER)) {
            String mode = m.name().toLowerCase(Locale.ROOT);
            bench.note("greedy policy on " + testGraphs + " test graphs (" + mode + ") ...");
            List<GreedyComparison.Row> test = bench.greedyOnTestSet(testGraphs, 20, testMaxSize, m);
            var summary = GreedyComparison.summarize(test);
            text.append(PolicyBench.summaryLine("greedy, test set, " + mode, summary)).append('\n');
            ObjectNode t = root.putObject("greedy_test_" + mode);
            t.set("summary", PolicyBench.summaryJson(summary));
            t.set("rows", PolicyBench.rowsJson(test));
            bench.note("greedy policy on the samples (" + mode + ") ...");
            List<GreedyComparison.Row> rows = bench.greedyOnSamples(real, m);
            var s2 = GreedyComparison.summarize(rows);
            text.append(PolicyBench.summaryLine("greedy, samples, " + mode, s2)).append('\n');
            for (var r : rows) {
                text.append(String.format(Locale.ROOT, "    %-22s %6d vertices  policy %7d  min-Markowitz %7d  best heuristic %7d%n",
                        r.name(), r.vertices(), r.policy(), r.markowitz(), r.familyBest()));
            }
            ObjectNode sj = root.putObject("greedy_samples_" + mode);
            sj.set("summary", PolicyBench.summaryJson(s2));
            sj.set("rows", PolicyBench.rowsJson(rows));
        }
        if (searchSeconds > 0) {
            ArrayNode search = root.putArray("search");
            text.append(String.format("search at equal time (%.0f s each, one thread): mcts(network) / mcts(network, no polish) / mcts(uniform prior, same rollouts) / anneal [published AlphaGrad]%n", searchSeconds));
            for (Sample s : real) {
                if (s.kind() != Sample.Kind.SCALAR) {
                    continue;
                }
                Graph g = CrossCountry.graph(s.owner(), s.method(), s.args());
                for (CostMode m : List.of(CostMode.EFFECTIVE, CostMode.PAPER)) {
                    bench.note("search on " + s.name() + " (" + m.name().toLowerCase(Locale.ROOT) + ") ...");
                    PolicyBench.SearchRow r = bench.searchAtEqualTime(s.name(), g, m, searchSeconds, seed);
                    search.add(PolicyBench.searchJson(r));
                    text.append(String.format(Locale.ROOT, "    %-22s %-9s %6d / %6d / %6d / %6d%s%n", r.task(), r.mode(), r.network(),
                            r.networkNoPolish(), r.uniform(), r.anneal(), r.alphagrad().isPresent() ? "  [" + r.alphagrad().getAsLong() + "]" : ""));
                }
            }
        }
        if (searchSeconds > 0 && searchTestGraphs > 0) {
            double each = searchSeconds / 5;
            ArrayNode rows = root.putArray("search_test");
            double[] sums = new double[4];
            int n = 0;
            for (CostMode m : List.of(CostMode.EFFECTIVE, CostMode.PAPER)) {
                for (TrainingGraph tg : bench.testGraphs(searchTestGraphs, 20, testMaxSize)) {
                    bench.note("search on " + tg.name() + " (" + m.name().toLowerCase(Locale.ROOT) + ") ...");
                    PolicyBench.SearchRow r = bench.searchAtEqualTime(tg.name(), tg.graph(), m, each, seed);
                    long mk = tg.graph().cost(tg.graph().markowitzOrder(), m);
                    ObjectNode o = PolicyBench.searchJson(r);
                    o.put("markowitz", mk);
                    rows.add(o);
                    sums[0] += GreedyComparison.ratio(r.network(), mk);
                    sums[1] += GreedyComparison.ratio(r.uniform(), mk);
                    sums[2] += GreedyComparison.ratio(r.anneal(), mk);
                    sums[3] += GreedyComparison.ratio(r.networkNoPolish(), mk);
                    n++;
                }
            }
            text.append(String.format(Locale.ROOT,
                    "search at equal time on %d test graphs × 2 modes (%.1f s each): mean cost / min-Markowitz: mcts(network) %.3f, "
                            + "mcts(network, no polish) %.3f, mcts(uniform) %.3f, anneal %.3f%n", searchTestGraphs, each, sums[0] / n,
                    sums[3] / n, sums[1] / n, sums[2] / n));
            ObjectNode summary = root.putObject("search_test_summary");
            summary.put("graphs", n);
            summary.put("seconds_each", each);
            summary.put("mean_ratio_mcts_network", sums[0] / n);
            summary.put("mean_ratio_mcts_network_no_polish", sums[3] / n);
            summary.put("mean_ratio_mcts_uniform", sums[1] / n);
            summary.put("mean_ratio_anneal", sums[2] / n);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.write(root) + System.lineSeparator() : text.toString());
        out.flush();
        return 0;
    }

    private int many() {
        if (many < 1) {
            throw new IllegalArgumentException("--many needs a positive number of programs: " + many);
        }
        int step = Math.max(1, many / 100);                 // a progress line per step programs, and the last
        Progress progress = new Progress(spec.commandLine().getErr(), many / step + (many % step == 0 ? 0 : 1));
        ManyPrograms.Result r = ManyPrograms.run(many, seed, done -> {
            if (done % step == 0 || done == many) {
                progress.step(done + " programs");
            }
        });
        progress.done();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.object();
            ObjectNode m = o.putObject("many");
            m.put("programs", r.programs());
            m.put("jacobians", r.jacobians());
            m.put("mismatches", r.mismatches());
            m.put("seconds", r.seconds());
            ArrayNode examples = m.putArray("examples");
            r.examples().forEach(examples::add);
            out.println(Json.write(o));
        } else {
            out.printf("%d random programs, %d Jacobians (fwd, rev, min-Markowitz, random order): %d mismatches in %.1f s%n",
                    r.programs(), r.jacobians(), r.mismatches(), r.seconds());
            r.examples().forEach(e -> out.println("  " + e));
        }
        out.flush();
        return r.mismatches() == 0 ? 0 : 1;
    }

    private int engine(List<Sample> samples) {
        CostMode costMode = CountCommand.parseMode(mode);
        Progress progress = new Progress(spec.commandLine().getErr(), samples.size());
        ObjectNode root = Json.object();
        ArrayNode array = root.putArray("engine");
        StringBuilder table = new StringBuilder(String.format("%-22s %8s %14s %16s%n", "task", "vertices", "episodes/s", "eliminations/s"));
        for (Sample s : samples) {
            progress.step(s.name());
            Graph g = CrossCountry.graph(s.owner(), s.method(), s.args());
            double engineSeconds = seconds == null ? 2.0 : seconds;
            EngineBenchmark.Result r = EngineBenchmark.run(g, costMode, engineSeconds / 2, engineSeconds, 1L);
            ObjectNode o = array.addObject();
            o.put("task", s.name());
            o.put("mode", costMode.name().toLowerCase(Locale.ROOT));
            o.put("num_vertices", g.numVertices());
            o.put("episodes_per_s", r.episodesPerSecond());
            o.put("eliminations_per_s", r.eliminationsPerSecond());
            table.append(String.format("%-22s %8d %14.0f %16.0f%n", s.name(), g.numVertices(), r.episodesPerSecond(),
                    r.eliminationsPerSecond()));
        }
        progress.done();
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.write(root) + System.lineSeparator() : table);
        out.flush();
        return 0;
    }

    /**
     * The runtime benchmark; with {@code paritySamples} (no mode flag), printed after their parity
     * table, or in one JSON object with it: {@code parity} beside the runtime benchmark's
     * {@code runtime} and {@code summary}. The parity rows, which need no timing, are computed
     * after it, so that the timing starts in a JVM that has done nothing else.
     */
    private int runtime(List<Sample> samples, List<Sample> paritySamples) throws IOException {
        RuntimeHarness.Settings settings;
        try {
            settings = new RuntimeHarness.Settings(warmup, maxWarmup, seconds == null ? 1.0 : seconds, rounds);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!(search > 0)) {
            throw new ParameterException(spec.commandLine(), "--search must be positive, got " + search);
        }
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, RuntimeBench.progressSteps(samples.size()));
        RuntimeBench.Report report = RuntimeBench.run(samples, settings, search, progress);
        progress.done();
        List<ParityRow> parityRows = paritySamples == null ? null : parityRows(paritySamples);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = parityRows == null ? Json.object() : toJson(parityRows);
            root.setAll(RuntimeBench.json(report));
            out.print(Json.write(root) + System.lineSeparator());
        } else {
            out.print(parityRows == null ? RuntimeTable.of(report) : table(parityRows) + System.lineSeparator() + RuntimeTable.of(report));
        }
        out.flush();
        if (outDir != null) {
            err.println("wrote " + RuntimeBench.write(report, outDir));
        }
        if (report.anyFailure()) {
            err.println("error: some methods compute a Jacobian that differs from the dual numbers and were not timed"
                    + " (see 'failures')");
            err.flush();
            return 1;
        }
        err.flush();
        return 0;
    }

    static ObjectNode toJson(List<ParityRow> rows) {
        ObjectNode root = Json.object();
        ArrayNode array = root.putArray("parity");
        for (ParityRow r : rows) {
            ObjectNode o = array.addObject();
            o.put("task", r.task());
            o.put("kind", r.kind());
            o.put("num_inputs", r.numInputs());
            o.put("num_outputs", r.numOutputs());
            o.put("num_vertices", r.numVertices());
            o.put("num_eliminable", r.numEliminable());
            ObjectNode paper = o.putObject("paper");
            paper.put("fwd", r.fwd());
            paper.put("rev", r.rev());
            paper.put("markowitz", r.markowitz());
            ObjectNode effective = o.putObject("effective");
            effective.put("fwd", r.effectiveFwd());
            effective.put("rev", r.effectiveRev());
            effective.put("markowitz", r.effectiveMarkowitz());
            if (r.publishedAlphagradOnOurs().isPresent()) {
                ObjectNode on = o.putObject("published_orders_on_ours");
                on.put("alphagrad", r.publishedAlphagradOnOurs().getAsLong());
                on.put("markowitz", r.publishedMarkowitzOnOurs().getAsLong());
                on.put("markowitz_order_identical", r.markowitzOrderIdentical().orElse(false));
            } else {
                o.putNull("published_orders_on_ours");
            }
            if (r.published().isPresent()) {
                PublishedTask p = r.published().get();
                ObjectNode pub = o.putObject("published");
                for (String key : List.of("fwd", "rev", "markowitz", "alphagrad")) {
                    p.count(key).ifPresent(v -> pub.put(key, v));
                }
                ArrayNode confirmed = pub.putArray("confirmed");
                p.confirmed().forEach(confirmed::add);
                ObjectNode recomputed = pub.putObject("recomputed_on_listing_graph");
                p.recomputed().forEach(recomputed::put);
            } else {
                o.putNull("published");
            }
        }
        return root;
    }

    static String table(List<ParityRow> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("Multiplications. fwd/rev/mkwitz: PAPER mode on our graphs; 'AG on ours': the published AlphaGrad order on our graph\n")
                .append("(where ids apply); 'mk order': our min-Markowitz order vs the published one; pub: published numbers; eff: EFFECTIVE mode.\n");
        String header = String.format("%-22s %-7s %6s | %7s %7s %7s | %10s %9s | %7s %7s %7s %7s | %7s %7s %7s%n",
                "task", "kind", "verts", "fwd", "rev", "mkwitz", "AG on ours", "mk order",
                "pub fwd", "pub rev", "pub mk", "pub AG", "eff fwd", "eff rev", "eff mk");
        sb.append(header);
        sb.append("-".repeat(header.length() - 1)).append('\n');
        for (ParityRow r : rows) {
            OptionalLong ag = r.publishedAlphagradOnOurs();
            String identical = r.markowitzOrderIdentical().map(b -> b ? "same" : "differs").orElse("n/a");
            PublishedTask p = r.published().orElse(null);
            sb.append(String.format("%-22s %-7s %6d | %7d %7d %7d | %10s %9s | %7s %7s %7s %7s | %7d %7d %7d%n",
                    r.task(), r.kind(), r.numVertices(), r.fwd(), r.rev(), r.markowitz(),
                    ag.isPresent() ? Long.toString(ag.getAsLong()) : "n/a", identical,
                    pub(p, "fwd"), pub(p, "rev"), pub(p, "markowitz"), pub(p, "alphagrad"),
                    r.effectiveFwd(), r.effectiveRev(), r.effectiveMarkowitz()));
        }
        return sb.toString();
    }

    private static String pub(PublishedTask p, String key) {
        if (p == null) {
            return "-";
        }
        OptionalLong v = p.count(key);
        return v.isPresent() ? Long.toString(v.getAsLong()) : "-";
    }
}
