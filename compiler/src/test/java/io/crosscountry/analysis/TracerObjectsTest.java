package io.crosscountry.analysis;

import static io.crosscountry.analysis.TestSupport.assertRefused;
import static io.crosscountry.analysis.TestSupport.checkPrimal;
import static io.crosscountry.analysis.TestSupport.count;
import static io.crosscountry.analysis.TestSupport.id;
import static io.crosscountry.analysis.TestSupport.line;
import static io.crosscountry.analysis.TestSupport.listing;
import static io.crosscountry.analysis.TestSupport.lit;
import static io.crosscountry.analysis.TestSupport.v;
import static io.crosscountry.analysis.TestSupport.randomArray;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CompiledJacobian;
import io.crosscountry.CrossCountry;
import io.crosscountry.Order;
import io.crosscountry.UnsupportedBytecodeException;
import io.crosscountry.analysis.fixtures.ValueObjects;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Objects of user code: created, written and read field by field during tracing, their methods
 * inlined with virtual dispatch on the object's class; they leave no trace in the graph.
 */
class TracerObjectsTest {

    private static final Class<?> O = ValueObjects.class;

    private final SplittableRandom rnd = new SplittableRandom(0x0B1EC7);

    private double x() {
        return rnd.nextDouble(-2.0, 2.0);
    }

    private double[] vec() {
        return randomArray(rnd, 3, -2.0, 2.0);
    }

    @Test
    void valueClassTracesToTheGraphOfTheScalarCode() {
        Trace objects = checkPrimal(O, "tripleProduct", rnd, 100, -2, 2, vec(), vec(), vec());
        Trace scalars = checkPrimal(O, "tripleProductScalars", rnd, 20, -2, 2, vec(), vec(), vec());
        assertEquals(scalars.graph().fingerprint(), objects.graph().fingerprint(),
                listing(objects.graph()) + "\nvs\n" + listing(scalars.graph()));
        assertTrue(objects.guards().isEmpty());
    }

    @Test
    void recordsInALoop() {
        Graph g = checkPrimal(O, "complexPoly", rnd, 100, -2, 2, x(), x(), vec()).graph();
        assertEquals(2 + 3, g.numInputs());
        assertEquals(3, g.numOutputs());
        assertEquals(1, count(g, Op.HYPOT), listing(g));
        assertEquals(0, count(g, Op.COPY), listing(g));
    }

    @Test
    void fieldWritesInPlaceAndDefaults() {
        for (int steps = 1; steps <= 4; steps++) {
            Trace t = checkPrimal(O, "mutate", rnd, 50, 0.1, 1.5, x(), x(), x(), steps);
            assertEquals(5, t.graph().numOutputs());
        }
    }

    @Test
    void virtualDispatchSuperCallsPrivateMethodsAndDefaultMethods() {
        checkPrimal(O, "shapes", rnd, 100, 0.1, 2, x(), x(), x());
        double s = 1.25;
        double r = 0.5;
        double k = 3.0;
        double square = s * s;
        double circle = Math.PI * r * r;
        double expected = k * square + (2.0 * 0.25 + s) * square + k * circle + 1.5 * circle;
        assertEquals(expected, CrossCountry.trace(O, "shapes", s, r, k).outputValues()[0], 1e-12);
    }

    @Test
    void finalFieldsOfAConstantObjectAreConstants() {
        Graph g = checkPrimal(O, "withParams", rnd, 100, -2, 2, x()).graph();
        // p = 1·x, x², x³; three weighted terms; three additions (the first to 0.0); the gain
        assertEquals(10, g.numVertices(), listing(g));
        assertEquals(3 + 3 + 1, count(g, Op.MUL), listing(g));
        assertEquals(List.of(lit(0.5), v(1)), g.operands(2), "the record's array component, read as constants");
        assertEquals(List.of(lit(0.75), v(9)), g.operands(10), "the record's double component");
    }

