package io.crosscountry.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** The value transform is invertible, odd, monotone and compresses large values. */
class ValueTransformTest {

    @Property(tries = 2000)
    void inverse_undoes_forward(@ForAll @DoubleRange(min = -1e6, max = 1e6) double x) {
        assertEquals(x, ValueTransform.inverse(ValueTransform.forward(x)), 1e-9 * Math.max(1, Math.abs(x)));
    }

    @Property(tries = 1000)
    void monotone_and_odd(@ForAll @DoubleRange(min = -1e4, max = 1e4) double x, @ForAll @DoubleRange(min = 0.001, max = 10) @net.jqwik.api.constraints.Scale(4) double d) {
        assertTrue(ValueTransform.forward(x + d) > ValueTransform.forward(x));
        assertEquals(-ValueTransform.forward(x), ValueTransform.forward(-x), 1e-12 * Math.max(1, Math.abs(x)));
    }

    @Property(tries = 200)
    void compresses(@ForAll @DoubleRange(min = 3, max = 1e6) double x) {
        assertTrue(ValueTransform.forward(x) < x);
        assertEquals(0.0, ValueTransform.forward(0.0));
    }
}
