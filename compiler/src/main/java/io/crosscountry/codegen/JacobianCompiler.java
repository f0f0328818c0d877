package io.crosscountry.codegen;

import io.crosscountry.analysis.Guard;
import io.crosscountry.analysis.Trace;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.InvalidOrderException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Generates the exact Jacobian of a traced method for a given vertex-elimination order.
 *
 * <p>The generated code computes the primal values the partials need (bit for bit like the
 * method), re-checks the trace's guards, computes each edge's local partial once
 * ({@link Partials}; constant partials are folded into the code), performs the eliminations in
 * order with the semantics of the cost model (its {@code dmul}s equal
 * {@code graph.cost(order, CostMode.EFFECTIVE)}), and writes {@code J[output][input]}. The code is
 * straight-line, split into methods below HotSpot's JIT size limit and classes below the
 * constant-pool limit (see {@link Backend}), and defined as hidden classes
 * ({@link #compile}) or returned as ordinary class files ({@link #generateClasses}).
 */
public final class JacobianCompiler {

    private JacobianCompiler() {
    }

    /**
     * Compiles the Jacobian of {@code trace}'s path with elimination {@code order}.
     *
     * @throws InvalidOrderException unless {@code order} is a permutation of the graph's eliminable
     *                               vertices
     */
    public static CompiledPath compile(Trace trace, int[] order) {
        Objects.requireNonNull(trace, "trace");
        return compile(trace.graph(), trace.guards(), order);
    }

    /** Compiles a graph without guards (e.g. one built with {@link Graph#builder}). */
    public static CompiledPath compile(Graph graph, int[] order) {
        return compile(graph, List.of(), order);
    }

    /** Compiles {@code graph}, re-checking {@code guards}, with elimination {@code order}. */
    public static CompiledPath compile(Graph graph, List<Guard> guards, int[] order) {
        return compile(graph, guards, order, Backend.Limits.DEFAULT);
    }

    static CompiledPath compile(Graph graph, List<Guard> guards, int[] order, Backend.Limits limits) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(guards, "guards");
        Program program = Lowering.lower(graph, guards, order);
        Backend.Output out = generate(program, limits, i -> Backend.CLASS_NAME);
        List<byte[]> classes = new ArrayList<>(out.forwardClasses());
        classes.addAll(out.eliminationClasses());
        return new CompiledPath(graph, guards, order, define(out.forwardClasses()), define(out.eliminationClasses()),
                out.workSize(), classes, out.eliminationDmuls(), out.largestMethod());
    }

    /**
     * Generates the Jacobian of {@code trace}'s path with elimination {@code order} as ordinary
     * class files, to be written next to user code (build-time processing), instead of defining
     * hidden classes. Class {@code i} is named {@code internalNamePrefix + i} (forward classes
     * first); each implements {@link JacobianKernel} and has a public no-argument constructor.
     * Running the forward kernels, then (when no guard failed) the elimination kernels, on
     * {@code x}, a work array and {@code J} does what {@link CompiledPath#evaluate} does.
     *
     * @param internalNamePrefix e.g. {@code "com/acme/Flux$$CrossCountry$jac$"} (the classes are
     *                           public; build-time processing puts them next to the stub's class)
     * @throws InvalidOrderException unless {@code order} is a permutation of the graph's eliminable
     *                               vertices
     */
    public static GeneratedClasses generateClasses(Trace trace, int[] order, String internalNamePrefix) {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(internalNamePrefix, "internalNamePrefix");
        Program program = Lowering.lower(trace.graph(), trace.guards(), order);
        Backend.Output out = generate(program, Backend.Limits.DEFAULT, i -> internalNamePrefix + i);
        List<byte[]> classes = new ArrayList<>(out.forwardClasses());
        classes.addAll(out.eliminationClasses());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            names.add(internalNamePrefix + i);
        }
        return new GeneratedClasses(names, classes, out.forwardClasses().size(), program.numInputs(),
                program.numOutputs(), out.workSize(), out.eliminationDmuls());
    }

    private static Backend.Output generate(Program program, Backend.Limits limits, IntFunction<String> className) {
        Backend.Output out = Backend.generate(program, limits, className);
        if (out.eliminationDmuls() != program.eliminationMultiplies()) {
            throw new IllegalStateException("emitted " + out.eliminationDmuls() + " elimination dmuls, expected "
                    + program.eliminationMultiplies());
        }
        return out;
    }

    private static JacobianKernel[] define(List<byte[]> classFiles) {
        JacobianKernel[] kernels = new JacobianKernel[classFiles.size()];
        for (int i = 0; i < kernels.length; i++) {
            try {
                MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(classFiles.get(i), true);
                kernels[i] = (JacobianKernel) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class))
                        .invoke();
            } catch (Throwable e) {
                throw new IllegalStateException("cannot define generated class: " + e, e);
            }
        }
        return kernels;
    }
}
