package io.crosscountry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscountry.analysis.Trace;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Operand;
import java.io.PrintWriter;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code crosscountry graph TASK [--json]}: the task's computational graph. */
@Command(name = "graph", mixinStandardHelpOptions = true, description = "Print a task's computational graph.")
final class GraphCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TaskResolver resolver;

    @Option(names = "--json", description = "Print one JSON object (pred ids: vertices > 0, inputs -1, -2, ...).")
    boolean json;

    @Override
    public Integer call() {
        TaskResolver.Resolved r = resolver.resolve();
        Graph g = r.trace().graph();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.object();
            o.put("task", r.name());
            o.put("num_inputs", g.numInputs());
            ArrayNode vertices = o.putArray("vertices");
            for (int v = 1; v <= g.numVertices(); v++) {
                ObjectNode vertex = vertices.addObject();
                vertex.put("id", v);
                vertex.put("op", g.op(v).symbol());
                ArrayNode preds = vertex.putArray("preds");
                for (int p : g.predIds(v)) {
                    preds.add(p);
                }
            }
            ArrayNode outputs = o.putArray("outputs");
            for (int v : g.outputs()) {
                outputs.add(v);
            }
            out.println(Json.write(o));
        } else {
            printListing(out, r.name(), r.trace());
        }
        out.flush();
        return 0;
    }

    private static void printListing(PrintWriter out, String name, Trace trace) {
        Graph g = trace.graph();
        List<String> labels = trace.inputLabels();
        out.printf("%s: %d inputs, %d vertices, %d outputs, fingerprint %s%n", name, g.numInputs(), g.numVertices(),
                g.numOutputs(), g.fingerprint());
        out.println("inputs: " + String.join(" ", labels));
        int[] outputs = g.outputs();
        for (int v = 1; v <= g.numVertices(); v++) {
            StringJoiner args = new StringJoiner(", ", g.op(v).symbol() + "(", ")");
            for (Operand o : g.operands(v)) {
                args.add(o.isInput() ? labels.get(o.inputIndex()) : o.toString());
            }
            String marker = "";
            for (int i = 0; i < outputs.length; i++) {
                if (outputs[i] == v) {
                    marker = "   ; OUTPUT " + (i + 1);
                }
            }
            out.printf("#%-4d = %s%s%n", v, args, marker);
        }
    }
}
