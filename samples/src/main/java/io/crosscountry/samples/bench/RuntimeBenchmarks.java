package io.crosscountry.samples.bench;

import io.crosscountry.samples.Samples;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * JMH: the full Jacobian of each paper task at its example arguments by every runtime method of
 * {@link RuntimeSuite} — the primal called directly, our generated {@code applyFlatInto} for fwd,
 * rev, min-Markowitz and the best searched order, the best order through {@code applyInto} with boxed
 * arguments, Hipparchus {@code Gradient} and
 * {@code DerivativeStructure}, central differences, the tape — one thread, preallocated results.
 * The in-process counterpart, all methods in one JVM with ratios and a chart, is
 * {@code crosscountry bench --runtime}; see the package documentation for how to run both and how to
 * check allocation and JIT compilation.
 *
 * <p>{@code @Setup} builds only the method the running benchmark needs (so only the {@code best} fork
 * pays for the search, {@code searchSeconds} of {@code CrossCountry.optimize}, EFFECTIVE mode) and
 * refuses to run a method whose Jacobian differs from the dual numbers. JMH forks a JVM per benchmark
 * method and task, so every method is measured in a fresh JVM set up the same way.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RuntimeBenchmarks {

    @Param({"RoeFlux_1d", "RobotArm_6DOF", "HumanHeartDipole", "PropaneCombustion", "g", "RoeFlux_3d", "f", "MLP",
            "Encoder", "BlackScholes_Jacobian"})
    public String task;

    /** Seconds of order search for {@link #best()}. */
    @Param({"3"})
    public double searchSeconds;

    /** Benchmark method name → {@link RuntimeSuite} method name. */
    private static final Map<String, String> METHODS = Map.of("primal", RuntimeSuite.PRIMAL, "fwd", RuntimeSuite.FWD,
            "rev", RuntimeSuite.REV, "markowitz", RuntimeSuite.MARKOWITZ, "best", RuntimeSuite.BEST,
            "bestArgs", RuntimeSuite.BEST_ARGS, "gradient", RuntimeSuite.GRADIENT, "derivativeStructure", RuntimeSuite.DERIVATIVE_STRUCTURE,
            "centralDifferences", RuntimeSuite.CENTRAL_DIFFERENCES, "tape", RuntimeSuite.TAPE);

    private Runnable call;
    private Object result;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        String method = METHODS.get(benchmark.substring(benchmark.lastIndexOf('.') + 1));
        RuntimeSuite suite = RuntimeSuite.create(Samples.get(task), Duration.ofMillis((long) (searchSeconds * 1000)),
                List.of(method));
        Map<String, String> failures = suite.verify();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(task + " " + method + " disagrees with the dual numbers: " + failures);
        }
        RuntimeSuite.Entry e = suite.entry(method);
        call = e.call();
        result = e.jacobian() != null ? e.jacobian() : e.values();
        if (method.equals(RuntimeSuite.BEST)) {
            System.out.println("# best order: EFFECTIVE cost " + suite.effectiveCosts().get(RuntimeSuite.BEST) + " ("
                    + suite.bestSearch() + ")");
        }
    }

    /** The sample's method called directly ({@link DirectPrimals}), its result copied out. */
    @Benchmark
    public Object primal() {
        call.run();
        return result;
    }

    /** Our generated Jacobian, forward order. */
    @Benchmark
    public Object fwd() {
        call.run();
        return result;
    }

    /** Our generated Jacobian, reverse order. */
    @Benchmark
    public Object rev() {
        call.run();
        return result;
    }

    /** Our generated Jacobian, min-Markowitz order. */
    @Benchmark
    public Object markowitz() {
        call.run();
        return result;
    }

    /** Our generated Jacobian, the order {@code CrossCountry.optimize} found in {@code searchSeconds}. */
    @Benchmark
    public Object best() {
        call.run();
        return result;
    }

    /** The same order through {@code applyInto(J, Object...)} with the example's boxed arguments. */
    @Benchmark
    public Object bestArgs() {
        call.run();
        return result;
    }

    /** Graph-driven forward mode with Hipparchus {@code Gradient}. */
    @Benchmark
    public Object gradient() {
        call.run();
        return result;
    }

    /** Graph-driven forward mode with Hipparchus {@code DerivativeStructure}. */
    @Benchmark
    public Object derivativeStructure() {
        call.run();
        return result;
    }

    /** Central differences on the original method (through a MethodHandle): 2n calls. */
    @Benchmark
    public Object centralDifferences() {
        call.run();
        return result;
    }

    /** The hand-rolled tape, reverse mode. */
    @Benchmark
    public Object tape() {
        call.run();
        return result;
    }
}
