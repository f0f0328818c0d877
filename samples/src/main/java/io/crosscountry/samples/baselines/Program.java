package io.crosscountry.samples.baselines;

import io.crosscountry.CrossCountry;
import io.crosscountry.analysis.OpValues;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import io.crosscountry.samples.Sample;
import java.util.Arrays;
import java.util.List;

/**
 * A graph compiled once into a compact straight-line program: parallel arrays of {@link Opcode}s,
 * operand slots and literals, which the graph-driven baselines execute per call without allocating
 * anything for the program itself.
 *
 * <p>Slots {@code 0 .. numInputs-1} hold the inputs (flattened parameter order); instruction
 * {@code i} writes slot {@code numInputs + i}. Every graph vertex becomes one instruction, plus a
 * {@link Opcode#ROUND} after a float operation and a {@link Opcode#CONST} for a literal operand of
 * atan2, hypot, max, min, rem, ieee_rem, copysign or nextafter. An operation on literals only is
 * folded into a {@code CONST}. An fma becomes a product and a sum (the baselines round once more than
 * {@code Math.fma}; their derivatives are the same).
 */
public final class Program {

    private final int numInputs;
    // Read directly (never written) by the interpreters in this package, which copy them to locals.
    /** The opcode of each instruction. */
    final int[] code;
    /** The first operand slot of each instruction (0, unused, for {@code CONST}). */
    final int[] a;
    /** The second operand slot of each instruction, or -1. */
    final int[] b;
    /** The literal of each instruction ({@code CONST} and the {@code _K} forms), else 0. */
    final double[] k;
    /** The slot holding each output. */
    final int[] outputs;

    private Program(int numInputs, int[] code, int[] a, int[] b, double[] k, int[] outputs) {
        this.numInputs = numInputs;
        this.code = code;
        this.a = a;
        this.b = b;
        this.k = k;
        this.outputs = outputs;
    }

    /** Traces the sample at its example arguments and compiles the graph. */
    public static Program of(Sample sample) {
        return compile(CrossCountry.graph(sample.owner(), sample.method(), sample.args()));
    }

    /** Compiles a graph. */
    public static Program compile(Graph graph) {
        return new Compiler(graph).compile();
    }

    /** The number of inputs (independents). */
    public int numInputs() {
        return numInputs;
    }

    /** The number of outputs (dependents). */
    public int numOutputs() {
        return outputs.length;
    }

    /** The number of instructions. */
    public int size() {
        return code.length;
    }

    /** The number of slots: inputs plus one per instruction. */
    public int numSlots() {
        return numInputs + code.length;
    }

    /** The slot holding output {@code r}. */
    int output(int r) {
        return outputs[r];
    }

