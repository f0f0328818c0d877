package io.crosscountry.analysis;

import static io.crosscountry.analysis.TestSupport.in;
import static io.crosscountry.analysis.TestSupport.lit;
import static io.crosscountry.analysis.TestSupport.randomArray;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.crosscountry.CrossCountry;
import io.crosscountry.analysis.fixtures.Guards;
import io.crosscountry.analysis.fixtures.Ops;
import io.crosscountry.analysis.fixtures.Structure;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The fingerprint identifies the traced structure: stable across traces, sensitive to shape. */
class FingerprintTest {

    private final SplittableRandom rnd = new SplittableRandom(0xF1);

    @Test
    void sameMethodTracedTwiceHasTheSameFingerprint() {
        double[] x = randomArray(rnd, 4, -3, 3);
        String a = CrossCountry.graph(Structure.class, "sumSquares", (Object) x).fingerprint();
        String b = CrossCountry.graph(Structure.class, "sumSquares", (Object) x.clone()).fingerprint();
        assertEquals(a, b);
        assertEquals(32, a.length(), "128 bits in hex");
    }

    /** Without guards, the example's values do not matter, only its shape. */
    @Property(tries = 50)
    void fingerprintDependsOnShapeNotValues(@ForAll @IntRange(min = 1, max = 6) int n,
                                            @ForAll @DoubleRange(min = -5, max = 5) double scale) {
        double[] x = randomArray(new SplittableRandom(n), n, -3, 3);
        double[] y = x.clone();
        for (int i = 0; i < n; i++) {
            y[i] *= scale;
        }
        assertEquals(CrossCountry.graph(Structure.class, "sumSquares", (Object) x).fingerprint(),
                CrossCountry.graph(Structure.class, "sumSquares", (Object) y).fingerprint());
    }

    @Test
    void exampleLengthChangesTheFingerprint() {
        String three = CrossCountry.graph(Structure.class, "sumSquares", (Object) randomArray(rnd, 3, -3, 3)).fingerprint();
        String four = CrossCountry.graph(Structure.class, "sumSquares", (Object) randomArray(rnd, 4, -3, 3)).fingerprint();
        assertNotEquals(three, four);
        String scale3 = CrossCountry.graph(Structure.class, "scaleVec", randomArray(rnd, 3, -3, 3), 1.5).fingerprint();
        String scale4 = CrossCountry.graph(Structure.class, "scaleVec", randomArray(rnd, 4, -3, 3), 1.5).fingerprint();
        assertNotEquals(scale3, scale4);
    }

    @Test
    void branchTakenChangesTheFingerprint() {
        assertNotEquals(CrossCountry.graph(Guards.class, "greater", 2.5, 1.25).fingerprint(),
                CrossCountry.graph(Guards.class, "greater", 1.25, 2.5).fingerprint());
    }

    @Test
    void fingerprintIsTheStructureOfTheGraph() {
        double x = rnd.nextDouble(-3, 3);
        Graph traced = CrossCountry.graph(Ops.class, "literalTimes", x);
        Graph.Builder same = Graph.builder(1);
        same.outputs(same.add(Op.MUL, lit(0.75), in(0)));
        assertEquals(same.build().fingerprint(), traced.fingerprint());
        Graph.Builder otherLiteral = Graph.builder(1);
        otherLiteral.outputs(otherLiteral.add(Op.MUL, lit(0.5), in(0)));
        assertNotEquals(otherLiteral.build().fingerprint(), traced.fingerprint());
        Graph.Builder swapped = Graph.builder(1);
        swapped.outputs(swapped.add(Op.MUL, in(0), lit(0.75)));
        assertNotEquals(swapped.build().fingerprint(), traced.fingerprint(), "literal positions count");
        assertNotEquals(CrossCountry.graph(Ops.class, "fmul", 1.5f, 2.5f).fingerprint(),
                CrossCountry.graph(Ops.class, "mul", 1.5, 2.5).fingerprint(), "precision counts");
    }
}
