package io.crosscountry.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscountry.CrossCountry;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.samples.parity.ParityReport;
import io.crosscountry.samples.parity.ParityRow;
import io.crosscountry.samples.parity.Published;
import io.crosscountry.samples.parity.PublishedTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact parity with the published multiplication counts (PAPER mode) on the scalar tasks. */
class PublishedParityTest {

    @ParameterizedTest(name = "{0}: fwd {1}, rev {2}, min-Markowitz {3}, AlphaGrad {4}")
    @CsvSource({
        "RoeFlux_1d,        620, 364, 407, 320",
        "RobotArm_6DOF,     397, 301, 288, 231",
        "HumanHeartDipole,  240, 172, 194, 148",
        "PropaneCombustion, 151,  90, 111,  88",
        "g,                 632, 566, 451, 417",
    })
    void scalar_task_counts_equal_published(String task, long fwd, long rev, long markowitz, long alphagrad) {
        Sample s = Samples.get(task);
        Graph g = CrossCountry.graph(s.owner(), s.method(), s.args());
        PublishedTask published = Published.task(task).orElseThrow();

        assertEquals(fwd, g.cost(g.forwardOrder(), CostMode.PAPER), "forward");
        assertEquals(rev, g.cost(g.reverseOrder(), CostMode.PAPER), "reverse");
        assertEquals(markowitz, g.cost(g.markowitzOrder(), CostMode.PAPER), "min-Markowitz");
        assertEquals(alphagrad, g.cost(published.alphagradOrder(), CostMode.PAPER), "published AlphaGrad order");
        assertArrayEquals(published.markowitzOrder(), g.markowitzOrder(), "published min-Markowitz order");
        assertEquals(markowitz, g.cost(published.markowitzOrder()), "published min-Markowitz order's cost");
        assertEquals(published.count("alphagrad").getAsLong(), alphagrad, "published count in the resource");
    }

    @ParameterizedTest(name = "{0}: fwd {1}, rev {2}, min-Markowitz {3}")
    @CsvSource({
        "Simple,     8,  6,  6",
        "Hole,      28, 24, 26",
        // Lighthouse: #7 is returned and consumed by #8; we follow the graphax convention (TASKS.md §2:
        // fwd 18, rev 22); its min-Markowitz under that convention is 20 (counted by hand in the README)
        "Lighthouse, 18, 22, 20",
    })
    void warmup_counts_equal_hand_counts(String task, long fwd, long rev, long markowitz) {
        Sample s = Samples.get(task);
        Graph g = CrossCountry.graph(s.owner(), s.method(), s.args());
        assertEquals(fwd, g.cost(g.forwardOrder()), "forward");
        assertEquals(rev, g.cost(g.reverseOrder()), "reverse");
        assertEquals(markowitz, g.cost(g.markowitzOrder()), "min-Markowitz");
    }

    @Test
    void effective_counts_match_the_design_examples() {
        // DESIGN.md: RoeFlux_1d reverse costs 234 EFFECTIVE; HumanHeartDipole forward mode is 48 EFFECTIVE.
        Sample roe = Samples.get("RoeFlux_1d");
        Graph g = CrossCountry.graph(roe.owner(), roe.method(), roe.args());
        assertEquals(234, g.cost(g.reverseOrder(), CostMode.EFFECTIVE));
        Sample hhd = Samples.get("HumanHeartDipole");
        Graph h = CrossCountry.graph(hhd.owner(), hhd.method(), hhd.args());
        assertEquals(48, h.cost(h.forwardOrder(), CostMode.EFFECTIVE));
    }

    @Test
    void parity_report_applies_published_orders_only_where_ids_apply() {
        ParityRow roe = ParityReport.row(Samples.get("RoeFlux_1d"));
        assertEquals(320, roe.publishedAlphagradOnOurs().getAsLong());
        assertEquals(407, roe.publishedMarkowitzOnOurs().getAsLong());
        assertEquals(Boolean.TRUE, roe.markowitzOrderIdentical().orElseThrow());
        ParityRow mlp = ParityReport.row(Samples.get("MLP"));
        assertEquals(true, mlp.publishedAlphagradOnOurs().isEmpty(), "MLP's graph is scalarised: published ids do not apply");
        assertEquals(10930, mlp.published().orElseThrow().count("fwd").getAsLong());
    }
}
