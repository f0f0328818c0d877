package io.crosscountry.samples.baselines;

import io.crosscountry.samples.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runtime baselines for a sample's Jacobian, by name:
 * <ul>
 *   <li>{@value GradientForward#NAME}, {@value DerivativeStructureForward#NAME}: Hipparchus forward
 *       mode driven by the sample's graph;</li>
 *   <li>{@value HipparchusRoeFlux1d#NAME}: the same, written by hand (RoeFlux_1d only);</li>
 *   <li>{@value CentralDifferences#NAME}: central differences on the original method;</li>
 *   <li>{@value TapeReverse#NAME}: a hand-rolled tape, reverse mode;</li>
 *   <li>{@value DualNumbers#NAME}: forward-mode dual numbers, the exact reference.</li>
 * </ul>
 */
public final class Baselines {

    /** The baselines every sample has, in report order. */
    public static final List<String> NAMES = List.of(GradientForward.NAME, DerivativeStructureForward.NAME,
            CentralDifferences.NAME, TapeReverse.NAME, DualNumbers.NAME);

    private Baselines() {
    }

    /** Every baseline of the sample: {@link #NAMES}, then the hand-written one where there is one. */
    public static List<JacobianMethod> all(Sample sample) {
        Program program = Program.of(sample);
        List<JacobianMethod> methods = new ArrayList<>();
        for (String name : NAMES) {
            methods.add(create(name, sample, program));
        }
        handWritten(sample).ifPresent(methods::add);
        return methods;
    }

    /**
     * The baseline with this name for the sample.
     *
     * @throws IllegalArgumentException for an unknown name, or a hand-written one the sample lacks
     */
    public static JacobianMethod create(String name, Sample sample) {
        if (name.equals(HipparchusRoeFlux1d.NAME)) {
            return handWritten(sample).orElseThrow(
                    () -> new IllegalArgumentException(sample.name() + " has no hand-written Hipparchus version"));
        }
        return create(name, sample, name.equals(CentralDifferences.NAME) ? null : Program.of(sample));
    }

    /** The hand-written Hipparchus version of the sample, if there is one (RoeFlux_1d). */
    public static Optional<JacobianMethod> handWritten(Sample sample) {
        return sample.name().equals("RoeFlux_1d") ? Optional.of(new HipparchusRoeFlux1d()) : Optional.empty();
    }

    private static JacobianMethod create(String name, Sample sample, Program program) {
        return switch (name) {
            case GradientForward.NAME -> new GradientForward(program);
            case DerivativeStructureForward.NAME -> new DerivativeStructureForward(program);
            case CentralDifferences.NAME -> new CentralDifferences(OriginalFunction.of(sample));
            case TapeReverse.NAME -> new TapeReverse(program);
            case DualNumbers.NAME -> new DualNumbers(program);
            default -> throw new IllegalArgumentException("unknown baseline '" + name + "'; known: " + NAMES
                    + " and " + HipparchusRoeFlux1d.NAME);
        };
    }
}