    /** The slot instruction {@code i} writes. */
    int slotOf(int i) {
        return numInputs + i;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Program[inputs=").append(numInputs).append(", outputs=")
                .append(Arrays.toString(outputs)).append("]\n");
        for (int i = 0; i < code.length; i++) {
            sb.append('s').append(slotOf(i)).append(" = ").append(Opcode.name(code[i]));
            if (Opcode.readsA(code[i])) {
                sb.append(" s").append(a[i]);
            }
            if (Opcode.readsB(code[i])) {
                sb.append(" s").append(b[i]);
            }
            if (k[i] != 0.0 || code[i] == Opcode.CONST) {
                sb.append(" k=").append(k[i]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Turns vertices into instructions, in vertex order. */
    private static final class Compiler {
        private final Graph graph;
        private final int[] slotOfVertex;
        private int[] code = new int[16];
        private int[] a = new int[16];
        private int[] b = new int[16];
        private double[] k = new double[16];
        private int size;

        Compiler(Graph graph) {
            this.graph = graph;
            this.slotOfVertex = new int[graph.numVertices() + 1];
        }

        Program compile() {
            for (int v = 1; v <= graph.numVertices(); v++) {
                slotOfVertex[v] = vertex(v);
            }
            int[] outs = graph.outputs();
            for (int r = 0; r < outs.length; r++) {
                outs[r] = slotOfVertex[outs[r]];
            }
            return new Program(graph.numInputs(), Arrays.copyOf(code, size), Arrays.copyOf(a, size),
                    Arrays.copyOf(b, size), Arrays.copyOf(k, size), outs);
        }

        /** Emits vertex {@code v}; returns the slot holding its value. */
        private int vertex(int v) {
            Op op = graph.op(v);
            boolean single = graph.isSinglePrecision(v);
            List<Operand> operands = graph.operands(v);
            Operand x = operands.get(0);
            Operand y = operands.size() > 1 ? operands.get(1) : null;
            if (operands.stream().allMatch(Operand::isLiteral)) {
                double z = operands.size() > 2 ? operands.get(2).literal() : 0.0;
                double value = OpValues.apply(op, single, graph.isStrict(v), x.literal(), y == null ? 0.0 : y.literal(), z);
                return emit(Opcode.CONST, 0, -1, value);
            }
            if (op == Op.FMA) {
                // a product and a sum: one rounding more than Math.fma, the same derivatives (a
                // float fma: the product of floats is exact, the sum rounds to double, then to float)
                int product = operation(Op.MUL, x, y);
                Operand z = operands.get(2);
                int sum = z.isLiteral() ? emit(Opcode.ADD_K, product, -1, z.literal()) : emit(Opcode.ADD, product, slot(z), 0.0);
                return single ? emit(Opcode.ROUND, sum, -1, 0.0) : sum;
            }
            if (op == Op.ULP && single) {
                return emit(Opcode.ULP_F, slot(x), -1, 0.0);      // the float's ulp (a float value)
            }
            if (op == Op.NEXT_AFTER && single) {                   // the float's neighbour (a float value)
                int start = x.isLiteral() ? emit(Opcode.CONST, 0, -1, x.literal()) : slot(x);
                int direction = y.isLiteral() ? emit(Opcode.CONST, 0, -1, y.literal()) : slot(y);
                return emit(Opcode.NEXT_AFTER_F, start, direction, 0.0);
            }
            int slot = operation(op, x, y);
            boolean rounded = op == Op.TO_FLOAT;
            return single && !rounded ? emit(Opcode.ROUND, slot, -1, 0.0) : slot;
        }

        /** Emits a unary ({@code y == null}) or binary operation; returns the slot of its value. */
        private int operation(Op op, Operand x, Operand y) {
            if (y == null) {
                return emit(Opcode.of(op), slot(x), -1, 0.0);
            }
            if (x.isLiteral() && y.isLiteral()) {
                return emit(Opcode.CONST, 0, -1, OpValues.apply(op, false, x.literal(), y.literal()));
            }
            if (x.isLiteral() || y.isLiteral()) {
                int position = x.isLiteral() ? 0 : 1;
                Operand literal = position == 0 ? x : y;
                Operand variable = position == 0 ? y : x;
                int form = Opcode.withLiteral(op, position);
                if (form >= 0) {
                    return emit(form, slot(variable), -1, literal.literal());
                }
                int constant = emit(Opcode.CONST, 0, -1, literal.literal());
                return position == 0 ? emit(Opcode.of(op), constant, slot(y), 0.0) : emit(Opcode.of(op), slot(x), constant, 0.0);
            }
            return emit(Opcode.of(op), slot(x), slot(y), 0.0);
        }

        private int slot(Operand o) {
            return o.isInput() ? o.inputIndex() : slotOfVertex[o.ref()];
        }

        private int emit(int opcode, int first, int second, double literal) {
            if (size == code.length) {
                int n = 2 * size;
                code = Arrays.copyOf(code, n);
                a = Arrays.copyOf(a, n);
                b = Arrays.copyOf(b, n);
                k = Arrays.copyOf(k, n);
            }
            code[size] = opcode;
            a[size] = first;
            b[size] = second;
            k[size] = literal;
            return graph.numInputs() + size++;
        }
    }
}
