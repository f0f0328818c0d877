package io.crosscountry.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.crosscountry.CrossCountry;
import io.crosscountry.UnsupportedBytecodeException;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/** Shared helpers: exact comparison, reflection, example arguments and source-line markers. */
final class TestSupport {

    private TestSupport() {
    }

    /**
     * Defines class bytes written with ASM (for bytecode javac for Java 17 does not write) in a
     * fresh class loader that also serves them as a resource, so the analysis can read them.
     *
     * @param internalName the class's name with slashes
     */
    static Class<?> defineGenerated(String internalName, byte[] bytes) {
        String name = internalName.replace('/', '.');
        ClassLoader loader = new ClassLoader(TestSupport.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String n) throws ClassNotFoundException {
                if (n.equals(name)) {
                    return defineClass(n, bytes, 0, bytes.length);
                }
                throw new ClassNotFoundException(n);
            }

            @Override
            public java.io.InputStream getResourceAsStream(String resource) {
                return resource.equals(internalName + ".class") ? new java.io.ByteArrayInputStream(bytes)
                        : super.getResourceAsStream(resource);
            }
        };
        try {
            return loader.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bit-for-bit equality (NaN equals NaN, 0.0 differs from -0.0). */
    static void assertSameDouble(double expected, double actual, String message) {
        assertEquals(expected, actual, 0.0, message);
        if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
            fail(message + ": expected " + expected + " but was " + actual + " (different bits)");
        }
    }

    static void assertSameDoubles(double[] expected, double[] actual, String message) {
        assertEquals(expected.length, actual.length, message + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertSameDouble(expected[i], actual[i], message + " [" + i + "] of " + Arrays.toString(expected)
                    + " vs " + Arrays.toString(actual));
        }
    }

