package io.crosscountry.analysis;

import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Operand;

/** Evaluates a graph's primal values: the straight-line program the graph describes. */
public final class GraphEvaluator {

    private GraphEvaluator() {
    }

    /**
     * The value of every vertex (index {@code id - 1}) at these inputs.
     *
     * @param inputs one value per graph input, in flattened parameter order
     */
    public static double[] vertexValues(Graph graph, double[] inputs) {
        if (inputs.length != graph.numInputs()) {
            throw new IllegalArgumentException("graph has " + graph.numInputs() + " inputs, got " + inputs.length);
        }
        double[] values = new double[graph.numVertices()];
        for (int v = 1; v <= graph.numVertices(); v++) {
            var operands = graph.operands(v);
            double a = read(operands.get(0), inputs, values);
            double b = operands.size() > 1 ? read(operands.get(1), inputs, values) : 0.0;
            double c = operands.size() > 2 ? read(operands.get(2), inputs, values) : 0.0;
            values[v - 1] = OpValues.apply(graph.op(v), graph.isSinglePrecision(v), graph.isStrict(v), a, b, c);
        }
        return values;
    }

    /** The outputs, in return order, at these inputs. */
    public static double[] outputs(Graph graph, double[] inputs) {
        double[] values = vertexValues(graph, inputs);
        int[] outs = graph.outputs();
        double[] result = new double[outs.length];
        for (int i = 0; i < outs.length; i++) {
            result[i] = values[outs[i] - 1];
        }
        return result;
    }

    private static double read(Operand o, double[] inputs, double[] values) {
        if (o.isLiteral()) {
            return o.literal();
        }
        return o.isInput() ? inputs[o.inputIndex()] : values[o.ref() - 1];
    }
}
