package io.crosscountry.samples.parity;

import io.crosscountry.CrossCountry;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.InvalidOrderException;
import io.crosscountry.samples.Sample;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Computes the parity table: per task our forward, reverse and min-Markowitz costs, the published
 * orders evaluated on our graph where their ids apply (the scalar tasks, whose graphs equal the
 * published ones vertex by vertex), and the published numbers.
 */
public final class ParityReport {

    private ParityReport() {
    }

    /** The row of one sample. */
    public static ParityRow row(Sample sample) {
        Graph g = CrossCountry.graph(sample.owner(), sample.method(), sample.args());
        int[] fwd = g.forwardOrder();
        int[] rev = g.reverseOrder();
        int[] mk = g.markowitzOrder();
        Optional<PublishedTask> published = Published.task(sample.name());
        OptionalLong alphagrad = OptionalLong.empty();
        OptionalLong publishedMk = OptionalLong.empty();
        Optional<Boolean> identical = Optional.empty();
        if (sample.kind() == Sample.Kind.SCALAR && published.isPresent()) {
            alphagrad = costIfApplies(g, published.get().alphagradOrder());
            publishedMk = costIfApplies(g, published.get().markowitzOrder());
            if (publishedMk.isPresent()) {
                identical = Optional.of(Arrays.equals(mk, published.get().markowitzOrder()));
            }
        }
        return new ParityRow(sample.name(), sample.kind().name().toLowerCase(Locale.ROOT), g.numInputs(), g.numOutputs(),
                g.numVertices(), g.eliminable().length, g.cost(fwd), g.cost(rev), g.cost(mk),
                g.cost(fwd, CostMode.EFFECTIVE), g.cost(rev, CostMode.EFFECTIVE), g.cost(mk, CostMode.EFFECTIVE),
                alphagrad, publishedMk, identical, published);
    }

    /** The rows of several samples, in the given order. */
    public static List<ParityRow> rows(List<Sample> samples) {
        return samples.stream().map(ParityReport::row).toList();
    }

    private static OptionalLong costIfApplies(Graph g, int[] order) {
        try {
            return OptionalLong.of(g.cost(order));
        } catch (InvalidOrderException e) {
            return OptionalLong.empty();
        }
    }
}
