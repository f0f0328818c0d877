package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/** The estimate of inlined bytecode, and chunks cut by it. */
class InlinedBytesTest {

    private static final String FIXTURE = "io/crosscountry/codegen/InlineFixture";

    private static int of(String name) {
        return InlinedBytes.of(FIXTURE, name, "(D)D");
    }

    @Test
    void codeLengthsAreReadFromTheClassFile() throws IOException {
        try (InputStream in = InlinedBytesTest.class.getResourceAsStream("/" + FIXTURE + ".class")) {
            Map<String, Integer> lengths = CodeLengths.of(new ClassReader(in));
            assertEquals(2, lengths.get("leaf(D)D"));
            assertEquals(5, lengths.get("caller(D)D"));
            assertTrue(lengths.get("huge(D)D") > InlinedBytes.INLINE_LIMIT, "huge: " + lengths.get("huge(D)D"));
        }
    }

    @Test
    void aCallCountsItsCalleesRecursively() {
        assertEquals(2, of("leaf"));
        assertEquals(5 + 2, of("caller"));
        assertEquals(5 + 5 + 2, of("chain"));
    }

    @Test
    void nativeAndOversizedCalleesAddNothing() {
        assertEquals(0, InlinedBytes.of("java/lang/Double", "longBitsToDouble", "(J)D"));
        assertEquals(8, of("viaNative"));
        assertEquals(0, of("huge"));
        assertEquals(5, of("viaHuge"));
    }

    @Test
    void mathIntrinsicsAddNothingOnEveryJdk() {
        // their bytecode delegates to StrictMath: native on JDK 17, Java code (hundreds of bytes) since JDK 21
        for (String name : List.of("sin", "cos", "tan", "log", "log10", "exp", "sqrt")) {
            assertEquals(0, InlinedBytes.of("java/lang/Math", name, "(D)D"), name);
        }
        assertEquals(0, InlinedBytes.of("java/lang/Math", "pow", "(DD)D"));
        assertTrue(InlinedBytes.of("java/lang/Math", "cbrt", "(D)D") > 0, "cbrt is not an intrinsic");
    }

    @Test
    void recursionCountsOnce() {
        int own = of("recursive");
        assertTrue(own > 0 && own < 40, "recursive: " + own);
    }

    @Test
    void unreadableCalleesCountAFixedGuess() {
        assertEquals(InlinedBytes.UNKNOWN, InlinedBytes.of("no/such/Owner", "f", "(D)D"));
        assertEquals(InlinedBytes.UNKNOWN, of("noSuchMethod"));
    }

    @Test
    void theHelpersGeneratedCodeCallsAreInlinedWhole() {
        int powBase = InlinedBytes.of("io/crosscountry/codegen/Derivatives", "powBase", "(DDD)D");
        assertTrue(powBase > 30 && powBase < InlinedBytes.INLINE_LIMIT, "powBase: " + powBase);
        assertTrue(InlinedBytes.of("java/lang/Math", "atan2", "(DD)D") > 0);
    }

    /**
     * A long chain of calls (atanh, atan2, pow): every chunk's bytecode plus what its calls inline
     * stays within the budget (the bytecode alone does not show it), and the Jacobian still matches
     * dual numbers.
     */
    @Test
    void chunksOfCallHeavyCodeLeaveRoomForInlining() {
        SplittableRandom rnd = new SplittableRandom(11);
        double[] x = {0.3, -0.2, 0.45, 0.1};
        Graph.Builder b = Graph.builder(x.length);
        int prev = b.add(Op.ATANH, Operand.input(0));
        for (int k = 0; k < 1200; k++) {
            int a = b.add(Op.ATAN2, Operand.vertex(prev), Operand.input(1 + rnd.nextInt(3)));
            int p = b.add(Op.POW, Operand.literal(1.5 + rnd.nextDouble()), Operand.vertex(a));
            int m = b.add(Op.MUL, Operand.vertex(p), Operand.literal(0.3));
            prev = b.add(Op.ATANH, Operand.vertex(m));
        }
        Graph g = b.outputs(prev).build();
        int[] order = g.reverseOrder();
        Backend.Output out = Backend.generate(Lowering.lower(g, List.of(), order), Backend.Limits.DEFAULT);
        assertTrue(out.largestCompiled() <= Backend.METHOD_BUDGET, "largest with inlining: " + out.largestCompiled());
        assertTrue(out.largestCompiled() > out.largestMethod(), "calls inline some bytecode");
        CompiledPath path = JacobianCompiler.compile(g, order);
        ClassFiles.verify(path);
        double[][] j = new double[1][x.length];
        assertTrue(path.evaluate(x, path.newWorkArray(), j));
        Check.assertMatchesDuals(j, DualNumbers.jacobian(g, x), "call chain");
    }
}
