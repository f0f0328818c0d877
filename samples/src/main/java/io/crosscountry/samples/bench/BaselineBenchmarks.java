package io.crosscountry.samples.bench;

import io.crosscountry.samples.Sample;
import io.crosscountry.samples.Samples;
import io.crosscountry.samples.baselines.CentralDifferences;
import io.crosscountry.samples.baselines.DerivativeStructureForward;
import io.crosscountry.samples.baselines.DualNumbers;
import io.crosscountry.samples.baselines.GradientForward;
import io.crosscountry.samples.baselines.JacobianMethod;
import io.crosscountry.samples.baselines.OriginalFunction;
import io.crosscountry.samples.baselines.Program;
import io.crosscountry.samples.baselines.TapeReverse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the runtime baselines for a task's full Jacobian at its example arguments, one thread, each
 * writing into preallocated arrays, plus the primal (the original method through a
 * {@code MethodHandle}). Add {@code -prof gc} for allocation per call. Run:
 * {@code java -cp <samples jar + dependencies> org.openjdk.jmh.Main BaselineBenchmarks -p task=RoeFlux_1d}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BaselineBenchmarks {

    @Param({"RoeFlux_1d", "RobotArm_6DOF", "HumanHeartDipole", "PropaneCombustion", "g", "RoeFlux_3d", "MLP",
            "BlackScholes_Jacobian"})
    public String task;

    private double[] x;
    private double[] y;
    private double[][] jacobian;
    private OriginalFunction function;
    private JacobianMethod gradient;
    private JacobianMethod derivativeStructure;
    private JacobianMethod centralDifferences;
    private JacobianMethod tape;
    private JacobianMethod dual;

    @Setup
    public void setUp() {
        Sample sample = Samples.get(task);
        Program program = Program.of(sample);
        function = OriginalFunction.of(sample);
        x = function.exampleInputs();
        y = new double[function.numOutputs()];
        jacobian = new double[function.numOutputs()][function.numInputs()];
        gradient = new GradientForward(program);
        derivativeStructure = new DerivativeStructureForward(program);
        centralDifferences = new CentralDifferences(function);
        tape = new TapeReverse(program);
        dual = new DualNumbers(program);
    }

    /** The original method (no derivatives), through a MethodHandle. */
    @Benchmark
    public double[] primal() {
        function.evaluate(x, y);
        return y;
    }

    /** Graph-driven forward mode with Hipparchus {@code Gradient}. */
    @Benchmark
    public double[][] hipparchusGradient() {
        gradient.jacobian(x, jacobian);
        return jacobian;
    }

    /** Graph-driven forward mode with Hipparchus {@code DerivativeStructure} (order 1). */
    @Benchmark
    public double[][] hipparchusDerivativeStructure() {
        derivativeStructure.jacobian(x, jacobian);
        return jacobian;
    }

    /** Central differences on the original method: 2n calls. */
    @Benchmark
    public double[][] centralDifferences() {
        centralDifferences.jacobian(x, jacobian);
        return jacobian;
    }

    /** A hand-rolled tape, reverse mode: one recording, one sweep per output. */
    @Benchmark
    public double[][] tapeReverse() {
        tape.jacobian(x, jacobian);
        return jacobian;
    }

    /** Forward-mode dual numbers over preallocated gradient arrays. */
    @Benchmark
    public double[][] dualNumbers() {
        dual.jacobian(x, jacobian);
        return jacobian;
    }
}
