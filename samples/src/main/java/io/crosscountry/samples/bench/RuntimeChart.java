package io.crosscountry.samples.bench;

import io.crosscountry.samples.chart.LogBarChart;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import org.jfree.chart.JFreeChart;
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
        LogBarChart.write(chart(results, title), results.size(), RuntimeSuite.METHODS.size(), 14, png);
    }

    static JFreeChart chart(List<RuntimeResult> results, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (RuntimeResult r : results) {
            for (String m : RuntimeSuite.METHODS) {
                double ns = r.ns(m);
                data.addValue(Double.isNaN(ns) ? null : ns, m, r.task());
            }
        }
        return LogBarChart.of(data, title, "CPU time per call (log scale)", COLORS, new TimeFormat());
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
}
