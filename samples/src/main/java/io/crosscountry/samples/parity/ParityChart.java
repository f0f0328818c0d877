package io.crosscountry.samples.parity;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
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
        System.setProperty("java.awt.headless", "true");
        ChartUtils.saveChartAsPNG(png.toFile(), chart(rows), Math.max(900, 120 + rows.size() * SERIES.size() * 16), 640);
    }

    static JFreeChart chart(List<ParityRow> rows) {
        DefaultCategoryDataset data = dataset(rows);
        double least = Double.POSITIVE_INFINITY;
        double most = 0;
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                Number v = data.getValue(r, c);
                if (v != null) {
                    least = Math.min(least, v.doubleValue());
                    most = Math.max(most, v.doubleValue());
                }
            }
        }
        if (most == 0) {
            least = 1;
            most = 10;
        }
        double lower = Math.pow(10, Math.floor(Math.log10(least)));

        LogAxis axis = new LogAxis("multiplications, PAPER mode (log scale)");
        axis.setRange(lower, most * 2);
        axis.setTickUnit(new NumberTickUnit(1.0));     // one tick per decade

        CategoryAxis tasks = new CategoryAxis("task");
        tasks.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        tasks.setCategoryMargin(0.15);

        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.02);
        bars.setBase(lower);                          // bars rise from the bottom of the log axis, not from 0
        for (int i = 0; i < COLORS.length; i++) {
            bars.setSeriesPaint(i, COLORS[i]);
        }

        CategoryPlot plot = new CategoryPlot(data, tasks, axis, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("crosscountry parity: multiplications per Jacobian on our graphs",
                new Font("SansSerif", Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
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
