package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscountry.CompiledJacobian;
import io.crosscountry.CrossCountry;
import io.crosscountry.Order;
import io.crosscountry.analysis.GraphEvaluator;
import io.crosscountry.analysis.Trace;
import io.crosscountry.elimination.Graph;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Random JAVA programs with loops, end to end: a generated class whose static method
 * {@code double[] f(double[] x)} fills an accumulator array from {@code x}, then runs a counted
 * {@code for} loop whose body is a random sequence of statements {@code a[d] = op(a[s], operand)}
 * (operand: another element, an input, a literal; indices computed from the loop counter), and
 * returns the array. The analysis traces it from its bytecode (the loop unrolls), and the
 * generated Jacobian, for forward, reverse, min-Markowitz and a random order, must equal dual
 * numbers and central differences of the method itself.
 */
class RandomLoopProgramPropertyTest {

    private static final String NAME = "io/crosscountry/codegen/generated/LoopProgram";

    @Property(tries = 300)
    void loop_programs_differentiate_exactly(@ForAll long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        int inputs = 1 + rnd.nextInt(4);
        int cells = 1 + rnd.nextInt(5);
        byte[] bytes = generate(rnd, inputs, cells);
        Class<?> owner = new BytesLoader(NAME.replace('/', '.'), bytes).loadClass(NAME.replace('/', '.'));
        Method f = Check.method(owner, "f", 1);
        double[] x = new double[inputs];
        for (int k = 0; k < inputs; k++) {
            x[k] = rnd.nextDouble(-1.2, 1.2);
        }
        Object[] args = {x.clone()};

        Trace trace = CrossCountry.trace(owner, "f", args);
        Graph g = trace.graph();
        double[] expected = Check.run(f, args);
        assertArrayEquals(expected, GraphEvaluator.outputs(g, x), 0.0, "the graph computes what the method computes");

        DualNumbers.Result duals = DualNumbers.jacobian(g, x);
        double[][] cd = Check.centralDifferences(f, args, 1e-6);
        int[][] orders = {g.forwardOrder(), g.reverseOrder(), g.markowitzOrder(), Check.shuffled(g.eliminable(), rnd)};
        for (int[] order : orders) {
            String what = "seed " + seed + ", order " + java.util.Arrays.toString(order) + " of\n" + RandomPrograms.listing(g);
            CompiledJacobian j = CrossCountry.jacobian(owner, "f", Order.of(order), args);
            double[][] actual = j.apply(args);
            assertEquals(cells, actual.length);
            Check.assertMatchesDuals(actual, duals, what);
            Check.assertNearDifferences(actual, cd, 1e-5, what);
        }
    }

