package io.crosscountry.samples.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.samples.Samples;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParityChartTest {

    @TempDir
    Path tmp;

    private static List<ParityRow> rows() {
        return List.of(ParityReport.row(Samples.get("RoeFlux_1d")), ParityReport.row(Samples.get("MLP")),
                ParityReport.row(Samples.get("Simple")));
    }

    @Test
    void the_bars_are_the_rows_counts_with_gaps_where_a_number_is_missing() {
        DefaultCategoryDataset data = ParityChart.dataset(rows());
        assertEquals(ParityChart.SERIES, data.getRowKeys());
        assertEquals(List.of("RoeFlux_1d", "MLP", "Simple"), data.getColumnKeys());
        assertEquals(620.0, data.getValue("fwd", "RoeFlux_1d").doubleValue());
        assertEquals(364.0, data.getValue("rev", "RoeFlux_1d").doubleValue());
        assertEquals(407.0, data.getValue("min-Markowitz", "RoeFlux_1d").doubleValue());
        assertEquals(320.0, data.getValue("AlphaGrad order on ours", "RoeFlux_1d").doubleValue());
        assertEquals(320.0, data.getValue("AlphaGrad (published)", "RoeFlux_1d").doubleValue());
        assertNull(data.getValue("AlphaGrad order on ours", "MLP"), "the published MLP ids do not apply to our graph");
        assertEquals(389.0, data.getValue("AlphaGrad (published)", "MLP").doubleValue());
        assertNull(data.getValue("AlphaGrad (published)", "Simple"), "not a paper task");
    }

    @Test
    void the_chart_is_a_png() throws Exception {
        Path png = tmp.resolve("parity.png");
        ParityChart.write(rows(), png);
        assertTrue(Files.size(png) > 1000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "decodable");
        assertTrue(image.getWidth() >= 900 && image.getHeight() == 640, image.getWidth() + "x" + image.getHeight());
    }
}
