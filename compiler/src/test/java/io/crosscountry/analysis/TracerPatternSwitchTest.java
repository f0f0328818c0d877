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
import io.crosscountry.analysis.fixtures.Bodies;
import io.crosscountry.analysis.fixtures.Bodies.Unit;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Pattern {@code switch} (Java 21): javac compiles it to {@code invokedynamic} of
 * {@code SwitchBootstraps.typeSwitch} or {@code enumSwitch} followed by a {@code lookupswitch}.
 * This project compiles for Java 17, so the bytecode is written here with ASM, as javac 25 writes
 * it (a restart index for {@code when} guards, {@code checkcast}, record accessors); the functions
 * are also written with {@code instanceof} in {@link Bodies}, the reference for the traced values.
 * On a JDK with the bootstraps (21+) the generated methods themselves are run too.
 */
class TracerPatternSwitchTest {

    private static final String NAME = "io/crosscountry/analysis/generated/PatternSwitches";
    private static final String BODY = Type.getInternalName(Bodies.Body.class);
    private static final String DISC = Type.getInternalName(Bodies.Disc.class);
    private static final String BOX = Type.getInternalName(Bodies.Box.class);
    private static final String UNIT = Type.getInternalName(Unit.class);
    private static final String BOOTSTRAP_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;";

    private static final Class<?> OWNER = TestSupport.defineGenerated(NAME, classBytes());

    private final SplittableRandom rnd = new SplittableRandom(0x5A17C4);

    @Test
    void typeSwitchWithAGuardAndRecordPatternsTracesEachCase() {
        double[][] examples = {{1.7, 0.4}, {0.6, -1.2}, {-0.8, 1.3}};
        String[] expectedOps = {"[mul]", "[mul, mul]", "[mul]"};
        for (int k = 0; k < examples.length; k++) {
            double x = examples[k][0];
            double y = examples[k][1];
            Trace t = CrossCountry.trace(OWNER, "area", x, y);
            assertEquals(expectedOps[k], ops(t), "case " + k + ": " + listing(t.graph()));
            assertSameDouble(Bodies.area(x, y), t.outputValues()[0], "case " + k + " at the example");
            assertTrue(t.guards().size() >= 1, "x > 0 (and d.r() > 1.0 for a disc) are guards: " + t.guards());
            for (int s = 0; s < 50; s++) {
                // inputs on the example's path: same signs, and for a disc the same side of r = 1
                double xs = x > 1.0 ? rnd.nextDouble(1.01, 3.0) : x > 0 ? rnd.nextDouble(0.01, 0.99) : rnd.nextDouble(-3.0, -0.01);
                double ys = rnd.nextDouble(-3.0, 3.0);
                assertSameDouble(Bodies.area(xs, ys), GraphEvaluator.outputs(t.graph(), new double[] {xs, ys})[0],
                        "case " + k + " at " + xs + ", " + ys);
                runOnTheJdk("area", Bodies.area(xs, ys), xs, ys);
            }
        }
    }

    @Test
    void jacobianFollowsTheCaseTakenAndRetracesOnAnother() {
        CompiledJacobian j = CrossCountry.jacobian(OWNER, "area", Order.AUTO, 1.7, 0.4);
        for (int s = 0; s < 100; s++) {
            double x = rnd.nextDouble(-3.0, 3.0);
            double y = rnd.nextDouble(-3.0, 3.0);
            double[] expected = x > 1.0 ? new double[] {2.0, 0.0}
                    : x > 0 ? new double[] {2.0 * Math.PI * x, 0.0} : new double[] {y, x};
            double[] actual = j.apply(x, y)[0];
            assertEquals(expected[0], actual[0], 1e-12 * Math.max(1.0, Math.abs(expected[0])), "d/dx at " + x + ", " + y);
            assertEquals(expected[1], actual[1], 1e-12 * Math.max(1.0, Math.abs(expected[1])), "d/dy at " + x + ", " + y);
        }
    }

    @Test
    void enumSwitchMatchesConstantsByNameAndNull() {
        for (Unit u : new Unit[] {Unit.METRE, Unit.FOOT, Unit.INCH, null}) {
            double x = rnd.nextDouble(-5.0, 5.0);
            Trace t = CrossCountry.trace(OWNER, "inMetres", x, u);
            assertSameDouble(Bodies.inMetres(x, u), t.outputValues()[0], String.valueOf(u));
            CompiledJacobian j = CrossCountry.jacobian(OWNER, "inMetres", Order.AUTO, x, u);
            double slope = u == null ? 0.0 : u == Unit.METRE ? 1.0 : u == Unit.FOOT ? 0.3048 : 0.0254;
            assertEquals(slope, j.apply(rnd.nextDouble(-5.0, 5.0), u)[0][0], 0.0, String.valueOf(u));
            runOnTheJdk("inMetres", Bodies.inMetres(x, u), x, u);
        }
    }