    /** The unique static method of {@code owner} named {@code name} with {@code arity} parameters. */
    static Method method(Class<?> owner, String name, int arity) {
        Method found = null;
        for (Method m : owner.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity && Modifier.isStatic(m.getModifiers())) {
                if (found != null) {
                    fail("ambiguous fixture " + name);
                }
                found = m;
            }
        }
        if (found == null) {
            fail("no fixture " + owner.getSimpleName() + "." + name + "/" + arity);
        }
        found.setAccessible(true);
        return found;
    }

    /** Runs the method itself (on a deep copy of the arguments) and flattens its result. */
    static double[] run(Class<?> owner, String name, Object... args) {
        Method m = method(owner, name, args.length);
        Object[] copy = deepCopy(args);
        // reflection needs float arguments as Float
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < copy.length; i++) {
            if (types[i] == float.class && copy[i] instanceof Number n) {
                copy[i] = n.floatValue();
            } else if (types[i] == double.class && copy[i] instanceof Number n) {
                copy[i] = n.doubleValue();
            }
        }
        try {
            return flatten(m.invoke(null, copy));
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause());
        }
    }

    /** The values of the double/float parameters and array elements, flattened in parameter order. */
    static double[] flatten(Object... values) {
        List<Double> out = new ArrayList<>();
        for (Object v : values) {
            flattenInto(v, out);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flattenInto(Object v, List<Double> out) {
        if (v instanceof Double d) {
            out.add(d);
        } else if (v instanceof Float f) {
            out.add((double) f);
        } else if (v instanceof double[] a) {
            for (double d : a) {
                out.add(d);
            }
        } else if (v instanceof float[] a) {
            for (float f : a) {
                out.add((double) f);
            }
        } else if (v instanceof double[][] a) {
            for (double[] row : a) {
                flattenInto(row, out);
            }
        }
        // int, long, boolean: concrete, not inputs
    }

    static Object[] deepCopy(Object[] args) {
        Object[] c = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object v = args[i];
            if (v instanceof double[] a) {
                c[i] = a.clone();
            } else if (v instanceof float[] a) {
                c[i] = a.clone();
            } else if (v instanceof double[][] a) {
                double[][] m = new double[a.length][];
                for (int r = 0; r < a.length; r++) {
                    m[r] = a[r].clone();
                }
                c[i] = m;
            } else {
                c[i] = v;
            }
        }
        return c;
    }

    /** Arguments shaped like {@code template} with fresh random doubles; concrete ones are kept. */
    static Object[] randomLike(Object[] template, SplittableRandom rnd, double lo, double hi) {
        Object[] c = deepCopy(template);
        for (int i = 0; i < c.length; i++) {
            Object v = c[i];
            if (v instanceof Double) {
                c[i] = rnd.nextDouble(lo, hi);
            } else if (v instanceof Float) {
                c[i] = (float) rnd.nextDouble(lo, hi);
            } else if (v instanceof double[] a) {
                for (int k = 0; k < a.length; k++) {
                    a[k] = rnd.nextDouble(lo, hi);
                }
            } else if (v instanceof float[] a) {
                for (int k = 0; k < a.length; k++) {
                    a[k] = (float) rnd.nextDouble(lo, hi);
                }
            } else if (v instanceof double[][] a) {
                for (double[] row : a) {
                    for (int k = 0; k < row.length; k++) {
                        row[k] = rnd.nextDouble(lo, hi);
                    }
                }
            }
        }
        return c;
    }

    static double[] randomArray(SplittableRandom rnd, int n, double lo, double hi) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextDouble(lo, hi);
        }
        return a;
    }

    /**
     * Traces at {@code args}, checks the trace's own values against the method at {@code args}, and
     * the graph's primal evaluation against the method at {@code samples} further random inputs of
     * the same shape (use only for methods without guards).
     */
    static Trace checkPrimal(Class<?> owner, String name, SplittableRandom rnd, int samples, double lo, double hi,
                             Object... args) {
        Trace t = CrossCountry.trace(owner, name, deepCopy(args));
        double[] expected = run(owner, name, args);
        assertSameDoubles(expected, t.outputValues(), name + ": trace output values at the example");
        double[] in = flatten(args);
        assertEquals(t.graph().numInputs(), in.length, name + ": number of inputs");
        assertSameDoubles(expected, GraphEvaluator.outputs(t.graph(), in), name + ": graph at the example");
        assertSameDoubles(t.vertexValues(), GraphEvaluator.vertexValues(t.graph(), in), name + ": vertex values");
        if (!t.guards().isEmpty()) {
            fail(name + " has guards; checkPrimal samples other inputs");
        }
        for (int s = 0; s < samples; s++) {
            Object[] other = randomLike(args, rnd, lo, hi);
            assertSameDoubles(run(owner, name, other), GraphEvaluator.outputs(t.graph(), flatten(other)),
                    name + ": graph at " + Arrays.deepToString(other));
        }
        return t;
    }

    // ------------------------------------------------------------------ graph structure

    /** How many vertices of {@code g} perform {@code op}. */
    static int count(Graph g, Op op) {
        int c = 0;
        for (int v = 1; v <= g.numVertices(); v++) {
            c += g.op(v) == op ? 1 : 0;
        }
        return c;
    }

    /** Whether every guard of {@code t} holds at {@code inputs} (vertex operands evaluated by the graph). */
    static boolean guardsHold(Trace t, double[] inputs) {
        double[] vertices = GraphEvaluator.vertexValues(t.graph(), inputs);
        for (Guard g : t.guards()) {
            if (!g.holds(valueOf(g.left(), inputs, vertices), valueOf(g.right(), inputs, vertices))) {
                return false;
            }
        }
        return true;
    }

    private static double valueOf(Operand o, double[] inputs, double[] vertices) {
        if (o.isLiteral()) {
            return o.literal();
        }
        return o.isInput() ? inputs[o.inputIndex()] : vertices[o.ref() - 1];
    }

    static List<Operand> ops(Operand... o) {
        return List.of(o);
    }

    static Operand in(int index) {
        return Operand.input(index);
    }

    static Operand v(int id) {
        return Operand.vertex(id);
    }

    static Operand lit(double value) {
        return Operand.literal(value);
    }

    /** A compact listing: {@code "1 mul(in1,in2); 2 add(#1,2.5)"} for failure messages. */
    static String listing(Graph g) {
        StringBuilder sb = new StringBuilder();
        for (int v = 1; v <= g.numVertices(); v++) {
            sb.append(v).append(' ').append(g.op(v).symbol()).append(g.isSinglePrecision(v) ? ".f" : "")
                    .append(g.operands(v)).append("; ");
        }
        return sb.append("outputs ").append(Arrays.toString(g.outputs())).toString();
    }

    // ------------------------------------------------------------------ source lines

    /**
     * Traces {@code owner.name} at {@code args}, expects an {@link UnsupportedBytecodeException} and
     * checks it (see {@link #checkRefusal}): its method is {@code owner.name + descriptor} and its
     * line the one carrying {@code marker}.
     */
    static UnsupportedBytecodeException assertRefused(Class<?> owner, String name, String descriptor, String instruction,
                                                      String marker, String reason, Object... args) {
        UnsupportedBytecodeException e = assertThrows(UnsupportedBytecodeException.class,
                () -> CrossCountry.graph(owner, name, args), name);
        return checkRefusal(e, id(owner, name, descriptor), instruction, line(owner, marker), reason);
    }

    /**
     * Checks a refusal: its instruction starts with {@code instruction}, it names {@code method}
     * and {@code line}, and its message says all of it plus {@code reason}.
     */
    static UnsupportedBytecodeException checkRefusal(UnsupportedBytecodeException e, String method, String instruction,
                                                     int line, String reason) {
        String msg = e.getMessage();
        assertTrue(e.instruction().startsWith(instruction), "instruction: " + e.instruction());
        assertEquals(method, e.method());
        assertEquals(line, e.line(), msg);
        assertTrue(msg.contains(e.instruction()), "message names the instruction: " + msg);
        assertTrue(msg.contains(method), "message names the method: " + msg);
        assertTrue(msg.contains("line " + line), "message names the line: " + msg);
        assertTrue(msg.contains(reason), "message says why (" + reason + "): " + msg);
        return e;
    }

    /** The 1-based line of the fixture source that carries {@code // marker}. */
    static int line(Class<?> fixture, String marker) {
        Class<?> top = fixture;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        Path src = Path.of("src/test/java", top.getName().replace('.', '/') + ".java");
        Pattern p = Pattern.compile("//\\s*" + Pattern.quote(marker) + "\\s*$");
        try {
            List<String> lines = Files.readAllLines(src);
            int found = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (p.matcher(lines.get(i)).find()) {
                    assertTrue(found < 0, "marker " + marker + " appears twice in " + src);
                    found = i + 1;
                }
            }
            assertTrue(found > 0, "marker " + marker + " not found in " + src.toAbsolutePath());
            return found;
        } catch (IOException e) {
            throw new AssertionError("cannot read " + src.toAbsolutePath(), e);
        }
    }

    static String id(Class<?> owner, String name, String descriptor) {
        return owner.getName() + "." + name + descriptor;
    }
}
