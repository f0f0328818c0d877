package io.crosscountry.codegen;

import io.crosscountry.CrossCountry;
import io.crosscountry.elimination.Graph;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Random Java programs with loops, as bytecode: a generated class whose static method
 * {@code double[] f(double[] x)} fills an accumulator array {@code a} from {@code x}
 * ({@code a[i] = x[i % inputs]}), then runs a counted {@code for} loop whose body is a random
 * sequence of statements {@code a[d] = op(a[s], operand)} and returns {@code a}. The operation is
 * {@code sin}, {@code cos}, {@code tanh}, {@code atan}, a product with a literal, or a sum,
 * difference or product (the latter wrapped in {@code tanh}, to keep values bounded over many
 * trips) with another element or an input; each index is a fixed cell or {@code (i + c) % cells}
 * of the loop counter {@code i}. The body is the same on every trip, so the analysis, which
 * unrolls the loop, adds the same number of vertices per trip.
 *
 * <p>Each program is defined in a fresh class loader under the one binary name
 * {@code io.crosscountry.codegen.generated.LoopProgram}; the loader also serves the class bytes
 * as a resource, which is how the analysis reads them. Everything is deterministic in the seed.
 *
 * <p>Shared by the loop-program property tests of code generation and by the training of the
 * elimination policy (module {@code rl-policy}), which wants graphs of the shape real loops give.
 */
public final class RandomLoopPrograms {

    /**
     * A generated program, loaded and traced.
     *
     * @param owner  the generated class (in its own class loader)
     * @param method the name of its static method, {@code "f"}: {@code double[] f(double[] x)}
     * @param x      the example input the graph was traced at (not copied: do not modify)
     * @param graph  the method's computational graph traced at {@code x}
     */
    public record LoopProgram(Class<?> owner, String method, double[] x, Graph graph) {
    }

    /** The binary name, with slashes, of every generated class (each in its own loader). */
    private static final String NAME = "io/crosscountry/codegen/generated/LoopProgram";
    /** The largest count a {@code sipush} can push. */
    private static final int MAX_SHORT = Short.MAX_VALUE;
    private static final int MAX_INPUTS = 6;
    private static final int MAX_CELLS = 8;
    private static final int MAX_STATEMENTS = 8;

    /** Local variable slots of {@code f}. */
    private static final int X = 0;
    private static final int A = 1;
    private static final int I = 2;

    private RandomLoopPrograms() {
    }