    @Test
    void otherInvokedynamicIsRefusedWithMethodAndLine() { // lambdas are traced: TracerLambdaTest
        UnsupportedBytecodeException e = assertThrows(UnsupportedBytecodeException.class,
                () -> CrossCountry.trace(OWNER, "concat", 1.0));
        assertTrue(e.getMessage().contains("INVOKEDYNAMIC") && e.getMessage().contains("string concatenation"),
                e.getMessage());
        assertTrue(e.getMessage().contains("PatternSwitches.concat"), e.getMessage());
        assertEquals(7, e.line(), e.getMessage());
    }

    // ------------------------------------------------------------------ the generated class

    private static String ops(Trace t) {
        java.util.List<String> ops = new java.util.ArrayList<>();
        for (int v = 1; v <= t.graph().numVertices(); v++) {
            ops.add(t.graph().op(v).symbol());
        }
        return ops.toString();
    }

    /** Runs the generated method itself where the JDK has the pattern-switch bootstraps. */
    private static void runOnTheJdk(String name, double expected, Object... args) {
        if (Runtime.version().feature() < 21) {
            return;
        }
        try {
            Method m = OWNER.getMethod(name, args.length == 2 && args[1] instanceof Double
                    ? new Class<?>[] {double.class, double.class} : new Class<?>[] {double.class, Unit.class});
            assertSameDouble(expected, (Double) m.invoke(null, args), name + " run by the JDK");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Handle bootstrap(String name) {
        return new Handle(Opcodes.H_INVOKESTATIC, "java/lang/runtime/SwitchBootstraps", name, BOOTSTRAP_DESC, false);
    }

    private static byte[] classBytes() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object"; // the frames only need Object for the Body local
            }
        };
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, NAME, null, "java/lang/Object", null);
        cw.visitSource("PatternSwitches.java", null);
        area(cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "area", "(DD)D", null, null));
        inMetres(cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "inMetres", "(DL" + UNIT + ";)D", null, null));
        concat(cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "concat", "(D)D", null, null));
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** See {@link Bodies#area}: locals x (0), y (2), b (4), restart (5), d (6). */
    private static void area(MethodVisitor mv) {
        mv.visitCode();
        Label box = new Label();
        Label made = new Label();
        mv.visitVarInsn(Opcodes.DLOAD, 0);
        mv.visitInsn(Opcodes.DCONST_0);
        mv.visitInsn(Opcodes.DCMPL);
        mv.visitJumpInsn(Opcodes.IFLE, box);
        mv.visitTypeInsn(Opcodes.NEW, DISC);
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.DLOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, DISC, "<init>", "(D)V", false);
        mv.visitJumpInsn(Opcodes.GOTO, made);
        mv.visitLabel(box);
        mv.visitTypeInsn(Opcodes.NEW, BOX);
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.DLOAD, 0);
        mv.visitVarInsn(Opcodes.DLOAD, 2);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, BOX, "<init>", "(DD)V", false);
        mv.visitLabel(made);
        mv.visitVarInsn(Opcodes.ASTORE, 4);
        mv.visitVarInsn(Opcodes.ALOAD, 4);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Objects", "requireNonNull",
                "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        mv.visitInsn(Opcodes.POP);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, 5);
        Label dispatch = new Label();
        Label guarded = new Label();
        Label disc = new Label();
        Label boxCase = new Label();
        Label none = new Label();
        mv.visitLabel(dispatch);
        mv.visitVarInsn(Opcodes.ALOAD, 4);
        mv.visitVarInsn(Opcodes.ILOAD, 5);
        mv.visitInvokeDynamicInsn("typeSwitch", "(L" + BODY + ";I)I", bootstrap("typeSwitch"),
                Type.getObjectType(DISC), Type.getObjectType(DISC), Type.getObjectType(BOX));
        mv.visitLookupSwitchInsn(none, new int[] {0, 1, 2}, new Label[] {guarded, disc, boxCase});
        // case Disc d when d.r() > 1.0 -> 2.0 * d.r();   (else: restart from label 1)
        mv.visitLabel(guarded);
        mv.visitVarInsn(Opcodes.ALOAD, 4);
        mv.visitTypeInsn(Opcodes.CHECKCAST, DISC);
        mv.visitVarInsn(Opcodes.ASTORE, 6);
        mv.visitVarInsn(Opcodes.ALOAD, 6);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, DISC, "r", "()D", false);
        mv.visitInsn(Opcodes.DCONST_1);
        mv.visitInsn(Opcodes.DCMPL);
        Label guardFails = new Label();
        mv.visitJumpInsn(Opcodes.IFLE, guardFails);
        mv.visitLdcInsn(2.0);
        mv.visitVarInsn(Opcodes.ALOAD, 6);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, DISC, "r", "()D", false);
        mv.visitInsn(Opcodes.DMUL);
        mv.visitInsn(Opcodes.DRETURN);
        mv.visitLabel(guardFails);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitVarInsn(Opcodes.ISTORE, 5);
        mv.visitJumpInsn(Opcodes.GOTO, dispatch);
        // case Disc(double r) -> Math.PI * r * r;
        mv.visitLabel(disc);
        mv.visitVarInsn(Opcodes.ALOAD, 4);
        mv.visitTypeInsn(Opcodes.CHECKCAST, DISC);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, DISC, "r", "()D", false);
        mv.visitVarInsn(Opcodes.DSTORE, 7);
        mv.visitLdcInsn(Math.PI);
        mv.visitVarInsn(Opcodes.DLOAD, 7);
        mv.visitInsn(Opcodes.DMUL);
        mv.visitVarInsn(Opcodes.DLOAD, 7);
        mv.visitInsn(Opcodes.DMUL);
        mv.visitInsn(Opcodes.DRETURN);
        // case Box(double w, double h) -> w * h;
        mv.visitLabel(boxCase);
        mv.visitVarInsn(Opcodes.ALOAD, 4);
        mv.visitTypeInsn(Opcodes.CHECKCAST, BOX);
        mv.visitInsn(Opcodes.DUP);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BOX, "w", "()D", false);
        mv.visitInsn(Opcodes.DUP2_X1);
        mv.visitInsn(Opcodes.POP2);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BOX, "h", "()D", false);
        mv.visitInsn(Opcodes.DMUL);
        mv.visitInsn(Opcodes.DRETURN);
        // no case matched (javac throws MatchException)
        mv.visitLabel(none);
        mv.visitLdcInsn(Double.NaN);
        mv.visitInsn(Opcodes.DRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** See {@link Bodies#inMetres}: locals x (0), u (2). */
    private static void inMetres(MethodVisitor mv) {
        mv.visitCode();
        Label isNull = new Label();
        Label metre = new Label();
        Label foot = new Label();
        Label other = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitInvokeDynamicInsn("enumSwitch", "(L" + UNIT + ";I)I", bootstrap("enumSwitch"), "METRE", "FOOT");
        mv.visitLookupSwitchInsn(other, new int[] {-1, 0, 1}, new Label[] {isNull, metre, foot});
        mv.visitLabel(isNull);
        mv.visitInsn(Opcodes.DCONST_0);
        mv.visitInsn(Opcodes.DRETURN);
        mv.visitLabel(metre);
        mv.visitVarInsn(Opcodes.DLOAD, 0);
        mv.visitInsn(Opcodes.DRETURN);
        mv.visitLabel(foot);
        mv.visitLdcInsn(0.3048);
        mv.visitVarInsn(Opcodes.DLOAD, 0);
        mv.visitInsn(Opcodes.DMUL);
        mv.visitInsn(Opcodes.DRETURN);
        mv.visitLabel(other);
        mv.visitLdcInsn(0.0254);
        mv.visitVarInsn(Opcodes.DLOAD, 0);
        mv.visitInsn(Opcodes.DMUL);
        mv.visitInsn(Opcodes.DRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code return ("x=" + x).length();} at line 7: string concatenation. */
    private static void concat(MethodVisitor mv) {
        mv.visitCode();
        Label line = new Label();
        mv.visitLabel(line);
        mv.visitLineNumber(7, line);
        Handle concat = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/StringConcatFactory", "makeConcatWithConstants",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                        + "Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;", false);
        mv.visitVarInsn(Opcodes.DLOAD, 0);
        mv.visitInvokeDynamicInsn("makeConcatWithConstants", "(D)Ljava/lang/String;", concat, "x=\u0001");
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "length", "()I", false);
        mv.visitInsn(Opcodes.I2D);
        mv.visitInsn(Opcodes.DRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
