package io.crosscountry.samples.bench;

import io.crosscountry.samples.Sample;
import io.crosscountry.samples.baselines.OriginalFunction;
import io.crosscountry.samples.paper.BlackScholes;
import io.crosscountry.samples.paper.Encoder;
import io.crosscountry.samples.paper.FunctionF;
import io.crosscountry.samples.paper.FunctionG;
import io.crosscountry.samples.paper.HumanHeartDipole;
import io.crosscountry.samples.paper.Mlp;
import io.crosscountry.samples.paper.PropaneCombustion;
import io.crosscountry.samples.paper.RobotArm6Dof;
import io.crosscountry.samples.paper.RoeFlux1d;
import io.crosscountry.samples.paper.RoeFlux3d;
import io.crosscountry.samples.warmup.Helmholtz;
import io.crosscountry.samples.warmup.Hole;
import io.crosscountry.samples.warmup.Lighthouse;
import io.crosscountry.samples.warmup.Simple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The primal of each built-in sample called directly: a plain {@code invokestatic} of the sample's
 * method with typed arguments, no {@code MethodHandle}, no boxing. This is the denominator of the
 * "Jacobian cost / primal cost" ratio, so it must be what user code pays for one call of {@code f}.
 *
 * <p>Each caller reads its scalar arguments from a {@code double[]} and passes its array arguments
 * (the sample's example arrays) as they are; it copies the method's result into {@code out}, so every
 * output is observable and none of the computation can be dropped as dead code. Every case is its
 * own lambda (its own class), so a measurement loop that calls one sees a single receiver type.
 */
public final class DirectPrimals {

    private DirectPrimals() {
    }

    /** Whether {@link #of} has a hand-written caller for this sample (else it generates one, see {@link #of}). */
    public static boolean isDirect(Sample sample) {
        return direct(sample, sample.args(), new double[0]) != null;
    }

    /**
     * A call of the sample's method at {@code args} (shaped like its example arguments) that writes
     * the flattened result into {@code out}; for a sample without a hand-written caller here (a
     * user's {@code Class#method}), a generated one ({@link GeneratedPrimalCall}: the same plain
     * {@code invokestatic}); only where that cannot call the method (other parameter or result
     * types), the method through {@link OriginalFunction} (a {@code MethodHandle} with boxed
     * arguments).
     */
    public static Runnable of(Sample sample, Object[] args, double[] out) {
        Runnable r = direct(sample, args, out);
        if (r != null) {
            return r;
        }
        Optional<Runnable> generated = GeneratedPrimalCall.of(sample.owner(), sample.method(), args, out);
        if (generated.isPresent()) {
            return generated.get();
        }
        OriginalFunction f = OriginalFunction.of(sample);
        double[] x = f.exampleInputs();
        return () -> f.evaluate(x, out);
    }

    private static Runnable direct(Sample sample, Object[] a, double[] out) {
        double[] s = scalars(a);
        return switch (sample.name()) {
            case "Simple" -> () -> copy(Simple.simple(s[0], s[1]), out);
            case "Lighthouse" -> () -> copy(Lighthouse.lighthouse(s[0], s[1], s[2], s[3]), out);
            case "Hole" -> () -> copy(Hole.hole(s[0], s[1], s[2], s[3]), out);
            case "Helmholtz" -> {
                double[] x = array(a, 0);
                yield () -> copy(Helmholtz.helmholtz(x), out);
            }
            case "RoeFlux_1d" -> () -> copy(RoeFlux1d.roeFlux(s[0], s[1], s[2], s[3], s[4], s[5]), out);
            case "RobotArm_6DOF" -> () -> copy(RobotArm6Dof.forwardKinematics(s[0], s[1], s[2], s[3], s[4], s[5]), out);
            case "HumanHeartDipole" -> () -> copy(HumanHeartDipole.residuals(s[0], s[1], s[2], s[3], s[4], s[5], s[6],
                    s[7]), out);
            case "PropaneCombustion" -> () -> copy(PropaneCombustion.residuals(s[0], s[1], s[2], s[3], s[4], s[5], s[6],
                    s[7], s[8], s[9], s[10]), out);
            case "g" -> () -> copy(FunctionG.g(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11],
                    s[12], s[13], s[14]), out);
            case "RoeFlux_3d" -> {
                double[] ul = array(a, 1);
                double[] ur = array(a, 4);
                yield () -> copy(RoeFlux3d.roeFlux(s[0], ul, s[1], s[2], ur, s[3]), out);
            }
            case "f" -> {
                double[] v0 = array(a, 0);
                double[] v1 = array(a, 1);
                double[] v2 = array(a, 2);
                double[] v4 = array(a, 3);
                yield () -> copy(FunctionF.f(v0, v1, v2, v4), out);
            }
            case "MLP" -> {
                double[][] p = arrays(a, 6);
                yield () -> out[0] = Mlp.loss(p[0], p[1], p[2], p[3], p[4], p[5], s[0], s[1]);
            }
            case "Encoder" -> {
                double[][] p = arrays(a, 12);
                yield () -> copy(Encoder.loss(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11],
                        s[0], s[1], s[2], s[3]), out);
            }
            case "BlackScholes_Jacobian" -> () -> copy(BlackScholes.greeks(s[0], s[1], s[2], s[3], s[4]), out);
            default -> null;
        };
    }

    /** The {@code double} arguments, in parameter order. */
    private static double[] scalars(Object[] args) {
        List<Double> values = new ArrayList<>();
        for (Object arg : args) {
            if (arg instanceof Double d) {
                values.add(d);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Argument {@code index}, a {@code double[]}. */
    private static double[] array(Object[] args, int index) {
        return (double[]) args[index];
    }

    /** The first {@code count} arguments, each a {@code double[]}. */
    private static double[][] arrays(Object[] args, int count) {
        double[][] p = new double[count][];
        for (int i = 0; i < count; i++) {
            p[i] = array(args, i);
        }
        return p;
    }

    private static void copy(double[] result, double[] out) {
        System.arraycopy(result, 0, out, 0, result.length);
    }
}
