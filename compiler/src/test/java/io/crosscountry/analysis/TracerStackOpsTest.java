package io.crosscountry.analysis;

import static io.crosscountry.analysis.TestSupport.assertSameDouble;
import static io.crosscountry.analysis.TestSupport.listing;
import static io.crosscountry.analysis.TestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import io.crosscountry.CrossCountry;
import io.crosscountry.UnsupportedBytecodeException;
import io.crosscountry.elimination.Graph;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * Every form of the JVM's stack-shuffling instructions (dup_x1, dup_x2 ×2, dup2 ×2, dup2_x1 ×2,
 * dup2_x2 ×4, pop2 ×2, pop, swap) on symbolic floats and doubles. javac emits only some of them,
 * so the subjects are generated with ASM; the JVM runs the same bytecode for the expected values,
 * so a wrong permutation of the traced stack shows up as a wrong value at random inputs.
 */
class TracerStackOpsTest {

    private static final String NAME = "io.crosscountry.analysis.gen.StackOps";
    private static final Map<String, Method> METHODS = new LinkedHashMap<>();
    private static Class<?> generated;

    /** A generated method: descriptor, the number of vertices it must trace to, and its body. */
    record Method(String name, String desc, int vertices, Consumer<MethodVisitor> body) {
        @Override
        public String toString() {
            return name + desc;
        }
    }

    private static void define(String name, String desc, int vertices, Consumer<MethodVisitor> body) {
        METHODS.put(name, new Method(name, desc, vertices, body));
    }

