package io.crosscountry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscountry.CrossCountry;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.search.LowerBounds;
import io.crosscountry.elimination.search.OptimizeOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crosscountry bound TASK [--mode effective|paper] [--groupings 8/18,…] [--order ORDER | --search S]
 * [--seconds S] [--json]}: certifies a lower bound on every elimination order's cost, with
 * groupings that take longer than {@code optimize} gives its exact search (one line per grouping
 * on stderr as it finishes).
 */
@Command(name = "bound", mixinStandardHelpOptions = true,
        description = "Prove a lower bound on the cost of every elimination order (grouped disjoint-path bounds, no time limit but --seconds).")
final class BoundCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TaskResolver resolver;

    @Option(names = "--mode", defaultValue = "effective", paramLabel = "MODE",
            description = "effective (default) or paper.")
    String mode;

    @Option(names = "--groupings", defaultValue = "4/12,8/18", paramLabel = "L/G,…",
            description = "Groupings to try, each first-pass limit/grown limit (at most 22; above 18 a grouping takes minutes). Default: ${DEFAULT-VALUE}.")
    String groupings;

    @Option(names = "--order", paramLabel = "ORDER",
            description = "A complete order whose costs prune the grouping (fwd, rev, markowitz or a JSON order file; default: what 'optimize' finds in --search seconds). The bound does not depend on it; a cheaper order makes it faster.")
    String order;

    @Option(names = "--search", defaultValue = "10", paramLabel = "S",
            description = "Without --order: seconds of 'optimize' for the order that prunes. Default: ${DEFAULT-VALUE}.")
    double search;

    @Option(names = "--seconds", defaultValue = "900", paramLabel = "S",
            description = "Time to choose the groups of each grouping (those not chosen by then stay smaller). Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("--seconds must be a positive number: " + seconds);
        }
        Duration searchTime = order == null ? OptimizeCommand.seconds("--search", search) : null;
        CostMode costMode = CountCommand.parseMode(mode);
        List<int[]> limits = parseGroupings(groupings);
        TaskResolver.Resolved r = resolver.resolve();
        Graph g = r.trace().graph();
        long fwd = g.cost(g.forwardOrder(), costMode);
        long rev = g.cost(g.reverseOrder(), costMode);
        long markowitz = g.cost(g.markowitzOrder(), costMode);
        int[] known = order != null ? CountCommand.orderFor(g, order)
                : CrossCountry.optimize(g, searchTime,
                        OptimizeOptions.defaults().withMode(costMode), context -> { }).order();
        long knownCost = g.cost(known, costMode);
        long bestBaseline = Math.min(fwd, Math.min(rev, markowitz));
        PrintWriter err = spec.commandLine().getErr();
        long best = 0;
        List<long[]> results = new ArrayList<>(); // {limit, grow limit, bound, millis}
        for (int[] l : limits) {
            long start = System.nanoTime();
            long bound = LowerBounds.groupedRootBound(g, costMode, l[0], l[1], known, start + (long) (seconds * 1e9));
            long millis = (System.nanoTime() - start) / 1_000_000;
            results.add(new long[] {l[0], l[1], bound, millis});
            best = Math.max(best, bound);
            err.printf("grouping %d/%d: bound %d after %.1f s%n", l[0], l[1], bound, millis / 1000.0);
            err.flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        String modeName = costMode.name().toLowerCase(Locale.ROOT);
        if (json) {
            ObjectNode o = Json.object();
            o.put("task", r.name());
            o.put("mode", modeName);
            o.put("lower_bound", best);
            o.put("order_cost", knownCost);
            ObjectNode baselines = o.putObject("baselines");
            baselines.put("fwd", fwd);
            baselines.put("rev", rev);
            baselines.put("markowitz", markowitz);
            o.put("proven_optimal", best >= knownCost);
            ArrayNode rows = o.putArray("groupings");
            for (long[] row : results) {
                ObjectNode x = rows.addObject();
                x.put("group_limit", row[0]);
                x.put("grow_limit", row[1]);
                x.put("lower_bound", row[2]);
                x.put("seconds", row[3] / 1000.0);
            }
            out.println(Json.write(o));
        } else {
            out.printf("%s (%s): every order costs at least %d; the given order costs %d%s%n", r.name(), modeName, best,
                    knownCost, best >= knownCost ? " — proven optimal" : "");
            out.printf("baselines: fwd %d, rev %d, min-Markowitz %d; no order is cheaper than %.1f %% below the best of them%n",
                    fwd, rev, markowitz, 100.0 * (bestBaseline - best) / bestBaseline);
        }
        out.flush();
        return 0;
    }

    /** "4/12,8/18" → {{4, 12}, {8, 18}}. */
    static List<int[]> parseGroupings(String text) {
        List<int[]> r = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] lg = part.trim().split("/");
            try {
                if (lg.length != 2) {
                    throw new NumberFormatException();
                }
                r.add(new int[] {Integer.parseInt(lg[0].trim()), Integer.parseInt(lg[1].trim())});
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--groupings must be a list like 4/12,8/18 (first-pass limit/grown limit): " + text);
            }
        }
        return r;
    }
}
