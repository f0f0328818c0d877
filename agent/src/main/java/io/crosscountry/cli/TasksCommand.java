package io.crosscountry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscountry.CrossCountry;
import io.crosscountry.elimination.Graph;
import io.crosscountry.samples.Sample;
import io.crosscountry.samples.Samples;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code crosscountry tasks [--json]}: the built-in samples. */
@Command(name = "tasks", mixinStandardHelpOptions = true, description = "List the built-in tasks.")
final class TasksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode root = Json.object();
        ArrayNode tasks = root.putArray("tasks");
        if (!json) {
            out.printf("%-22s %-7s %7s %8s %8s  %s%n", "task", "kind", "inputs", "outputs", "vertices", "method");
        }
        for (Sample s : Samples.all()) {
            Graph g = CrossCountry.graph(s.owner(), s.method(), s.args());
            String kind = s.kind().name().toLowerCase(Locale.ROOT);
            String method = s.owner().getName() + "#" + s.method();
            if (json) {
                ObjectNode t = tasks.addObject();
                t.put("name", s.name());
                t.put("kind", kind);
                t.put("method", method);
                t.put("num_inputs", g.numInputs());
                t.put("num_outputs", g.numOutputs());
                t.put("num_vertices", g.numVertices());
            } else {
                out.printf("%-22s %-7s %7d %8d %8d  %s%n", s.name(), kind, g.numInputs(), g.numOutputs(), g.numVertices(), method);
            }
        }
        if (json) {
            out.println(Json.write(root));
        }
        out.flush();
        return 0;
    }
}