    static {
        // [a b] -> [b a b]; fsub, fmul: b * (a - b)
        define("dupX1", "(FF)D", 2, mv -> {
            mv.visitVarInsn(FLOAD, 0);
            mv.visitVarInsn(FLOAD, 1);
            mv.visitInsn(DUP_X1);
            mv.visitInsn(FSUB);
            mv.visitInsn(FMUL);
            mv.visitInsn(F2D);
        });
        // [a b c] -> [c a b c]; c / (a * (b - c))
        define("dupX2Form1", "(FFF)D", 3, mv -> {
            mv.visitVarInsn(FLOAD, 0);
            mv.visitVarInsn(FLOAD, 1);
            mv.visitVarInsn(FLOAD, 2);
            mv.visitInsn(DUP_X2);
            mv.visitInsn(FSUB);
            mv.visitInsn(FMUL);
            mv.visitInsn(FDIV);
            mv.visitInsn(F2D);
        });
        // [x(D) a(F)] -> [a x a]; a - x * a
        define("dupX2Form2", "(DF)D", 2, mv -> {
            mv.visitVarInsn(DLOAD, 0);
            mv.visitVarInsn(FLOAD, 2);
            mv.visitInsn(DUP_X2);
            mv.visitInsn(F2D);
            mv.visitInsn(DMUL);
            mv.visitVarInsn(DSTORE, 3);
            mv.visitInsn(F2D);
            mv.visitVarInsn(DLOAD, 3);
            mv.visitInsn(DSUB);
        });
        // [a b] -> [a b a b]; a - (b + a * b)
        define("dup2Form1", "(FF)D", 3, mv -> {
            mv.visitVarInsn(FLOAD, 0);
            mv.visitVarInsn(FLOAD, 1);
            mv.visitInsn(DUP2);
            mv.visitInsn(FMUL);
            mv.visitInsn(FADD);
            mv.visitInsn(FSUB);
            mv.visitInsn(F2D);
        });
        // [x] -> [x x]; x * x
        define("dup2Form2", "(D)D", 1, mv -> {
            mv.visitVarInsn(DLOAD, 0);
            mv.visitInsn(DUP2);
            mv.visitInsn(DMUL);
        });
        // long: [n] -> [n n]; x * (double) (n * n)
        define("dup2Long", "(DJ)D", 1, mv -> {
            mv.visitVarInsn(DLOAD, 0);
            mv.visitVarInsn(LLOAD, 2);
            mv.visitInsn(DUP2);
            mv.visitInsn(LMUL);
            mv.visitInsn(L2D);
            mv.visitInsn(DMUL);
        });
        // [a b c] -> [b c a b c]; b / (c + a * (b - c))
        define("dup2X1Form1", "(FFF)D", 4, mv -> {
            mv.visitVarInsn(FLOAD, 0);
            mv.visitVarInsn(FLOAD, 1);
            mv.visitVarInsn(FLOAD, 2);
            mv.visitInsn(DUP2_X1);
            mv.visitInsn(FSUB);
            mv.visitInsn(FMUL);
            mv.visitInsn(FADD);
            mv.visitInsn(FDIV);
            mv.visitInsn(F2D);
        });
        // [a(F) x(D)] -> [x a x]; x - a * x
        define("dup2X1Form2", "(FD)D", 2, mv -> {
            mv.visitVarInsn(FLOAD, 0);
            mv.visitVarInsn(DLOAD, 1);
            mv.visitInsn(DUP2_X1);
            mv.visitVarInsn(DSTORE, 3);
            mv.visitInsn(F2D);
            mv.visitVarInsn(DLOAD, 3);
            mv.visitInsn(DMUL);
            mv.visitInsn(DSUB);
        });
        // [k(I) x(D)] -> [x k x]; x + k * x with a concrete int below
        define("dup2X1Int", "(ID)D", 2, mv -> {
            mv.visitVarInsn(ILOAD, 0);
            mv.visitVarInsn(DLOAD, 1);
            mv.visitInsn(DUP2_X1);
            mv.visitVarInsn(DSTORE, 3);
            mv.visitInsn(I2D);
            mv.visitVarInsn(DLOAD, 3);
            mv.visitInsn(DMUL);
            mv.visitInsn(DADD);
        });
        // [a b c d] -> [c d a b c d]; c - d / (a + b * (c - d))
        define("dup2X2Form1", "(FFFF)D", 5, mv -> {
            mv.visitVarInsn(FLOAD, 0);
            mv.visitVarInsn(FLOAD, 1);
            mv.visitVarInsn(FLOAD, 2);
            mv.visitVarInsn(FLOAD, 3);
            mv.visitInsn(DUP2_X2);
            mv.visitInsn(FSUB);
            mv.visitInsn(FMUL);
            mv.visitInsn(FADD);
            mv.visitInsn(FDIV);
            mv.visitInsn(FSUB);
            mv.visitInsn(F2D);
        });
        // [a b x(D)] -> [x a b x]; x + (a - b) * x
        define("dup2X2Form2", "(FFD)D", 3, mv -> {
            mv.visitVarInsn(FLOAD, 0);
            mv.visitVarInsn(FLOAD, 1);
            mv.visitVarInsn(DLOAD, 2);
            mv.visitInsn(DUP2_X2);
            mv.visitVarInsn(DSTORE, 4);
            mv.visitInsn(FSUB);
            mv.visitInsn(F2D);
            mv.visitVarInsn(DLOAD, 4);
            mv.visitInsn(DMUL);
            mv.visitInsn(DADD);
        });
        // [x(D) a b] -> [a b x a b]; (a - b) + x * (a / b)
        define("dup2X2Form3", "(DFF)D", 4, mv -> {
            mv.visitVarInsn(DLOAD, 0);
            mv.visitVarInsn(FLOAD, 2);
            mv.visitVarInsn(FLOAD, 3);
            mv.visitInsn(DUP2_X2);
            mv.visitInsn(FDIV);
            mv.visitInsn(F2D);
            mv.visitInsn(DMUL);
            mv.visitVarInsn(DSTORE, 4);
            mv.visitInsn(FSUB);
            mv.visitInsn(F2D);
            mv.visitVarInsn(DLOAD, 4);
            mv.visitInsn(DADD);
        });
        // [x y] -> [y x y]; y * (x - y)
        define("dup2X2Form4", "(DD)D", 2, mv -> {
            mv.visitVarInsn(DLOAD, 0);
            mv.visitVarInsn(DLOAD, 2);
            mv.visitInsn(DUP2_X2);
            mv.visitInsn(DSUB);
            mv.visitInsn(DMUL);
        });
        // [x x a b] -> [x x]; x * x
        define("pop2Form1", "(DFF)D", 1, mv -> {
            mv.visitVarInsn(DLOAD, 0);
            mv.visitVarInsn(DLOAD, 0);
            mv.visitVarInsn(FLOAD, 2);
            mv.visitVarInsn(FLOAD, 3);
            mv.visitInsn(POP2);
            mv.visitInsn(DMUL);
        });
        // [x y y] -> [x y]; x - y
        define("pop2Form2", "(DD)D", 1, mv -> {
            mv.visitVarInsn(DLOAD, 0);
            mv.visitVarInsn(DLOAD, 2);
            mv.visitVarInsn(DLOAD, 2);
            mv.visitInsn(POP2);
            mv.visitInsn(DSUB);
        });
        // [a b a] -> [a b]; a * b
        define("pop", "(FF)D", 1, mv -> {
            mv.visitVarInsn(FLOAD, 0);
            mv.visitVarInsn(FLOAD, 1);
            mv.visitVarInsn(FLOAD, 0);
            mv.visitInsn(POP);
            mv.visitInsn(FMUL);
            mv.visitInsn(F2D);
        });
        // [a b] -> [b a]; b - a
        define("swap", "(FF)D", 1, mv -> {
            mv.visitVarInsn(FLOAD, 0);
            mv.visitVarInsn(FLOAD, 1);
            mv.visitInsn(SWAP);
            mv.visitInsn(FSUB);
            mv.visitInsn(F2D);
        });
    }