    /**
     * The bytes of a class with {@code public static double[] f(double[] x)}; the same arguments
     * give the same bytes. {@code f} expects {@code x.length >= inputs} and returns {@code cells}
     * values.
     *
     * @param bodySeed   chooses the statements of the loop body
     * @param inputs     how many elements of {@code x} are used
     * @param cells      the length of the accumulator (the number of outputs)
     * @param trips      how many times the loop runs
     * @param statements the number of statements in the loop body
     * @throws IllegalArgumentException when a count is below 1 or above 32,767 (a {@code sipush} constant)
     */
    public static byte[] classBytes(long bodySeed, int inputs, int cells, int trips, int statements) {
        check("inputs", inputs);
        check("cells", cells);
        check("trips", trips);
        check("statements", statements);
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, NAME, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "f", "([D)[D", null, null);
        mv.visitCode();
        // double[] a = new double[cells]; for (int i = 0; i < cells; i++) a[i] = x[i % inputs];
        push(mv, cells);
        mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_DOUBLE);
        mv.visitVarInsn(Opcodes.ASTORE, A);
        loop(mv, cells, () -> {
            mv.visitVarInsn(Opcodes.ALOAD, A);
            mv.visitVarInsn(Opcodes.ILOAD, I);
            mv.visitVarInsn(Opcodes.ALOAD, X);
            mv.visitVarInsn(Opcodes.ILOAD, I);
            push(mv, inputs);
            mv.visitInsn(Opcodes.IREM);
            mv.visitInsn(Opcodes.DALOAD);
            mv.visitInsn(Opcodes.DASTORE);
        });
        // for (int i = 0; i < trips; i++) { random statements }
        loop(mv, trips, () -> body(mv, bodySeed, inputs, cells, statements));
        mv.visitVarInsn(Opcodes.ALOAD, A);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * Defines class bytes from {@link #classBytes} in a fresh class loader that also serves them as
     * a resource (so the analysis can read them).
     */
    public static Class<?> load(byte[] classBytes) {
        String name = NAME.replace('/', '.');
        try {
            return new BytesLoader(name, classBytes.clone()).loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot define the generated class", e);
        }
    }

    /**
     * A program of the given shape: the body statements and the example input {@code x} (each
     * element uniform in [-1.2, 1.2)) come from {@code seed}; the class is loaded and traced at
     * {@code x}. The same arguments give the same program and graph.
     *
     * @throws IllegalArgumentException as {@link #classBytes}
     */
    public static LoopProgram generate(long seed, int inputs, int cells, int trips, int statements) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long bodySeed = rnd.nextLong();
        double[] x = input(rnd, inputs);
        return build(bodySeed, x, cells, trips, statements);
    }

    /**
     * A program whose traced graph has about {@code approxVertices} vertices (operations; meant
     * for 10 to 2,000, and within a factor of about 2 there), reproducible from {@code seed}.
     *
     * <p>How it chooses: from {@code seed}, the number of inputs (1 to 6), of cells (1 to 8) and of
     * body statements (1 to 8), the body and the example input; for a small target cells and
     * statements are drawn from 1 to {@code approxVertices / 3} instead (at least 1), so that one
     * trip cannot overshoot. One trip adds a fixed number {@code p} of vertices, counted from the
     * body (one per operation: a statement adds 1, or 2 for a product wrapped in {@code tanh}).
     * The trip count starts at {@code round(approxVertices / p)}; the program is traced, the
     * vertices beyond {@code trips * p} (copies for outputs that are still inputs or share a
     * vertex, at most {@code cells}) are taken as overhead, and the trip count becomes
     * {@code round((approxVertices - overhead) / p)}, traced again if it changed. The trip count is
     * at least 1 and at most 32,767 (it is pushed with {@code sipush}): since {@code p} is between
     * 1 and 16, about {@code approxVertices / 16} to {@code approxVertices} (up to 2,000 trips for
     * 2,000 vertices). Over seeds 0 to 199 the graphs had 9 to 12 vertices for a target of 10, 96 to
     * 104 for 100, 494 to 504 for 500 and 1,998 to 2,004 for 2,000. Tracing unrolls the loop; even
     * 32,767 trips of 8 statements (about 460,000 vertices) stay far below the tracer's limits.
     *
     * @throws IllegalArgumentException when {@code approxVertices < 1}
     */
    public static LoopProgram ofSize(long seed, int approxVertices) {
        if (approxVertices < 1) {
            throw new IllegalArgumentException("approxVertices must be at least 1, got " + approxVertices);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int small = Math.max(1, approxVertices / 3);
        int inputs = 1 + rnd.nextInt(MAX_INPUTS);
        int cells = 1 + rnd.nextInt(Math.min(MAX_CELLS, small));
        int statements = 1 + rnd.nextInt(Math.min(MAX_STATEMENTS, small));
        long bodySeed = rnd.nextLong();
        double[] x = input(rnd, inputs);
        int perTrip = verticesPerTrip(bodySeed, inputs, cells, statements);
        int trips = trips(approxVertices, perTrip);
        LoopProgram p = build(bodySeed, x, cells, trips, statements);
        int overhead = Math.max(0, p.graph().numVertices() - trips * perTrip);
        int better = trips(approxVertices - overhead, perTrip);
        return better == trips ? p : build(bodySeed, x, cells, better, statements);
    }

    private static int trips(int vertices, int perTrip) {
        long t = Math.round((double) vertices / perTrip);
        return (int) Math.max(1, Math.min(MAX_SHORT, t));
    }

    private static double[] input(SplittableRandom rnd, int inputs) {
        check("inputs", inputs);
        double[] x = new double[inputs];
        for (int k = 0; k < inputs; k++) {
            x[k] = rnd.nextDouble(-1.2, 1.2);
        }
        return x;
    }

    private static LoopProgram build(long bodySeed, double[] x, int cells, int trips, int statements) {
        Class<?> owner = load(classBytes(bodySeed, x.length, cells, trips, statements));
        Graph graph = CrossCountry.trace(owner, "f", new Object[] {x.clone()}).graph();
        return new LoopProgram(owner, "f", x, graph);
    }

    /** The operations one trip of the body executes, each a vertex of the traced graph. */
    private static int verticesPerTrip(long bodySeed, int inputs, int cells, int statements) {
        int[] count = {0};
        MethodVisitor counter = new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitInsn(int opcode) {
                if (opcode == Opcodes.DADD || opcode == Opcodes.DSUB || opcode == Opcodes.DMUL) {
                    count[0]++;
                }
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                count[0]++;                                   // java.lang.Math.sin, cos, tanh, atan
            }
        };
        body(counter, bodySeed, inputs, cells, statements);
        return Math.max(1, count[0]);
    }

    private static void check(String what, int count) {
        if (count < 1 || count > MAX_SHORT) {
            throw new IllegalArgumentException(what + " must be in 1.." + MAX_SHORT + ", got " + count);
        }
    }

    /** The loop body: {@code statements} statements drawn from {@code bodySeed}. */
    private static void body(MethodVisitor mv, long bodySeed, int inputs, int cells, int statements) {
        SplittableRandom body = new SplittableRandom(bodySeed);
        for (int s = 0; s < statements; s++) {
            statement(mv, body, inputs, cells);
        }
    }

    /** {@code a[dest] = op(a[src], operand)} with indices fixed or {@code (i + c) % cells}. */
    private static void statement(MethodVisitor mv, SplittableRandom rnd, int inputs, int cells) {
        mv.visitVarInsn(Opcodes.ALOAD, A);
        index(mv, rnd, cells);
        mv.visitVarInsn(Opcodes.ALOAD, A);
        index(mv, rnd, cells);
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
                    mv.visitVarInsn(Opcodes.ALOAD, A);
                    index(mv, rnd, cells);
                } else {
                    mv.visitVarInsn(Opcodes.ALOAD, X);
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

    private static void index(MethodVisitor mv, SplittableRandom rnd, int cells) {
        if (rnd.nextBoolean()) {
            push(mv, rnd.nextInt(cells));
        } else {
            mv.visitVarInsn(Opcodes.ILOAD, I);
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

    /** {@code for (int i = 0; i < trips; i++) body} */
    private static void loop(MethodVisitor mv, int trips, Runnable body) {
        Label test = new Label();
        Label start = new Label();
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, I);
        mv.visitJumpInsn(Opcodes.GOTO, test);
        mv.visitLabel(start);
        body.run();
        mv.visitIincInsn(I, 1);
        mv.visitLabel(test);
        mv.visitVarInsn(Opcodes.ILOAD, I);
        push(mv, trips);
        mv.visitJumpInsn(Opcodes.IF_ICMPLT, start);
    }

    /** Defines one generated class and serves its bytes as a resource, so the analysis can read them. */
    private static final class BytesLoader extends ClassLoader {
        private final String name;
        private final byte[] bytes;

        BytesLoader(String name, byte[] bytes) {
            super(RandomLoopPrograms.class.getClassLoader());
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
