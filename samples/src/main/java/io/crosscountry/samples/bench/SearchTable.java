package io.crosscountry.samples.bench;

import io.crosscountry.CrossCountry;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.search.OptimizeOptions;
import io.crosscountry.elimination.search.OptimizeResult;
import io.crosscountry.samples.Sample;
import io.crosscountry.samples.Samples;
import io.crosscountry.samples.parity.Published;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the search results table of the README: per task and cost mode, fwd / rev /
 * min-Markowitz, the published AlphaGrad count, the best order the portfolio finds within the
 * budget, when it was found, and the proven lower bound.
 *
 * <p>Run: {@code java -cp agent/target/crosscountry-agent.jar io.crosscountry.samples.bench.SearchTable
 * [--budget SECONDS] [--modes effective,paper] [--tasks A,B]}.
 */
public final class SearchTable {

    private SearchTable() {
    }

    public static void main(String[] args) {
        double budget = 60;
        List<CostMode> modes = List.of(CostMode.EFFECTIVE, CostMode.PAPER);
        List<String> tasks = Samples.names();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--budget" -> budget = Double.parseDouble(args[++i]);
                case "--modes" -> {
                    List<CostMode> m = new ArrayList<>();
                    for (String s : args[++i].split(",")) {
                        m.add(CostMode.valueOf(s.toUpperCase(Locale.ROOT)));
                    }
                    modes = m;
                }
                case "--tasks" -> tasks = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.printf("budget %.0f s per task and mode, %d threads%n", budget, Runtime.getRuntime().availableProcessors());
        System.out.println("| task | mode | fwd | rev | min-Markowitz | AlphaGrad (published) | ours | vs best baseline | found after (s) | lower bound |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (CostMode mode : modes) {
            for (String name : tasks) {
                Sample s = Samples.get(name);
                Graph g = CrossCountry.graph(s.owner(), s.method(), s.args());
                OptimizeResult r = CrossCountry.optimize(g, Duration.ofMillis((long) (budget * 1000)),
                        OptimizeOptions.defaults().withMode(mode), null);
                long best = Math.min(r.baselines().get("fwd"), Math.min(r.baselines().get("rev"), r.baselines().get("markowitz")));
                String published = mode == CostMode.PAPER
                        ? Published.task(name).flatMap(p -> p.count("alphagrad").isPresent()
                                ? java.util.Optional.of(Long.toString(p.count("alphagrad").getAsLong())) : java.util.Optional.empty())
                                .orElse("-")
                        : "-";
                String bound = r.provenOptimal() ? r.lowerBound().getAsLong() + " (optimal)"
                        : r.lowerBound().isPresent() ? Long.toString(r.lowerBound().getAsLong()) : "-";
                System.out.printf("| %s | %s | %d | %d | %d | %s | **%d** | %+.1f %% | %.1f | %s |%n", name,
                        mode.name().toLowerCase(Locale.ROOT), r.baselines().get("fwd"), r.baselines().get("rev"),
                        r.baselines().get("markowitz"), published, r.cost(), 100.0 * (r.cost() - best) / best,
                        r.secondsToBest(), bound);
            }
        }
    }
}
