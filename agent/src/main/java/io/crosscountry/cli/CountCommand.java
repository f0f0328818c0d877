package io.crosscountry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.order.OrderFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code crosscountry count TASK --order fwd|rev|markowitz|PATH.json [--mode paper|effective] [--json]}. */
@Command(name = "count", mixinStandardHelpOptions = true,
        description = "Count the multiplications of an elimination order on a task's graph.")
final class CountCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TaskResolver resolver;

    @Option(names = "--order", required = true, paramLabel = "ORDER",
            description = "fwd, rev, markowitz, or a JSON order file (crosscountry's, or a plain list of vertex ids).")
    String order;

    @Option(names = "--mode", defaultValue = "paper", paramLabel = "MODE",
            description = "paper (every product counts; the published numbers) or effective (what generated code executes). Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        CostMode costMode = parseMode(mode);
        TaskResolver.Resolved r = resolver.resolve();
        Graph g = r.trace().graph();
        int[] ids = orderFor(g, order);
        long cost = g.cost(ids, costMode);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.object();
            o.put("task", r.name());
            o.put("order", order);
            o.put("mode", costMode.name().toLowerCase(Locale.ROOT));
            o.put("cost", cost);
            o.put("num_vertices", g.numVertices());
            o.put("num_eliminable", g.eliminable().length);
            out.println(Json.write(o));
        } else {
            out.printf("%s  order=%s  mode=%s  cost=%d  (vertices %d, eliminable %d)%n", r.name(), order,
                    costMode.name().toLowerCase(Locale.ROOT), cost, g.numVertices(), g.eliminable().length);
        }
        out.flush();
        return 0;
    }

    static CostMode parseMode(String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "paper" -> CostMode.PAPER;
            case "effective" -> CostMode.EFFECTIVE;
            default -> throw new IllegalArgumentException("unknown --mode '" + mode + "' (paper or effective)");
        };
    }

    /** The built-in orders by name, else an order file. */
    static int[] orderFor(Graph g, String order) {
        return switch (order) {
            case "fwd" -> g.forwardOrder();
            case "rev" -> g.reverseOrder();
            case "markowitz" -> g.markowitzOrder();
            default -> {
                Path path = Path.of(order);
                if (!Files.isRegularFile(path)) {
                    throw new IllegalArgumentException("--order must be fwd, rev, markowitz or an existing JSON file: " + order);
                }
                yield OrderFiles.readFor(path, g);
            }
        };
    }
}
