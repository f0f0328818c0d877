package io.crosscountry.samples.bench;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
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
 * The runtime benchmark as a PNG bar chart (JFreeChart, headless): one group of bars per task, one
 * bar per method, CPU time per call on a log scale. Methods not timed for a task leave a gap.
 */
public final class RuntimeChart {

    private static final Color[] COLORS = {
        new Color(0x555555),                                                         // primal
        new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x17becf), new Color(0xd62728), // fwd rev mkwitz best
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0xff7f0e), // baselines
    };

    private RuntimeChart() {
    }

    /** Writes the chart of these results to {@code png}. */
    public static void write(List<RuntimeResult> results, String title, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ChartUtils.saveChartAsPNG(png.toFile(), chart(results, title), width(results), 640);
    }

    static JFreeChart chart(List<RuntimeResult> results, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double least = Double.POSITIVE_INFINITY;
        double most = 0;
        for (RuntimeResult r : results) {
            for (String m : RuntimeSuite.METHODS) {
                double ns = r.ns(m);
                data.addValue(Double.isNaN(ns) ? null : ns, m, r.task());
                if (!Double.isNaN(ns)) {
                    least = Math.min(least, ns);
                    most = Math.max(most, ns);
                }
            }
        }
        if (most == 0) {
            least = 1;
            most = 10;
        }
        double lower = Math.pow(10, Math.floor(Math.log10(least)));
        double upper = most * 2;                       // headroom above the tallest bar

        LogAxis axis = new LogAxis("CPU time per call (log scale)");
        axis.setRange(lower, upper);
        axis.setTickUnit(new NumberTickUnit(1.0));     // one tick per decade
        axis.setNumberFormatOverride(new TimeFormat());

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
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Tick labels in time units: 10 ns, 100 ns, 1 us, …, 1 s. */
    private static final class TimeFormat extends NumberFormat {
        private static final String[] UNITS = {"ns", "us", "ms", "s"};

        @Override
        public StringBuffer format(double ns, StringBuffer to, FieldPosition pos) {
            double v = ns;
            int u = 0;
            while (v >= 999.5 && u < UNITS.length - 1) {
                v /= 1000;
                u++;
            }
            return to.append(new DecimalFormat("0.###").format(v)).append(' ').append(UNITS[u]);
        }

        @Override
        public StringBuffer format(long ns, StringBuffer to, FieldPosition pos) {
            return format((double) ns, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }

    private static int width(List<RuntimeResult> results) {
        return Math.max(900, 120 + results.size() * RuntimeSuite.METHODS.size() * 14);
    }
}
