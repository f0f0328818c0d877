package io.crosscountry.samples.bench;

import io.crosscountry.samples.Samples;
import io.crosscountry.samples.baselines.GradientForward;
import io.crosscountry.samples.baselines.HipparchusRoeFlux1d;
import io.crosscountry.samples.baselines.JacobianMethod;
import io.crosscountry.samples.baselines.OriginalFunction;
import io.crosscountry.samples.baselines.Program;
import io.crosscountry.samples.paper.RoeFlux1d;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: what the graph-driven dispatch of {@link GradientForward} costs over the same computation
 * written by hand with Hipparchus {@code Gradient} ({@link HipparchusRoeFlux1d}), on RoeFlux_1d at its
 * example arguments; plus the primal called directly. Run:
 * {@code java -cp <samples jar + dependencies> org.openjdk.jmh.Main HandWrittenHipparchusBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HandWrittenHipparchusBenchmarks {

    private double[] x;
    private double[][] jacobian;
    private JacobianMethod graphDriven;
    private JacobianMethod handWritten;

    @Setup
    public void setUp() {
        var sample = Samples.get("RoeFlux_1d");
        x = OriginalFunction.of(sample).exampleInputs();
        jacobian = new double[3][6];
        graphDriven = new GradientForward(Program.of(sample));
        handWritten = new HipparchusRoeFlux1d();
    }

    /** The original method, called directly. */
    @Benchmark
    public double[] primalDirect() {
        return RoeFlux1d.roeFlux(x[0], x[1], x[2], x[3], x[4], x[5]);
    }

    /** Graph-driven forward mode with Hipparchus {@code Gradient}. */
    @Benchmark
    public double[][] graphDrivenGradient() {
        graphDriven.jacobian(x, jacobian);
        return jacobian;
    }

    /** The hand-written Hipparchus {@code Gradient} version. */
    @Benchmark
    public double[][] handWrittenGradient() {
        handWritten.jacobian(x, jacobian);
        return jacobian;
    }
}
