package io.crosscountry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscountry.CrossCountry;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.search.OptimizeOptions;
import io.crosscountry.elimination.search.OptimizeResult;
import io.crosscountry.elimination.search.SearchContext;
import io.crosscountry.elimination.search.SearchMethod;
import io.crosscountry.order.OrderFiles;
import io.crosscountry.order.SavedOrder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code crosscountry optimize TASK --budget SECONDS [--mode effective|paper] [--method …] [--out PATH.json] [--json]}:
 * searches for a cheap elimination order with a live progress line on stderr.
 */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = "Search for a cheap elimination order within a time budget (portfolio of heuristics, annealing, beam and exact search).")
final class OptimizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TaskResolver resolver;

    @Option(names = "--budget", required = true, paramLabel = "SECONDS", description = "Wall-clock time to spend.")
    double budget;

    @Option(names = "--mode", defaultValue = "effective", paramLabel = "MODE",
            description = "effective (what generated code executes; default) or paper (the published counting).")
    String mode;

    @Option(names = "--method", defaultValue = "portfolio", paramLabel = "METHOD",
            description = "portfolio (default), policy (the pretrained network played greedily, no search), mcts (policy-guided tree search), heuristic, anneal, beam or exact.")
    String method;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the randomised searches. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "PATH.json", description = "Save the order (with the graph's fingerprint) to this file.")
    Path out;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Duration time = seconds("--budget", budget);
        CostMode costMode = CountCommand.parseMode(mode);
        SearchMethod searchMethod = parseMethod(method);
        TaskResolver.Resolved r = resolver.resolve();
        Graph g = r.trace().graph();
        OptimizeOptions options = OptimizeOptions.defaults().withMode(costMode).withMethod(searchMethod).withSeed(seed);
        if (threads != null) {
            options = options.withThreads(threads);
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        OptimizeResult result = CrossCountry.optimize(g, time, options,
                context -> progress(err, terminal, context));
        if (terminal) {
            err.printf("\r%-78s\r", "");
            err.flush();
        }
        String modeName = costMode.name().toLowerCase(Locale.ROOT);
        if (out != null) {
            OrderFiles.write(out, new SavedOrder(result.fingerprint(), r.name(), modeName, result.cost(), result.method(), result.order()));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.object();
            o.put("task", r.name());
            o.put("mode", modeName);
            o.put("cost", result.cost());
            ArrayNode order = o.putArray("order");
            for (int v : result.order()) {
                order.add(v);
            }
            o.put("method", result.method());
            o.put("seconds", result.seconds());
            o.put("seconds_to_best", result.secondsToBest());
            ObjectNode baselines = o.putObject("baselines");
            result.baselines().forEach(baselines::put);
            if (result.lowerBound().isPresent()) {
                o.put("lower_bound", result.lowerBound().getAsLong());
            } else {
                o.putNull("lower_bound");
            }
            o.put("proven_optimal", result.provenOptimal());
            stdout.println(Json.write(o));
        } else {
            stdout.printf("%s (%s): cost %d by %s after %.1f s of %.1f s%s%n", r.name(), modeName, result.cost(), result.method(),
                    result.secondsToBest(), result.seconds(),
                    result.provenOptimal() ? " — proven optimal" : result.lowerBound().isPresent()
                            ? " — lower bound " + result.lowerBound().getAsLong() : "");
            stdout.printf("baselines: fwd %d, rev %d, min-Markowitz %d%n", result.baselines().get("fwd"),
                    result.baselines().get("rev"), result.baselines().get("markowitz"));
            if (out != null) {
                stdout.println("saved to " + out);
            }
        }
        stdout.flush();
        return 0;
    }

    private static void progress(PrintWriter err, boolean terminal, SearchContext c) {
        String line = String.format("best %d (%s)  bound %s  %.1f s", c.bestCost(), c.bestMethod(),
                c.lowerBound().isPresent() ? Long.toString(c.lowerBound().getAsLong()) : "-", c.elapsedSeconds());
        synchronized (err) {
            if (terminal) {
                err.printf("\r%-78s", line);
            } else {
                err.println(line);
            }
            err.flush();
        }
    }

    /**
     * The {@code seconds} given to {@code option} as a duration.
     *
     * @throws IllegalArgumentException unless {@code seconds} is a non-negative, finite number
     */
    static Duration seconds(String option, double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(option + " must be a non-negative number of seconds: " + seconds);
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    static SearchMethod parseMethod(String method) {
        try {
            return SearchMethod.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --method '" + method + "' (portfolio, policy, mcts, heuristic, anneal, beam or exact)");
        }
    }
}
