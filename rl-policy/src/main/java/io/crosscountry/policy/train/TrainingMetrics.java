package io.crosscountry.policy.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The run's learning curves: one row per evaluation, appended to {@code metrics.csv} (kept across
 * resumes), mirrored as {@code metrics.json}, and drawn as {@code curves.png} (losses; held-out
 * cost ratios against min-Markowitz and the best single heuristic; win rates).
 */
public final class TrainingMetrics {

    /** One evaluation point. */
    public record Row(int iteration, double minutes, long games, long trainSteps, int buffer, double loss, double policyLoss,
                      double valueLoss, double selfPlayRatio, double winVsMarkowitz, double ratioVsMarkowitz,
                      double winVsBestSingle, double ratioVsBestSingle, String bestSingle, double samplesWinVsMarkowitz,
                      double samplesRatioVsMarkowitz) {
    }

    private static final String HEADER = "iteration,minutes,games,train_steps,buffer,loss,policy_loss,value_loss,"
            + "selfplay_cost_ratio,heldout_win_vs_markowitz,heldout_ratio_vs_markowitz,heldout_win_vs_best_single,"
            + "heldout_ratio_vs_best_single,best_single,samples_win_vs_markowitz,samples_ratio_vs_markowitz";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final List<Row> rows = new ArrayList<>();

    /** Metrics in {@code dir}, continuing the rows already in its {@code metrics.csv} (a resumed run). */
    public TrainingMetrics(Path dir) throws IOException {
        this.dir = dir;
        Path csv = dir.resolve("metrics.csv");
        if (Files.exists(csv)) {
            for (String line : Files.readAllLines(csv)) {
                if (line.isBlank() || line.startsWith("iteration")) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new Row(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                        Integer.parseInt(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                        Double.parseDouble(f[8]), Double.parseDouble(f[9]), Double.parseDouble(f[10]), Double.parseDouble(f[11]),
                        Double.parseDouble(f[12]), f[13], f.length > 14 ? Double.parseDouble(f[14]) : Double.NaN,
                        f.length > 15 ? Double.parseDouble(f[15]) : Double.NaN));
            }
        }
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Drops rows after {@code iteration} (work lost with a kill after the last checkpoint is redone). */
    public void truncateAfter(int iteration) throws IOException {
        rows.removeIf(r -> r.iteration() > iteration);
        rewrite();
    }

    /** Appends a row and rewrites the JSON and the chart. */
    public void add(Row r) throws IOException {
        rows.add(r);
        Path csv = dir.resolve("metrics.csv");
        if (!Files.exists(csv)) {
            Files.writeString(csv, HEADER + "\n");
        }
        Files.writeString(csv, line(r) + "\n", StandardOpenOption.APPEND);
        writeJsonAndChart();
    }

    private void rewrite() throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            sb.append(line(r)).append('\n');
        }
        Files.writeString(dir.resolve("metrics.csv"), sb.toString());
        writeJsonAndChart();
    }

    private static String line(Row r) {
        return String.format(java.util.Locale.ROOT, "%d,%.3f,%d,%d,%d,%.6f,%.6f,%.6f,%.6f,%.4f,%.6f,%.4f,%.6f,%s,%.4f,%.6f",
                r.iteration(), r.minutes(), r.games(), r.trainSteps(), r.buffer(), r.loss(), r.policyLoss(), r.valueLoss(),
                r.selfPlayRatio(), r.winVsMarkowitz(), r.ratioVsMarkowitz(), r.winVsBestSingle(), r.ratioVsBestSingle(),
                r.bestSingle(), r.samplesWinVsMarkowitz(), r.samplesRatioVsMarkowitz());
    }

    private void writeJsonAndChart() throws IOException {
        Files.writeString(dir.resolve("metrics.json"), JSON.writeValueAsString(rows) + "\n");
        XYSeries loss = new XYSeries("training loss");
        XYSeries mk = new XYSeries("held-out cost / min-Markowitz");
        XYSeries single = new XYSeries("held-out cost / best single heuristic");
        XYSeries win = new XYSeries("held-out win rate vs min-Markowitz");
        XYSeries self = new XYSeries("self-play cost / best baseline");
        XYSeries samples = new XYSeries("samples cost / min-Markowitz");
        for (Row r : rows) {
            if (!Double.isNaN(r.loss())) {
                loss.add(r.minutes(), r.loss());
            }
            mk.add(r.minutes(), r.ratioVsMarkowitz());
            single.add(r.minutes(), r.ratioVsBestSingle());
            win.add(r.minutes(), r.winVsMarkowitz());
            self.add(r.minutes(), r.selfPlayRatio());
            if (!Double.isNaN(r.samplesRatioVsMarkowitz())) {
                samples.add(r.minutes(), r.samplesRatioVsMarkowitz());
            }
        }
        XYSeriesCollection ratios = new XYSeriesCollection();
        ratios.addSeries(mk);
        ratios.addSeries(single);
        ratios.addSeries(win);
        ratios.addSeries(self);
        ratios.addSeries(samples);
        JFreeChart chart = ChartFactory.createXYLineChart("crosscountry policy training", "minutes", "ratio / rate",
                ratios, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDataset(1, new XYSeriesCollection(loss));
        org.jfree.chart.axis.NumberAxis lossAxis = new org.jfree.chart.axis.NumberAxis("loss");
        plot.setRangeAxis(1, lossAxis);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false));
        ChartUtils.saveChartAsPNG(dir.resolve("curves.png").toFile(), chart, 1000, 560);
    }
}
