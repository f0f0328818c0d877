package io.crosscountry.analysis;

import static io.crosscountry.analysis.TestSupport.assertRefused;
import static io.crosscountry.analysis.TestSupport.checkRefusal;
import static io.crosscountry.analysis.TestSupport.id;
import static io.crosscountry.analysis.TestSupport.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CrossCountry;
import io.crosscountry.UnsupportedBytecodeException;
import io.crosscountry.analysis.fixtures.Errors;
import io.crosscountry.elimination.Graph;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bytecode the analysis refuses, and API misuse: typed errors that say what, where and why. */
class TracerErrorTest {

    private static final Class<?> E = Errors.class;

    private final SplittableRandom rnd = new SplittableRandom(0xE770);

    private double x() {
        return rnd.nextDouble(0.2, 3.0);
    }

    /** {@link TestSupport#assertRefused} on {@link Errors}. */
    private UnsupportedBytecodeException refused(String name, String descriptor, String instruction, String marker,
                                                 String reason, Object... args) {
        return assertRefused(E, name, descriptor, instruction, marker, reason, args);
    }

    @Test
    void unknownLibraryCallOnADifferentiatedValue() {
        refused("toStringCall", "(D)D", "INVOKESTATIC java/lang/Double.toString(D)Ljava/lang/String;", "@err-toString",
                "differentiated value", x());
        refused("bits", "(D)D", "INVOKESTATIC java/lang/Double.doubleToLongBits(D)J", "@err-bits", "differentiated value", x());
    }

    @Test
    void libraryCallOnAnArray() {
        refused("hash", "([DD)D", "INVOKESTATIC java/util/Arrays.hashCode([D)I", "@err-hash", "array",
                new double[] {x(), x()}, x());
    }

    @Test
    void instanceMethodCall() {
        refused("instanceCall", "(D)D", "INVOKEVIRTUAL java/lang/String.length()I", "@err-instance",
                "instance method", x());
    }

    @Test
    void objectCreation() {
        refused("creation", "(D)D", "NEW java/lang/Object", "@err-new", "library classes", x());
    }

    @Test
    void invokedynamicLambda() {
        refused("lambda", "(D)D", "INVOKEDYNAMIC", "@err-lambda", "constructor references", x());
    }

    @Test
    void invokedynamicStringConcatenation() {
        refused("concat", "(D)D", "INVOKEDYNAMIC", "@err-concat", "unsupported", x());
    }

    @Test
    void mutableStaticField() {
        refused("readMutable", "(D)D", "GETSTATIC io/crosscountry/analysis/fixtures/Errors.mutable : D",
                "@err-mutable", "mutable static field", x());
    }

    @Test
    void fieldWrite() {
        refused("writeField", "(D)D", "PUTSTATIC io/crosscountry/analysis/fixtures/Errors.sink : D", "@err-write",
                "unsupported", x());
    }

    @Test
    void athrow() {
        refused("thrower", "(DI)D", "ATHROW", "@err-athrow", "unsupported", x(), -1);
        // the path without the throw traces fine
        assertEquals(1, CrossCountry.graph(E, "thrower", x(), 1).numVertices());
    }

    @Test
    void integerDivisionByZeroAtTheExample() {
        refused("intDivision", "(DI)D", "IDIV", "@err-idiv", "division by zero", x(), 0);
        assertEquals(1, CrossCountry.graph(E, "intDivision", x(), 3).numVertices());
    }

    @Test
    void errorInAHelperNamesTheHelper() {
        UnsupportedBytecodeException e = assertThrows(UnsupportedBytecodeException.class,
                () -> CrossCountry.graph(E, "inHelper", x()));
        checkRefusal(e, id(E, "helper", "(D)D"), "INVOKESTATIC java/lang/Double.doubleToLongBits(D)J", line(E, "@err-helper"),
                "differentiated value");
    }

    @Test
    void arrayIndexOutOfBoundsAtTheExample() {
        UnsupportedBytecodeException e = refused("outOfBounds", "([DI)D", "DALOAD", "@err-oob",
                "index 5 out of bounds for length 3", new double[] {x(), x(), x()}, 5);
        assertTrue(e.getMessage().contains("example"), e.getMessage());
        assertEquals(1, CrossCountry.graph(E, "outOfBounds", new double[] {x(), x(), x()}, 2).numVertices());
    }

    @Test
    void unboundedRecursion() {
        UnsupportedBytecodeException e = assertThrows(UnsupportedBytecodeException.class,
                () -> CrossCountry.graph(E, "deepRecursion", x(), 10_000));
        assertTrue(e.getMessage().contains("deeper than " + Tracer.MAX_DEPTH), e.getMessage());
        assertTrue(e.getMessage().contains("deepRecursion"), e.getMessage());
        Graph ok = CrossCountry.graph(E, "deepRecursion", x(), 100);
        assertEquals(100, ok.numVertices());
    }

    /** {@code while (x > 0) { int work }} never ends at x > 0: the step limit turns it into an error. */
    @Test
    @Timeout(30)
    void loopDrivenByAGuardHitsTheGuardLimit() {
        UnsupportedBytecodeException e = assertThrows(UnsupportedBytecodeException.class,
                () -> CrossCountry.graph(E, "spin", x()));
        checkRefusal(e, id(E, "spin", "(D)D"), e.instruction(), line(E, "@err-spin"),
                "more than " + Tracer.MAX_GUARDS + " branches on doubles");
        // not entered at x <= 0: fine
        assertEquals(1, CrossCountry.graph(E, "spin", -x()).numVertices());
    }

