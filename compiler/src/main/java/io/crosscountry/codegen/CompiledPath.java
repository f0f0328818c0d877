package io.crosscountry.codegen;

import io.crosscountry.analysis.GraphEvaluator;
import io.crosscountry.analysis.Guard;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Operand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Generated code for the Jacobian of one traced path (one graph, its guards, one elimination
 * order), made by {@link JacobianCompiler}.
 *
 * <p>{@link #evaluate} runs the forward parts (primal values, guard checks, local partials), and,
 * when every guard holds, the elimination parts, which write every entry of the Jacobian
 * (structural zeros included). Small paths are one kernel that does both and returns early when a
 * guard fails. It allocates nothing.
 * Instances are immutable and thread-safe; each thread needs its own work array.
 */
public final class CompiledPath {

    private final Graph graph;
    private final List<Guard> guards;
    private final int[] order;
    private final JacobianKernel[] forward;
    private final JacobianKernel[] elimination;
    private final int workSize;
    private final List<byte[]> classes;
    private final long eliminationMultiplications;
    private final int largestMethodBound;
    private final int numOutputs;
    private final int numInputs;
    private final JacobianKernel single;        // the one kernel of a path that is one class, else null

    CompiledPath(Graph graph, List<Guard> guards, int[] order, JacobianKernel[] forward, JacobianKernel[] elimination,
                 int workSize, List<byte[]> classes, long eliminationMultiplications,
                 int largestMethodBound) {
        this.graph = graph;
        this.guards = List.copyOf(guards);
        this.order = order.clone();
        this.forward = forward;
        this.elimination = elimination;
        this.workSize = workSize;
        this.classes = List.copyOf(classes);
        this.eliminationMultiplications = eliminationMultiplications;
        this.largestMethodBound = largestMethodBound;
        this.numOutputs = graph.numOutputs();
        this.numInputs = graph.numInputs();
        this.single = forward.length == 1 && elimination.length == 0 ? forward[0] : null;
    }

    /**
     * Computes the Jacobian at {@code x} into {@code J}, unless the call leaves the traced path.
     * The generated code checks the length of each row of {@code J} before it writes the row, so
     * no loop over the rows runs before it.
     *
     * @param x flattened inputs, at least {@link #numInputs()} long
     * @param w a work array of at least {@link #workSize()} elements (contents irrelevant)
     * @param J {@code [numOutputs()][numInputs()]}
     * @return {@code false} when a guard failed; {@code J} is then untouched
     * @throws IllegalArgumentException when {@code J} is not {@code [numOutputs()][numInputs()]}
     *                                  (rows before the wrong one may have been written)
     */
    public boolean evaluate(double[] x, double[] w, double[][] J) {
        if (J == null || J.length != numOutputs) {
            throw wrongShape(J);
        }
        int failed = 0;
        try {
            if (single != null) {
                failed = single.run(x, w, J);
            } else {
                for (JacobianKernel k : forward) {
                    failed |= k.run(x, w, J);
                }
                if (failed == 0) {
                    for (JacobianKernel k : elimination) {
                        failed |= k.run(x, w, J);
                    }
                }
            }
        } catch (NullPointerException e) {
            String problem = shapeProblem(J, numOutputs, numInputs);
            if (problem != null) {
                throw new IllegalArgumentException(problem);  // a null row
            }
            throw e;
        }
        if ((failed & JacobianKernel.WRONG_ROW_LENGTH) != 0) {
            throw wrongShape(J);
        }
        return failed == 0;
    }

    private IllegalArgumentException wrongShape(double[][] J) {
        String problem = shapeProblem(J, numOutputs, numInputs);
        return new IllegalArgumentException(problem != null ? problem
                : "the Jacobian must be " + numOutputs + " rows of " + numInputs + " columns");
    }

    /**
     * What is wrong with {@code J} as a Jacobian of {@code rows} × {@code columns}
     * ({@code double[rows][columns]}), or {@code null} when nothing is.
     */
    public static String shapeProblem(double[][] J, int rows, int columns) {
        if (J == null || J.length != rows) {
            return "the Jacobian must have " + rows + " rows, got " + (J == null ? "null" : J.length);
        }
        for (int i = 0; i < J.length; i++) {
            if (J[i] == null || J[i].length != columns) {
                return "row " + i + " of the Jacobian must have " + columns + " columns, got "
                        + (J[i] == null ? "null" : J[i].length);
            }
        }
        return null;
    }

    /** The first guard that fails at {@code x}, evaluated in Java (for error messages). */
    public Optional<Guard> failedGuard(double[] x) {
        if (guards.isEmpty()) {
            return Optional.empty();
        }
        double[] values = GraphEvaluator.vertexValues(graph, Arrays.copyOf(x, graph.numInputs()));
        for (Guard g : guards) {
            if (!g.holds(read(g.left(), x, values), read(g.right(), x, values))) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    private static double read(Operand o, double[] x, double[] values) {
        if (o.isLiteral()) {
            return o.literal();
        }
        return o.isInput() ? x[o.inputIndex()] : values[o.ref() - 1];
    }

    /** A new work array for {@link #evaluate}. */
    public double[] newWorkArray() {
        return new double[workSize];
    }

    public Graph graph() {
        return graph;
    }

    public List<Guard> guards() {
        return guards;
    }

    /** The elimination order the code follows. */
    public int[] order() {
        return order.clone();
    }

    public int numInputs() {
        return numInputs;
    }

    public int numOutputs() {
        return numOutputs;
    }

    /** The length {@link #evaluate}'s work array needs. */
    public int workSize() {
        return workSize;
    }

    /**
     * The generated class files, forward parts first. Methods named {@code elim…} hold the
     * elimination; their {@code dmul}s are {@link #eliminationMultiplications()}.
     */
    public List<byte[]> classFiles() {
        return classes.stream().map(byte[]::clone).toList();
    }

    /**
     * The classes defined for this path (hidden classes, forward parts first), e.g. to check which
     * of their methods the JIT compiled.
     */
    public List<Class<?>> definedClasses() {
        List<Class<?>> defined = new ArrayList<>();
        for (JacobianKernel k : forward) {
            defined.add(k.getClass());
        }
        for (JacobianKernel k : elimination) {
            defined.add(k.getClass());
        }
        return List.copyOf(defined);
    }

    /** The {@code dmul} instructions emitted for the elimination: the order's EFFECTIVE cost. */
    public long eliminationMultiplications() {
        return eliminationMultiplications;
    }

    /** The largest generated chunk method's bytecode length (every chunk's is at most this). */
    public int largestMethodBound() {
        return largestMethodBound;
    }
}
