package io.crosscountry.samples.parity;

import io.crosscountry.samples.chart.LogBarChart;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The parity report as a PNG bar chart (JFreeChart, headless): one group of bars per task, the
 * multiplications (PAPER mode, log scale) of forward, reverse and min-Markowitz on our graph, the
 * published AlphaGrad order on our graph where its ids apply, and the published AlphaGrad count.
 * A task without a number for a series leaves a gap.
 */
public final class ParityChart {

    /** The series, in the order of their bars. */
    static final List<String> SERIES = List.of("fwd", "rev", "min-Markowitz", "AlphaGrad order on ours", "AlphaGrad (published)");

    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x17becf), new Color(0xd62728), new Color(0xff7f0e),
    };

    private ParityChart() {
    }

    /** Writes the chart of these rows to {@code png}. */
    public static void write(List<ParityRow> rows, Path png) throws IOException {
        LogBarChart.write(chart(rows), rows.size(), SERIES.size(), 16, png);
    }

    static JFreeChart chart(List<ParityRow> rows) {
        return LogBarChart.of(dataset(rows), "crosscountry parity: multiplications per Jacobian on our graphs",
                "multiplications, PAPER mode (log scale)", COLORS, null);
    }

    /** The chart's numbers: one row per {@link #SERIES} entry, one column per task; absent numbers are null. */
    static DefaultCategoryDataset dataset(List<ParityRow> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ParityRow r : rows) {
            OptionalLong published = r.published().map(p -> p.count("alphagrad")).orElse(OptionalLong.empty());
            data.addValue(r.fwd(), SERIES.get(0), r.task());
            data.addValue(r.rev(), SERIES.get(1), r.task());
            data.addValue(r.markowitz(), SERIES.get(2), r.task());
            data.addValue(boxed(r.publishedAlphagradOnOurs()), SERIES.get(3), r.task());
            data.addValue(boxed(published), SERIES.get(4), r.task());
        }
        return data;
    }

    private static Long boxed(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }
}