    @Test
    @Timeout(60)
    void endlessIntegerLoopHitsTheStepLimit() {
        UnsupportedBytecodeException e = assertThrows(UnsupportedBytecodeException.class,
                () -> CrossCountry.graph(E, "spinLong", x()));
        assertEquals(id(E, "spinLong", "(D)D"), e.method());
        assertTrue(e.getMessage().contains("more than " + Tracer.MAX_STEPS + " instructions traced"), e.getMessage());
    }

    /**
     * The same with one guard every six instructions: it stops at the guard limit with the typed
     * error, long before memory runs out (it used to keep ~8 million guards, ~1.6 GB).
     */
    @Test
    @Timeout(30)
    void tightGuardLoopHitsTheGuardLimit() {
        UnsupportedBytecodeException e = assertThrows(UnsupportedBytecodeException.class,
                () -> CrossCountry.graph(E, "spinTight", x()));
        checkRefusal(e, id(E, "spinTight", "(D)D"), e.instruction(), line(E, "@err-spin-tight"),
                "more than " + Tracer.MAX_GUARDS + " branches on doubles");
    }

    // ------------------------------------------------------------------ API errors

    private static IllegalArgumentException apiError(String name, Object... args) {
        return assertThrows(IllegalArgumentException.class, () -> CrossCountry.graph(E, name, args), name);
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
        }
    }

    @Test
    void noSuchMethod() {
        assertMessage(apiError("nope", 1.5), "nope", "io.crosscountry.analysis.fixtures.Errors");
    }

    @Test
    void nonStaticMethod() {
        assertMessage(apiError("instance", 1.5), id(E, "instance", "(D)D"), "static");
    }

    @Test
    void wrongNumberOfExampleArguments() {
        assertMessage(apiError("twoParams", 1.5), "twoParams", "1");
        assertMessage(apiError("twoParams", 1.5, 2.5, 3.5), "twoParams", "3");
        assertMessage(apiError("twoParams"), "twoParams", "0");
    }

    @Test
    void wrongArgumentType() {
        assertMessage(apiError("twoParams", 1.5, "two"), "'y'", id(E, "twoParams", "(DD)D"), "double", "String");
        assertMessage(apiError("twoParams", 1.5, null), "'y'", "null");
        assertMessage(apiError("outOfBounds", new float[] {1.5f}, 0), "'a'", "double[]", "float[]");
        assertMessage(apiError("outOfBounds", new double[] {1.5}, 0.5), "'i'", "int", "Double");
    }

    @Test
    void unsupportedReturnType() {
        assertMessage(apiError("returnsInt", 1.5), id(E, "returnsInt", "(D)I"), "returns int");
        assertMessage(apiError("returnsVoid", 1.5), id(E, "returnsVoid", "(D)V"), "returns void");
    }

    @Test
    void ambiguousOverload() {
        assertMessage(apiError("over", 1.5), "over", "ambiguous");
        // overloads told apart by the example arguments are fine
        assertEquals(1, CrossCountry.graph(E, "overDistinct", 1.5).numInputs());
        assertEquals(3, CrossCountry.graph(E, "overDistinct", (Object) new double[] {1.5, 2.5, 3.5}).numInputs());
    }

    @Test
    void nullResultAndNullRow() {
        assertMessage(apiError("nullResult", 1.5), "null");
        assertMessage(apiError("rows", (Object) new double[][] {{1.5}, null}), "null row 1");
    }

    @Test
    void nullOwnerOrName() {
        assertThrows(NullPointerException.class, () -> CrossCountry.graph(null, "f", 1.0));
        assertThrows(NullPointerException.class, () -> CrossCountry.graph(E, null, 1.0));
    }

    @Test
    void unsupportedDifferentiableParameterType() {
        assertMessage(apiError("cube3", (Object) new double[][][] {{{1.5}}}), "'x'", "double[][][]", "double[][]");
    }

    @Test
    void sameArrayPassedTwice() {
        double[] a = {1.5, 2.5};
        assertMessage(apiError("twoArrays", a, a), "same array is passed twice", id(E, "twoArrays", "([D[D)D"));
        assertEquals(4, CrossCountry.graph(E, "twoArrays", a, a.clone()).numInputs());
    }

    @Test
    void inheritedStaticMethodIsInlined() {
        var g = CrossCountry.graph(E, "inherited", 1.25);
        assertEquals(1, g.numVertices());
        assertEquals(io.crosscountry.elimination.Op.MUL, g.op(1));
    }

    @Test
    void branchGuardKeepsEveryResultOfTheSamePath() {
        Guard g = CrossCountry.trace(E, "atMost", 1.0, 2.0).guards().get(0);
        assertEquals(-1, g.outcome());
        assertTrue(g.holds(1.0, 2.0));
        assertTrue(g.holds(2.0, 2.0), "x == y takes the same path as x < y for x <= y");
        assertFalse(g.holds(3.0, 2.0));
        assertFalse(g.holds(Double.NaN, 2.0), "NaN <= y is false in Java");
    }
}