    @Test
    void enumSwitch() {
        Object[] modes = enumModes();
        Graph linear = checkPrimal(O, "byMode", rnd, 20, -2, 2, x(), modes[0]).graph();
        Graph square = checkPrimal(O, "byMode", rnd, 20, -2, 2, x(), modes[1]).graph();
        Graph sine = checkPrimal(O, "byMode", rnd, 20, -2, 2, x(), modes[2]).graph();
        assertEquals(Op.MUL, linear.op(1));
        assertEquals(Op.MUL, square.op(1));
        assertNotEquals(linear.fingerprint(), square.fingerprint());
        assertEquals(Op.SIN, sine.op(1));
    }

    private static Object[] enumModes() {
        try {
            Class<?> mode = Class.forName(ValueObjects.class.getName() + "$Mode");
            return mode.getEnumConstants();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void guardInAnInstanceMethodNamesThatMethod() {
        Trace t = CrossCountry.trace(O, "clippedNorm", 0.3, 0.4);
        assertEquals(1, t.guards().size());
        Guard g = t.guards().get(0);
        assertEquals(id(ValueObjects.Vec3.class, "clipped", "()D"), g.method());
        assertEquals(line(ValueObjects.class, "@guard-clipped"), g.line());
        assertEquals(Math.sqrt(0.3 * 0.3 + 0.4 * 0.4 + 1.0), t.outputValues()[0], 0.0);
        Trace clipped = CrossCountry.trace(O, "clippedNorm", 3.0, 0.4);
        assertEquals(2.0, clipped.outputValues()[0], 0.0);
    }

    @Test
    void recordAndEnumArgumentsAreConcreteAndCheckedPerCall() {
        Object[] modes = enumModes();
        ValueObjects.Gains gains = new ValueObjects.Gains(2.5, 0.75);
        CompiledJacobian j = CrossCountry.jacobian(O, "controller", Order.REV, new double[] {0.3, -0.2}, gains, modes[2]);
        for (int k = 0; k < 20; k++) {
            double[] s = {x(), x()};
            double u = -2.5 * s[0] - 0.75 * s[1];
            double n = Math.sqrt(s[0] * s[0] + s[1] * s[1]);
            // an equal record is the same concrete argument
            double[][] jac = j.apply(s, new ValueObjects.Gains(2.5, 0.75), modes[2]);
            assertEquals(-2.5 * Math.cos(u), jac[0][0], 1e-12);
            assertEquals(-0.75 * Math.cos(u), jac[0][1], 1e-12);
            assertEquals(s[0] / n, jac[1][0], 1e-12);
            assertEquals(s[1] / n, jac[1][1], 1e-12);
        }
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> j.apply(new double[] {0.1, 0.2}, new ValueObjects.Gains(1.0, 0.75), modes[2]));
        assertTrue(other.getMessage().contains("argument 1"), other.getMessage());
        assertThrows(IllegalArgumentException.class, () -> j.apply(new double[] {0.1, 0.2}, gains, modes[0]));
    }

    @Test
    void arrayInsideAnObjectArgumentIsRefused() {
        ValueObjects.Params p = new ValueObjects.Params(1.0, new double[] {2.0}, 1);
        UnsupportedBytecodeException e = assertThrows(UnsupportedBytecodeException.class,
                () -> CrossCountry.graph(O, "arrayInArgument", 0.5, p));
        // the read is in the record's accessor, which the error names (as for any helper)
        assertEquals(ValueObjects.Params.class.getName() + ".weights()[D", e.method());
        assertEquals(line(O, "@params-accessors"), e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("pass the array as a parameter"), e.getMessage());
    }

    // ------------------------------------------------------------------ refused

    private void refused(String name, String instruction, String marker, String reason) {
        assertRefused(O, name, "(D)D", instruction, marker, reason, 0.7);
    }

    @Test
    void libraryObjectsAndMethodsAreRefusedWithMethodAndLine() {
        refused("libraryObject", "NEW java/lang/StringBuilder", "@err-library-new", "library classes");
        refused("objectMethod", "INVOKEVIRTUAL", "@err-hashcode", "not found in user code");
    }

    @Test
    void mutableStateOutsideTheCallIsRefused() {
        refused("mutableConstant", "GETFIELD", "@err-mutable-field", "make the field final");
        refused("writeConstant", "PUTFIELD", "@err-write-constant", "created outside");
    }

    @Test
    void nullReceiverAtTheExample() {
        refused("nullReceiver", "INVOKEVIRTUAL", "@err-null", "null reference");
    }
}
