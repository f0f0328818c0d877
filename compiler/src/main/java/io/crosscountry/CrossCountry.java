package io.crosscountry;

import io.crosscountry.analysis.Trace;
import io.crosscountry.analysis.Tracer;
import io.crosscountry.codegen.JacobianCompiler;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.InvalidOrderException;
import io.crosscountry.elimination.search.OptimizeOptions;
import io.crosscountry.elimination.search.OptimizeResult;
import io.crosscountry.elimination.search.Optimizer;
import io.crosscountry.elimination.search.SearchContext;
import io.crosscountry.elimination.search.SearchMethod;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The entry point of crosscountry: traces a method's computational graph from its bytecode,
 * compiles its exact Jacobian and searches for elimination orders.
 *
 * <p>{@link #jacobian} compiles the exact Jacobian for an elimination order (named, explicit, or
 * {@link Order#AUTO} / {@link Order#OPTIMIZED}); {@link #optimize} searches for a cheap order of a
 * graph.
 */
public final class CrossCountry {

    private CrossCountry() {
    }

    /**
     * The computational graph of {@code owner.method} traced at {@code exampleArgs}.
     *
     * <p>The example arguments fix array lengths, integer parameters and the branches taken on
     * doubles. Inputs are the {@code double}/{@code float} parameters and the elements of
     * {@code double[]}, {@code float[]}, {@code double[][]} and {@code float[][]} parameters,
     * flattened in parameter order (rows in order); outputs are the returned values, flattened.
     *
     * @throws IllegalArgumentException      when there is no such static method or the arguments do
     *                                       not fit it
     * @throws UnsupportedBytecodeException when the method uses bytecode the analysis cannot handle
     */
    public static Graph graph(Class<?> owner, String method, Object... exampleArgs) {
        return trace(owner, method, exampleArgs).graph();
    }

    /**
     * Like {@link #graph}, but also returns the guards recorded at branches on doubles, the input
     * labels and the values seen at the example arguments.
     */
    public static Trace trace(Class<?> owner, String method, Object... exampleArgs) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(method, "method");
        return Tracer.trace(owner, method, exampleArgs);
    }

    /**
     * Compiles the exact Jacobian of {@code owner.method}, traced at {@code exampleArgs}, with
     * elimination {@code order}.
     *
     * @throws InvalidOrderException         when an explicit order is not a permutation of the
     *                                       graph's eliminable vertices
     * @throws IllegalArgumentException      when there is no such static method or the arguments do
     *                                       not fit it
     * @throws UnsupportedBytecodeException when the method uses bytecode the analysis cannot handle
     */
    public static CompiledJacobian jacobian(Class<?> owner, String method, Order order, Object... exampleArgs) {
        Objects.requireNonNull(order, "order");
        Object[] args = exampleArgs == null ? new Object[0] : exampleArgs;
        Trace t = trace(owner, method, args);
        int[] ids = order.resolve(t.graph());
        return new CompiledJacobian(owner, method, order, t, JacobianCompiler.compile(t, ids), args);
    }

    /**
     * Searches for a cheap elimination order of {@code graph} within {@code budget}: the portfolio
     * (heuristics, annealing, beam and exact search on all cores), minimising
     * {@link io.crosscountry.elimination.CostMode#EFFECTIVE} cost (what generated code executes).
     * The result is never worse than forward, reverse or min-Markowitz, and carries a proven lower
     * bound when one was established. Interrupting the calling thread returns the best so far.
     */
    public static OptimizeResult optimize(Graph graph, Duration budget) {
        return Optimizer.optimize(graph, budget, OptimizeOptions.defaults());
    }

    /** {@link #optimize(Graph, Duration)} with one search method instead of the portfolio. */
    public static OptimizeResult optimize(Graph graph, Duration budget, SearchMethod method) {
        return Optimizer.optimize(graph, budget, OptimizeOptions.defaults().withMethod(method));
    }

    /** {@link #optimize(Graph, Duration)} with explicit options (mode, method, seed, threads) and a progress callback. */
    public static OptimizeResult optimize(Graph graph, Duration budget, OptimizeOptions options, Consumer<SearchContext> progress) {
        return Optimizer.optimize(graph, budget, options, progress);
    }
}
