package io.crosscountry;

import io.crosscountry.analysis.Guard;
import io.crosscountry.analysis.Trace;
import io.crosscountry.codegen.CompiledPath;
import io.crosscountry.codegen.JacobianCompiler;
import io.crosscountry.elimination.Graph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The exact Jacobian of a {@code @Differentiable} method, compiled to bytecode for one elimination
 * order ({@link CrossCountry#jacobian}).
 *
 * <p>{@code J[i][k]} is the derivative of output {@code i} with respect to input {@code k}, outputs
 * and inputs flattened like the analysis: {@code double}/{@code float} parameters and the elements
 * of {@code double[]}, {@code float[]}, {@code double[][]}, {@code float[][]} parameters, in
 * parameter order.
 *
 * <p><b>Arguments.</b> Array lengths and every non-differentiable parameter ({@code int},
 * {@code long}, {@code boolean}, other objects) are part of the trace: they must equal the
 * example arguments ({@code Objects.deepEquals}; integral numbers by value), else
 * {@link IllegalArgumentException}.
 *
 * <p><b>Paths.</b> Branches on doubles were decided by the example arguments and recorded as
 * guards; the generated code re-checks them. When a call takes another path, the method is
 * retraced at the call's arguments and that path compiled too (compiled paths are cached, at most
 * {@value #MAX_PATHS}); an explicit {@link Order#of(int...)} is used on a new path when it is valid
 * there, else {@link Order#AUTO}. With {@link #withRetracing(boolean) retracing disabled} such a call
 * throws {@link PathChangedException} naming the comparison's method and line. A path that returns
 * a different number of outputs also throws {@link PathChangedException}.
 *
 * <p><b>Allocation.</b> {@link #applyInto} and {@link #applyFlatInto} allocate nothing once warm:
 * arguments are flattened into a per-thread buffer (flat inputs are read in place), the generated code works in a per-thread work array (both thread-locals of this
 * Jacobian), and the result goes into the caller's array. Only a path change (retracing) allocates.
 * Instances are thread-safe.
 */
public final class CompiledJacobian {

    /** The most paths compiled and cached for one Jacobian. */
    public static final int MAX_PATHS = 32;

    /** The state shared by the views with and without retracing. */
    private static final class Shared {
        final Class<?> owner;
        final String method;
        final Order order;
        final Arguments arguments;
        final int numOutputs;
        final ThreadLocal<Buffers> buffers;
        Buffers first;                              // the first calling thread's buffers (a fast path for it)
        volatile CompiledPath[] paths;              // [0]: the path traced at the example arguments
        volatile CompiledPath hot;                  // the path that last fitted

        Shared(Class<?> owner, String method, Order order, Trace trace, CompiledPath first, Object[] example) {
            this.owner = owner;
            this.method = method;
            this.order = order;
            this.arguments = new Arguments(trace.method(), example);
            this.numOutputs = first.numOutputs();
            this.paths = new CompiledPath[] {first};
            this.hot = first;
            int n = arguments.numInputs();
            this.buffers = ThreadLocal.withInitial(() -> new Buffers(Thread.currentThread(), n, hot.workSize()));
        }
    }

    /**
     * One thread's buffers: the flattened inputs {@code x} and the work array, tagged with the
     * thread (its final fields make it safe to publish through a plain field; only its thread
     * reads or replaces {@code w}).
     */
    private static final class Buffers {
        final Thread thread;
        final double[] x;
        private double[] w;

        Buffers(Thread thread, int numInputs, int workSize) {
            this.thread = thread;
            this.x = new double[numInputs];
            this.w = new double[workSize];
        }

        /** The work array, grown when {@code path} needs a longer one. */
        double[] work(CompiledPath path) {
            double[] a = w;
            if (a.length < path.workSize()) {
                a = new double[path.workSize()];
                w = a;
            }
            return a;
        }
    }

    private final Shared shared;
    private final boolean retracing;

    CompiledJacobian(Class<?> owner, String method, Order order, Trace trace, CompiledPath first, Object[] example) {
        this(new Shared(owner, method, order, trace, first, example), true);
    }

    private CompiledJacobian(Shared shared, boolean retracing) {
        this.shared = shared;
        this.retracing = retracing;
    }

    /** The Jacobian at {@code args}, in a new {@code double[numOutputs()][numInputs()]}. */
    public double[][] apply(Object... args) {
        double[][] j = new double[numOutputs()][numInputs()];
        applyInto(j, args);
        return j;
    }

    /**
     * Writes the Jacobian at {@code args} into {@code J}, which must be
     * {@code double[numOutputs()][numInputs()]}; every entry is written. (The generated code checks
     * each row's length before it writes the row, so when a row is wrong, the rows before it may
     * have been written when the exception is thrown.)
     *
     * @throws IllegalArgumentException when {@code J} or the arguments have the wrong shape
     * @throws PathChangedException     when {@code args} take another path and retracing is disabled
     */
    public void applyInto(double[][] J, Object... args) {
        Buffers buffers = buffers();
        double[] x = buffers.x;
        shared.arguments.flatten(args, x);
        CompiledPath hot = shared.hot;
        if (hot.evaluate(x, buffers.work(hot), J)) {
            return;
        }
        otherPath(J, args, buffers, hot);
    }

    /**
     * Writes the Jacobian at the flattened {@code inputs} into {@code J}: the fastest entry, for
     * callers that hold their point as one {@code double[]} (a solver's iterate). {@code inputs}
     * are the method's differentiable arguments flattened like the analysis (see the class
     * comment), {@link #numInputs()} long, read in place (inputs of {@code float} parameters rounded
     * to float, as {@link #applyInto} does); the method's other arguments and its array
     * shapes are the example arguments'. Otherwise like {@link #applyInto}: every entry of
     * {@code J} is written, nothing is allocated once warm, and a call on another path retraces
     * (at the example's shapes and concrete arguments, with these inputs) or throws
     * {@link PathChangedException}.
     *
     * @throws IllegalArgumentException when {@code J} or {@code inputs} has the wrong shape
     * @throws PathChangedException     when {@code inputs} take another path and retracing is disabled
     */
    public void applyFlatInto(double[][] J, double[] inputs) {
        if (inputs == null || inputs.length != numInputs()) {
            throw new IllegalArgumentException("the inputs must be " + numInputs() + " values, got "
                    + (inputs == null ? "null" : inputs.length));
        }
        Buffers buffers = buffers();
        double[] x = shared.arguments.flatInputs(inputs, buffers.x);
        CompiledPath hot = shared.hot;
        if (hot.evaluate(x, buffers.work(hot), J)) {
            return;
        }
        if (x != buffers.x) {
            System.arraycopy(x, 0, buffers.x, 0, x.length);
        }
        otherPath(J, shared.arguments.unflatten(buffers.x), buffers, hot);
    }

    /** The Jacobian at the flattened {@code inputs} ({@link #applyFlatInto}), in a new array. */
    public double[][] applyFlat(double[] inputs) {
        double[][] j = new double[numOutputs()][numInputs()];
        applyFlatInto(j, inputs);
        return j;
    }

    /**
     * This thread's buffers: the thread-local ones, reached without a thread-local lookup by the
     * first thread that calls (the usual single-threaded caller).
     */
    private Buffers buffers() {
        Buffers first = shared.first;
        if (first != null && first.thread == Thread.currentThread()) {
            return first;
        }
        Buffers mine = shared.buffers.get();
        if (first == null) {
            shared.first = mine;
        }
        return mine;
    }

    private void otherPath(double[][] J, Object[] args, Buffers buffers, CompiledPath failed) {
        if (tryCompiled(J, buffers, failed)) {
            return;
        }
        if (!retracing) {
            throw pathChanged(failed, buffers.x);
        }
        synchronized (shared) {
            if (tryCompiled(J, buffers, failed)) {          // compiled meanwhile by another thread
                return;
            }
            CompiledPath path = compileAt(args);
            if (!path.evaluate(buffers.x, buffers.work(path), J)) {
                throw new IllegalStateException("the path retraced at these arguments fails its own guards");
            }
            shared.hot = path;
        }
    }

    private boolean tryCompiled(double[][] J, Buffers buffers, CompiledPath failed) {
        for (CompiledPath p : shared.paths) {
            if (p != failed && p.evaluate(buffers.x, buffers.work(p), J)) {
                shared.hot = p;
                return true;
            }
        }
        return false;
    }

    private CompiledPath compileAt(Object[] args) {
        {
            Trace trace = CrossCountry.trace(shared.owner, shared.method, args);
            Graph g = trace.graph();
            if (g.numOutputs() != shared.numOutputs) {
                throw new PathChangedException(shared.method + " returns " + g.numOutputs() + " values on the path taken at"
                        + " these arguments, not " + shared.numOutputs, trace.method(), -1);
            }
            int[] order;
            try {
                order = shared.order.resolve(g);
            } catch (RuntimeException e) {
                order = Order.AUTO.resolve(g);             // an explicit order made for another path
            }
            CompiledPath path = JacobianCompiler.compile(trace, order);
            CompiledPath[] old = shared.paths;
            CompiledPath[] paths = Arrays.copyOf(old, Math.min(old.length + 1, MAX_PATHS));
            paths[paths.length - 1] = path;              // when full, the newest replaces the last one
            shared.paths = paths;
            return path;
        }
    }

    private static PathChangedException pathChanged(CompiledPath path, double[] x) {
        Optional<Guard> guard = path.failedGuard(x);
        if (guard.isEmpty()) {
            return new PathChangedException("these arguments take another path than the traced one", "?", -1);
        }
        Guard g = guard.get();
        String where = g.method() + (g.line() >= 0 ? " line " + g.line() : "");
        return new PathChangedException("these arguments take another path than the traced one: the comparison "
                + g + " no longer holds (" + where + "); retracing is disabled", g.method(), g.line());
    }

    /**
     * A view of this Jacobian (sharing its compiled paths) that retraces on a path change
     * ({@code true}, the default) or throws {@link PathChangedException} ({@code false}).
     */
    public CompiledJacobian withRetracing(boolean retrace) {
        return retrace == retracing ? this : new CompiledJacobian(shared, retrace);
    }

    /** Whether a call on another path retraces (else it throws {@link PathChangedException}). */
    public boolean retracing() {
        return retracing;
    }

    /** The number of flattened inputs (Jacobian columns). */
    public int numInputs() {
        return shared.arguments.numInputs();
    }

    /** The number of flattened outputs (Jacobian rows). */
    public int numOutputs() {
        return shared.numOutputs;
    }

    /** The elimination order of the path traced at the example arguments. */
    public int[] order() {
        return shared.paths[0].order();
    }

    /** The graph of the path traced at the example arguments. */
    public Graph graph() {
        return shared.paths[0].graph();
    }

    /** The order requested. */
    public Order requestedOrder() {
        return shared.order;
    }

    /**
     * The classes generated for every path compiled so far ({@link CompiledPath#definedClasses()}),
     * e.g. to check which of their methods the JIT compiled.
     */
    public List<Class<?>> generatedClasses() {
        List<Class<?>> all = new ArrayList<>();
        for (CompiledPath p : shared.paths) {
            all.addAll(p.definedClasses());
        }
        return List.copyOf(all);
    }

    /** How many paths are compiled so far (1 until a call takes another path). */
    public int compiledPaths() {
        return shared.paths.length;
    }
}
