package io.crosscountry.samples.bench;

import io.crosscountry.CompiledJacobian;
import io.crosscountry.CrossCountry;
import io.crosscountry.Order;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.search.OptimizeResult;
import io.crosscountry.samples.Sample;
import io.crosscountry.samples.baselines.CentralDifferences;
import io.crosscountry.samples.baselines.DerivativeStructureForward;
import io.crosscountry.samples.baselines.DualNumbers;
import io.crosscountry.samples.baselines.GradientForward;
import io.crosscountry.samples.baselines.OriginalFunction;
import io.crosscountry.samples.baselines.Program;
import io.crosscountry.samples.baselines.TapeReverse;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything the runtime benchmark times for one sample, ready to run at the sample's example
 * arguments: the primal called directly ({@link DirectPrimals}), our generated Jacobian
 * ({@link CompiledJacobian#applyFlatInto}, at the same flattened inputs as the baselines) for
 * forward, reverse, min-Markowitz and the best searched order, the best order once more through
 * {@link CompiledJacobian#applyInto(double[][], Object...)} with the example's boxed arguments
 * ({@link #BEST_ARGS}: what flattening typed arguments costs), and the baselines (Hipparchus
 * {@code Gradient} and {@code DerivativeStructure}, central differences, the tape). Each method is a {@link Runnable} with its own preallocated arrays; the
 * Jacobian methods write into {@link Entry#jacobian()}.
 *
 * <p>"best" is the order of {@link CrossCountry#optimize(Graph, Duration)} (the portfolio,
 * EFFECTIVE cost), searched once when the suite is built. Not thread-safe.
 */
public final class RuntimeSuite {

    public static final String PRIMAL = "primal";
    public static final String FWD = "fwd";
    public static final String REV = "rev";
    public static final String MARKOWITZ = "markowitz";
    public static final String BEST = "best";
    /** The best order through {@link CompiledJacobian#applyInto(double[][], Object...)} (boxed arguments). */
    public static final String BEST_ARGS = "best_args";
    public static final String GRADIENT = "gradient";
    public static final String DERIVATIVE_STRUCTURE = "derivative_structure";
    public static final String CENTRAL_DIFFERENCES = "central_differences";
    public static final String TAPE = "tape";

    /** Our generated Jacobians, by order. */
    public static final List<String> ORDERS = List.of(FWD, REV, MARKOWITZ, BEST);
    /** The baselines, in report order. */
    public static final List<String> BASELINES = List.of(GRADIENT, DERIVATIVE_STRUCTURE, CENTRAL_DIFFERENCES, TAPE);
    /** Every method, in report order. */
    public static final List<String> METHODS = List.of(PRIMAL, FWD, REV, MARKOWITZ, BEST, BEST_ARGS, GRADIENT,
            DERIVATIVE_STRUCTURE, CENTRAL_DIFFERENCES, TAPE);

    /**
     * One timed method.
     *
     * @param name     one of {@link #METHODS}
     * @param call     one evaluation at the example arguments
     * @param jacobian where a Jacobian method writes (null for the primal)
     * @param values   where the primal writes its outputs (null for Jacobian methods)
     */
    public record Entry(String name, Runnable call, double[][] jacobian, double[] values) {
    }

    private final Sample sample;
    private final Graph graph;
    private final double[] x;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Long> effectiveCosts = new LinkedHashMap<>();
    private final Map<String, CompiledJacobian> jacobians = new LinkedHashMap<>();
    private final DualNumbers reference;
    private String bestSearch = "";
    private int[] bestOrder;

    private RuntimeSuite(Sample sample, Graph graph, double[] x, DualNumbers reference) {
        this.sample = sample;
        this.graph = graph;
        this.x = x;
        this.reference = reference;
    }

    /** Every method of {@link #METHODS} for the sample; "best" searched for {@code searchBudget}. */
    public static RuntimeSuite create(Sample sample, Duration searchBudget) {
        return create(sample, searchBudget, METHODS);
    }

    /**
     * The named methods only (a JMH fork needs one), in {@link #METHODS} order.
     *
     * @throws IllegalArgumentException for a name not in {@link #METHODS}
     */
    public static RuntimeSuite create(Sample sample, Duration searchBudget, Collection<String> methods) {
        for (String m : methods) {
            if (!METHODS.contains(m)) {
                throw new IllegalArgumentException("unknown runtime method '" + m + "'; known: " + METHODS);
            }
        }
        Graph graph = CrossCountry.graph(sample.owner(), sample.method(), sample.args());
        Program program = Program.compile(graph);
        OriginalFunction function = OriginalFunction.of(sample);
        RuntimeSuite suite = new RuntimeSuite(sample, graph, function.exampleInputs(), new DualNumbers(program));
        for (String m : METHODS) {
            if (methods.contains(m)) {
                suite.entries.put(m, suite.build(m, program, function, searchBudget));
            }
        }
        return suite;
    }

    private Entry build(String name, Program program, OriginalFunction function, Duration searchBudget) {
        int m = graph.numOutputs();
        if (name.equals(PRIMAL)) {
            double[] out = new double[m];
            return new Entry(name, DirectPrimals.of(sample, sample.args(), out), null, out);
        }
        double[][] J = new double[m][graph.numInputs()];
        Runnable call = switch (name) {
            case FWD, REV, MARKOWITZ, BEST, BEST_ARGS -> generated(name, J, searchBudget);
            case GRADIENT -> {
                GradientForward g = new GradientForward(program);
                yield () -> g.jacobian(x, J);
            }
            case DERIVATIVE_STRUCTURE -> {
                DerivativeStructureForward d = new DerivativeStructureForward(program);
                yield () -> d.jacobian(x, J);
            }
            case CENTRAL_DIFFERENCES -> {
                CentralDifferences c = new CentralDifferences(function);
                yield () -> c.jacobian(x, J);
            }
            case TAPE -> {
                TapeReverse t = new TapeReverse(program);
                yield () -> t.jacobian(x, J);
            }
            default -> throw new IllegalArgumentException(name);
        };
        return new Entry(name, call, J, null);
    }

    /**
     * Our Jacobian for the named order, compiled (best and best_args share one search); records the
     * order's EFFECTIVE cost (once for the best order: best_args runs the same code).
     */
    private Runnable generated(String name, double[][] J, Duration searchBudget) {
        Order order = switch (name) {
            case FWD -> Order.FWD;
            case REV -> Order.REV;
            case MARKOWITZ -> Order.MARKOWITZ;
            default -> {
                if (bestOrder == null) {
                    OptimizeResult r = CrossCountry.optimize(graph, searchBudget);
                    bestSearch = r.method() + (r.provenOptimal() ? ", proven optimal" : "");
                    bestOrder = r.order();
                }
                yield Order.of(bestOrder);
            }
        };
        CompiledJacobian jacobian = CrossCountry.jacobian(sample.owner(), sample.method(), order, sample.args());
        jacobians.put(name, jacobian);
        if (name.equals(BEST_ARGS)) {
            Object[] args = sample.args();
            return () -> jacobian.applyInto(J, args);
        }
        effectiveCosts.put(name, graph.cost(jacobian.order(), CostMode.EFFECTIVE));
        double[] inputs = x.clone();
        return () -> jacobian.applyFlatInto(J, inputs);
    }

    /**
     * Runs every method once and compares it with the dual numbers ({@link JacobianCheck}).
     *
     * @return the methods that disagree, with the reason; empty when all agree
     */
    public Map<String, String> verify() {
        double[][] expected = reference.jacobian(x);
        double[] outputs = new double[graph.numOutputs()];
        for (int r = 0; r < outputs.length; r++) {
            outputs[r] = reference.outputValue(r);
        }
        Map<String, String> failures = new LinkedHashMap<>();
        for (Entry e : entries.values()) {
            Optional<String> failure;
            try {
                e.call().run();
                if (e.jacobian() == null) {
                    failure = JacobianCheck.values(outputs, e.values());
                } else if (e.name().equals(CENTRAL_DIFFERENCES)) {
                    failure = JacobianCheck.differences(graph, expected, e.jacobian(), outputs);
                } else {
                    failure = JacobianCheck.exact(expected, e.jacobian(), outputs);
                }
            } catch (RuntimeException ex) {
                failure = Optional.of("threw " + ex);
            }
            failure.ifPresent(f -> failures.put(e.name(), f));
        }
        return failures;
    }

    /** Replaces a method's call by {@code wrapper(call)}: lets tests plant a wrong method. */
    void wrap(String name, UnaryOperator<Runnable> wrapper) {
        Entry e = entry(name);
        entries.put(name, new Entry(name, wrapper.apply(e.call()), e.jacobian(), e.values()));
    }

    public Sample sample() {
        return sample;
    }

    public Graph graph() {
        return graph;
    }

    /** The built methods, in {@link #METHODS} order. */
    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** One built method. */
    public Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("method '" + name + "' was not built; built: " + entries.keySet());
        }
        return e;
    }

    /** The EFFECTIVE cost (multiplications the generated code performs) of each built order. */
    public Map<String, Long> effectiveCosts() {
        return Collections.unmodifiableMap(effectiveCosts);
    }

    /** The classes generated for each built Jacobian (fwd, rev, markowitz, best, best_args), by name. */
    public Map<String, List<Class<?>>> generatedClasses() {
        Map<String, List<Class<?>>> classes = new LinkedHashMap<>();
        jacobians.forEach((name, j) -> classes.put(name, j.generatedClasses()));
        return classes;
    }

    /** Which search found the best order ({@link OptimizeResult#method()}), or "" when not built. */
    public String bestSearch() {
        return bestSearch;
    }
}
