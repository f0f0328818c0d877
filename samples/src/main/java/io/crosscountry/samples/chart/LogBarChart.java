package io.crosscountry.samples.chart;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
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
 * The bar chart every benchmark table is drawn as: one group of bars per task (the dataset's
 * columns), one bar per series (its rows, in the given colours), values on a log scale with one
 * tick per decade, from the decade below the smallest value to twice the largest. A missing
 * (null) value leaves a gap.
 */
public final class LogBarChart {

    private static final int HEIGHT = 640;

    private LogBarChart() {
    }

    /**
     * The chart of {@code data}.
     *
     * @param valueAxis the value axis' label
     * @param ticks     the tick labels' format, or null for plain numbers
     */
    public static JFreeChart of(DefaultCategoryDataset data, String title, String valueAxis, Color[] colors,
            NumberFormat ticks) {
        System.setProperty("java.awt.headless", "true");
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
        double upper = most * 2;                       // headroom above the tallest bar

        LogAxis axis = new LogAxis(valueAxis);
        axis.setRange(lower, upper);
        axis.setTickUnit(new NumberTickUnit(1.0));     // one tick per decade
        if (ticks != null) {
            axis.setNumberFormatOverride(ticks);
        }

        CategoryAxis tasks = new CategoryAxis("task");
        tasks.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        tasks.setCategoryMargin(0.15);

        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.02);
        bars.setBase(lower);                          // bars rise from the bottom of the log axis, not from 0
        for (int i = 0; i < colors.length; i++) {
            bars.setSeriesPaint(i, colors[i]);
        }

        CategoryPlot plot = new CategoryPlot(data, tasks, axis, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Writes {@code chart} to {@code png}: {@value #HEIGHT} pixels high, wide enough for {@code tasks}
     * groups of {@code barsPerGroup} bars of {@code barWidth} pixels (at least 900 pixels).
     */
    public static void write(JFreeChart chart, int tasks, int barsPerGroup, int barWidth, Path png) throws IOException {
        ChartUtils.saveChartAsPNG(png.toFile(), chart, Math.max(900, 120 + tasks * barsPerGroup * barWidth), HEIGHT);
    }
}
