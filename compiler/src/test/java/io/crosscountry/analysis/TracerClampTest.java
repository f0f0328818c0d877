package io.crosscountry.analysis;

import static io.crosscountry.analysis.TestSupport.assertSameDouble;
import static io.crosscountry.analysis.TestSupport.listing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CompiledJacobian;
import io.crosscountry.CrossCountry;
import io.crosscountry.Order;
import io.crosscountry.UnsupportedBytecodeException;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import java.lang.reflect.Method;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code Math.clamp(value, min, max)} (Java 21) with constant bounds traces to what the JDK
 * computes, {@code min(max, max(value, min))}: two vertices. This project compiles for Java 17,
 * so the calls are written with ASM; on JDK 21+ the generated methods themselves run too.
 */
class TracerClampTest {

    private static final String NAME = "io/crosscountry/analysis/generated/Clamps";
    private static final Class<?> OWNER = TestSupport.defineGenerated(NAME, classBytes());
    private static final double[] SPECIALS = {0.0, -0.0, -1.0, 2.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE};

    @Test
    void clampIsAMaxThenAMin() {
        Graph g = CrossCountry.graph(OWNER, "clamp", 0.5);
        assertEquals(List.of(Op.MAX, Op.MIN), List.of(g.op(1), g.op(2)), listing(g));
        SplittableRandom rnd = new SplittableRandom(31);
        for (int s = 0; s < 500 + SPECIALS.length; s++) {
            double x = s < SPECIALS.length ? SPECIALS[s] : rnd.nextDouble(-4.0, 4.0);
            double expected = Math.min(2.0, Math.max(x, -1.0));
            assertSameDouble(expected, GraphEvaluator.outputs(g, new double[] {x})[0], "clamp at " + x);
            runOnTheJdk("clamp", expected, x);
        }
        Graph f = CrossCountry.graph(OWNER, "clampF", 0.5f);
        assertTrue(f.isSinglePrecision(1) && f.isSinglePrecision(2), listing(f));
        for (int s = 0; s < 200; s++) {
            float x = (float) rnd.nextDouble(-4.0, 4.0);
            assertSameDouble(Math.min(2f, Math.max(x, -1f)), GraphEvaluator.outputs(f, new double[] {x})[0], "clampF at " + x);
        }
    }

    @Test
    void jacobianIsOneInsideTheBoundsAndZeroOutside() {
        CompiledJacobian j = CrossCountry.jacobian(OWNER, "clamp", Order.AUTO, 0.5);
        SplittableRandom rnd = new SplittableRandom(32);
        for (int s = 0; s < 200; s++) {
            double x = rnd.nextDouble(-4.0, 4.0);
            assertEquals(x > -1.0 && x < 2.0 ? 1.0 : 0.0, j.apply(x)[0][0], 0.0, "d/dx clamp at " + x);
        }
    }

    @Test
    void boundsThatThrowOrAreDifferentiatedAreRefused() {
        UnsupportedBytecodeException bad = assertThrows(UnsupportedBytecodeException.class,
                () -> CrossCountry.graph(OWNER, "clampBadBounds", 0.5));
        assertTrue(bad.getMessage().contains("IllegalArgumentException") && bad.getMessage().contains("Math.clamp"),
                bad.getMessage());
        UnsupportedBytecodeException variable = assertThrows(UnsupportedBytecodeException.class,
                () -> CrossCountry.graph(OWNER, "clampToVariable", 0.5, 1.0));
        assertTrue(variable.getMessage().contains("differentiated bound"), variable.getMessage());
        assertTrue(variable.getMessage().contains("Clamps.clampToVariable"), variable.getMessage());
    }

    private static void runOnTheJdk(String name, double expected, double x) {
        if (Runtime.version().feature() < 21) {
            return;
        }
        try {
            Method m = OWNER.getMethod(name, double.class);
            assertSameDouble(expected, (Double) m.invoke(null, x), name + " run by the JDK at " + x);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] classBytes() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, NAME, null, "java/lang/Object", null);
        // Math.clamp(x, -1.0, 2.0)
        clamp(cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "clamp", "(D)D", null, null), -1.0, 2.0);
        // Math.clamp(x, 2.0, 1.0): min > max, the JDK throws
        clamp(cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "clampBadBounds", "(D)D", null, null), 2.0, 1.0);
        // Math.clamp(x, -1f, 2f) on floats
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "clampF", "(F)F", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.FLOAD, 0);
        mv.visitLdcInsn(-1f);
        mv.visitLdcInsn(2f);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", "clamp", "(FFF)F", false);
        mv.visitInsn(Opcodes.FRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        // Math.clamp(x, y, 3.0): a differentiated bound
        mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "clampToVariable", "(DD)D", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.DLOAD, 0);
        mv.visitVarInsn(Opcodes.DLOAD, 2);
        mv.visitLdcInsn(3.0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", "clamp", "(DDD)D", false);
        mv.visitInsn(Opcodes.DRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void clamp(MethodVisitor mv, double min, double max) {
        mv.visitCode();
        mv.visitVarInsn(Opcodes.DLOAD, 0);
        mv.visitLdcInsn(min);
        mv.visitLdcInsn(max);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", "clamp", "(DDD)D", false);
        mv.visitInsn(Opcodes.DRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