    @BeforeAll
    static void generate() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, NAME.replace('.', '/'), null, "java/lang/Object", null);
        for (Method m : METHODS.values()) {
            MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, m.name(), m.desc(), null, null);
            mv.visitCode();
            m.body().accept(mv);
            mv.visitInsn(DRETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        // outside METHODS: refused, and the class has no line numbers
        MethodVisitor bits = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "bits", "(D)D", null, null);
        bits.visitCode();
        bits.visitVarInsn(DLOAD, 0);
        bits.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToLongBits", "(D)J", false);
        bits.visitInsn(L2D);
        bits.visitInsn(DRETURN);
        bits.visitMaxs(0, 0);
        bits.visitEnd();
        cw.visitEnd();
        generated = TestSupport.defineGenerated(NAME.replace('.', '/'), cw.toByteArray());
    }

    static Stream<Method> methods() {
        return METHODS.values().stream();
    }

    private static Object[] randomArgs(java.lang.reflect.Method m, SplittableRandom rnd) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            double x = rnd.nextDouble(0.25, 8.0) * (rnd.nextBoolean() ? 1 : -1);
            if (types[i] == float.class) {
                args[i] = (float) x;
            } else if (types[i] == double.class) {
                args[i] = x;
            } else if (types[i] == int.class) {
                args[i] = 2 + rnd.nextInt(7);
            } else {
                args[i] = 2L + rnd.nextInt(7);
            }
        }
        return args;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void stackShuffleIsExact(Method method) {
        SplittableRandom rnd = new SplittableRandom(method.name().hashCode());
        java.lang.reflect.Method m = TestSupport.method(generated, method.name(), method.desc().length() - 3);
        Object[] example = randomArgs(m, rnd);
        Trace t = CrossCountry.trace(generated, method.name(), example);
        Graph g = t.graph();
        assertEquals(method.vertices(), g.numVertices(), method + ": " + listing(g));
        assertTrue(t.guards().isEmpty());
        assertSameDouble(run(generated, method.name(), example)[0], t.outputValues()[0], method + " at the example");
        for (int s = 0; s < 500; s++) {
            Object[] args = randomArgs(m, rnd);
            // concrete ints/longs fix the graph: keep the example's
            for (int i = 0; i < args.length; i++) {
                if (!(args[i] instanceof Double) && !(args[i] instanceof Float)) {
                    args[i] = example[i];
                }
            }
            assertSameDouble(run(generated, method.name(), args)[0],
                    GraphEvaluator.outputs(g, TestSupport.flatten(args))[0], method + " at " + Arrays.toString(args));
        }
    }

    @Test
    void errorWithoutLineNumbers() {
        UnsupportedBytecodeException e = assertThrows(UnsupportedBytecodeException.class,
                () -> CrossCountry.graph(generated, "bits", 2.5));
        assertEquals("INVOKESTATIC java/lang/Double.doubleToLongBits(D)J", e.instruction());
        assertEquals(NAME + ".bits(D)D", e.method());
        assertEquals(-1, e.line());
        assertTrue(e.getMessage().contains("(no line numbers)"), e.getMessage());
    }

    @Test
    void everyStackShuffleFormIsCovered() {
        assertEquals(17, METHODS.size());
    }
}
