package io.crosscountry.samples;

import io.crosscountry.samples.Sample.Kind;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The registry of built-in tasks: the paper's ten tasks and four warm-ups. */
public final class Samples {

    private static final Map<String, Sample> ALL = new LinkedHashMap<>();

    static {
        add(new Sample("Simple", Simple.class, "simple", Kind.WARMUP, Simple::exampleArgs));
        add(new Sample("Lighthouse", Lighthouse.class, "lighthouse", Kind.WARMUP, Lighthouse::exampleArgs));
        add(new Sample("Hole", Hole.class, "hole", Kind.WARMUP, Hole::exampleArgs));
        add(new Sample("Helmholtz", Helmholtz.class, "helmholtz", Kind.WARMUP, Helmholtz::exampleArgs));
        add(new Sample("RoeFlux_1d", RoeFlux1d.class, "roeFlux", Kind.SCALAR, RoeFlux1d::exampleArgs));
        add(new Sample("RobotArm_6DOF", RobotArm6Dof.class, "forwardKinematics", Kind.SCALAR, RobotArm6Dof::exampleArgs));
        add(new Sample("HumanHeartDipole", HumanHeartDipole.class, "residuals", Kind.SCALAR, HumanHeartDipole::exampleArgs));
        add(new Sample("PropaneCombustion", PropaneCombustion.class, "residuals", Kind.SCALAR, PropaneCombustion::exampleArgs));
        add(new Sample("g", FunctionG.class, "g", Kind.SCALAR, FunctionG::exampleArgs));
        add(new Sample("RoeFlux_3d", RoeFlux3d.class, "roeFlux", Kind.TENSOR, RoeFlux3d::exampleArgs));
        add(new Sample("f", FunctionF.class, "f", Kind.TENSOR, FunctionF::exampleArgs));
        add(new Sample("MLP", Mlp.class, "loss", Kind.TENSOR, Mlp::exampleArgs));
        add(new Sample("Encoder", Encoder.class, "loss", Kind.TENSOR, Encoder::exampleArgs));
        add(new Sample("BlackScholes_Jacobian", BlackScholes.class, "greeks", Kind.TENSOR, BlackScholes::exampleArgs));
    }

    private Samples() {
    }

    private static void add(Sample sample) {
        ALL.put(sample.name(), sample);
    }

    /**
     * The task with this name.
     *
     * @throws NoSuchElementException naming the known tasks when there is none
     */
    public static Sample get(String name) {
        Sample sample = ALL.get(name);
        if (sample == null) {
            throw new NoSuchElementException("unknown task '" + name + "'; known tasks: " + String.join(", ", ALL.keySet()));
        }
        return sample;
    }

    /** Every task, warm-ups first, then the scalar and the tensor paper tasks. */
    public static List<Sample> all() {
        return List.copyOf(ALL.values());
    }

    /** The task names in registry order. */
    public static List<String> names() {
        return Collections.unmodifiableList(List.copyOf(ALL.keySet()));
    }
}
