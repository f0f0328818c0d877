package io.crosscountry.analysis;

import io.crosscountry.elimination.Graph;
import java.util.List;

/**
 * The result of tracing one method at example arguments: its graph, the guards that fixed its
 * branches, and the concrete values seen.
 *
 * @param graph        the computational graph
 * @param method       the traced method, as {@code owner.name(descriptor)}
 * @param inputLabels  a label per graph input, e.g. {@code "x[2]"}, in flattened parameter order
 * @param guards       the double comparisons that decided branches, in execution order
 * @param vertexValues the value of each vertex at the example arguments (index {@code id - 1})
 * @param outputValues the method's result at the example arguments, flattened
 */
public record Trace(Graph graph, String method, List<String> inputLabels, List<Guard> guards,
                    double[] vertexValues, double[] outputValues) {

    public Trace {
        inputLabels = List.copyOf(inputLabels);
        guards = List.copyOf(guards);
        vertexValues = vertexValues.clone();
        outputValues = outputValues.clone();
    }

    @Override
    public double[] vertexValues() {
        return vertexValues.clone();
    }

    @Override
    public double[] outputValues() {
        return outputValues.clone();
    }
}