    /** The class: {@code static double[] f(double[] x)} with a random loop body. */
    private static byte[] generate(SplittableRandom rnd, int inputs, int cells) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, NAME, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "f", "([D)[D", null, null);
        mv.visitCode();
        // double[] a = new double[cells]; for (int i = 0; i < cells; i++) a[i] = x[i % inputs];
        int x = 0;
        int a = 1;
        int i = 2;
        push(mv, cells);
        mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_DOUBLE);
        mv.visitVarInsn(Opcodes.ASTORE, a);
        loop(mv, i, cells, () -> {
            mv.visitVarInsn(Opcodes.ALOAD, a);
            mv.visitVarInsn(Opcodes.ILOAD, i);
            mv.visitVarInsn(Opcodes.ALOAD, x);
            mv.visitVarInsn(Opcodes.ILOAD, i);
            push(mv, inputs);
            mv.visitInsn(Opcodes.IREM);
            mv.visitInsn(Opcodes.DALOAD);
            mv.visitInsn(Opcodes.DASTORE);
        });
        // for (int i = 0; i < trips; i++) { random statements }
        int trips = 1 + rnd.nextInt(4);
        int statements = 1 + rnd.nextInt(5);
        long bodySeed = rnd.nextLong();
        loop(mv, i, trips, () -> {
            SplittableRandom body = new SplittableRandom(bodySeed);
            for (int s = 0; s < statements; s++) {
                statement(mv, body, a, x, i, inputs, cells);
            }
        });
        mv.visitVarInsn(Opcodes.ALOAD, a);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code a[dest] = op(a[src], operand)} with indices fixed or {@code (i + c) % cells}. */
    private static void statement(MethodVisitor mv, SplittableRandom rnd, int a, int x, int i, int inputs, int cells) {
        mv.visitVarInsn(Opcodes.ALOAD, a);
        index(mv, rnd, i, cells);
        mv.visitVarInsn(Opcodes.ALOAD, a);
        index(mv, rnd, i, cells);
        mv.visitInsn(Opcodes.DALOAD);
        switch (rnd.nextInt(9)) {
            case 0 -> math(mv, "sin");
            case 1 -> math(mv, "cos");
            case 2 -> math(mv, "tanh");
            case 3 -> math(mv, "atan");
            case 4 -> {                                   // a[s] * literal
                mv.visitLdcInsn(rnd.nextBoolean() ? 0.5 : -0.75);
                mv.visitInsn(Opcodes.DMUL);
            }
            default -> {                                  // a[s] op (another element or an input)
                if (rnd.nextBoolean()) {
                    mv.visitVarInsn(Opcodes.ALOAD, a);
                    index(mv, rnd, i, cells);
                } else {
                    mv.visitVarInsn(Opcodes.ALOAD, x);
                    push(mv, rnd.nextInt(inputs));
                }
                mv.visitInsn(Opcodes.DALOAD);
                int op = new int[] {Opcodes.DADD, Opcodes.DSUB, Opcodes.DMUL}[rnd.nextInt(3)];
                mv.visitInsn(op);
                if (op == Opcodes.DMUL) {
                    math(mv, "tanh");                     // keep values bounded across iterations
                }
            }
        }
        mv.visitInsn(Opcodes.DASTORE);
    }

    private static void index(MethodVisitor mv, SplittableRandom rnd, int i, int cells) {
        if (rnd.nextBoolean()) {
            push(mv, rnd.nextInt(cells));
        } else {
            mv.visitVarInsn(Opcodes.ILOAD, i);
            push(mv, rnd.nextInt(3));
            mv.visitInsn(Opcodes.IADD);
            push(mv, cells);
            mv.visitInsn(Opcodes.IREM);
        }
    }

    private static void math(MethodVisitor mv, String name) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", name, "(D)D", false);
    }

    private static void push(MethodVisitor mv, int value) {
        mv.visitIntInsn(Opcodes.SIPUSH, value);
    }

    /** {@code for (int var = 0; var < trips; var++) body} */
    private static void loop(MethodVisitor mv, int var, int trips, Runnable body) {
        Label test = new Label();
        Label start = new Label();
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, var);
        mv.visitJumpInsn(Opcodes.GOTO, test);
        mv.visitLabel(start);
        body.run();
        mv.visitIincInsn(var, 1);
        mv.visitLabel(test);
        mv.visitVarInsn(Opcodes.ILOAD, var);
        push(mv, trips);
        mv.visitJumpInsn(Opcodes.IF_ICMPLT, start);
    }

    /** Defines one generated class and serves its bytes as a resource, so the analysis can read them. */
    private static final class BytesLoader extends ClassLoader {
        private final String name;
        private final byte[] bytes;

        BytesLoader(String name, byte[] bytes) {
            super(RandomLoopProgramPropertyTest.class.getClassLoader());
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> findClass(String n) throws ClassNotFoundException {
            if (n.equals(name)) {
                return defineClass(n, bytes, 0, bytes.length);
            }
            throw new ClassNotFoundException(n);
        }

        @Override
        public InputStream getResourceAsStream(String resource) {
            return resource.equals(name.replace('.', '/') + ".class") ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(resource);
        }
    }
}
