package io.crosscountry.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CrossCountry;
import io.crosscountry.JacobianOf;
import io.crosscountry.Order;
import io.crosscountry.agent.fixtures.Annotated;
import io.crosscountry.agent.fixtures.Broken;
import io.crosscountry.agent.fixtures.Plain;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.instrument.ClassFileTransformer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * The transformer that {@link JacobianAgent#premain} registers, applied to fixture class files as
 * the JVM applies it while a class loads.
 */
class JacobianAgentTest {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
    private final AtomicInteger started = new AtomicInteger();
    private final ClassFileTransformer transformer = new MarkedClassTransformer(() -> {
        started.incrementAndGet();
        return JacobianAgent.builder(false, logStream).makeRaw();
    }, logStream);

    private byte[] transform(Class<?> type) throws Exception {
        byte[] original = FixtureLoader.original(type.getName());
        return transformer.transform(getClass().getClassLoader(), type.getName().replace('.', '/'), null,
                type.getProtectionDomain(), original);
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unannotated_class_should_be_left_byte_identical() throws Exception {
        byte[] original = FixtureLoader.original(Plain.class.getName());
        byte[] result = transform(Plain.class);
        assertTrue(result == null || java.util.Arrays.equals(original, result), "Plain was transformed");
        assertEquals("", log());
        assertEquals(0, started.get(), "a class not naming @JacobianOf never reaches Byte Buddy");
    }

    @Test
    void unannotated_class_should_be_left_byte_identical_by_byte_buddy_too() throws Exception {
        byte[] original = FixtureLoader.original(Plain.class.getName());
        byte[] result = JacobianAgent.builder(false, logStream).makeRaw().transform(getClass().getClassLoader(),
                Plain.class.getName().replace('.', '/'), null, Plain.class.getProtectionDomain(), original);
        assertTrue(result == null || java.util.Arrays.equals(original, result), "Plain was transformed");
        assertEquals("", log());
    }

    @Test
    void broken_stub_should_be_logged_in_one_line_and_left_untouched() throws Exception {
        assertNull(transform(Broken.class));
        String[] lines = log().split("\n");
        assertEquals(1, lines.length, log());
        assertTrue(lines[0].startsWith("crosscountry: left " + Broken.class.getName() + " untouched: "), lines[0]);
        assertTrue(lines[0].contains("names no static method missing(double)"), lines[0]);
    }

    @Test
    void class_whose_loader_does_not_see_the_annotation_should_be_left_alone() throws Exception {
        ClassLoader isolated = new ClassLoader(ClassLoader.getPlatformClassLoader()) {
        };
        assertNull(transformer.transform(isolated, "io/crosscountry/agent/fixtures/Annotated", null, null,
                FixtureLoader.original(Annotated.class.getName())));
        assertEquals("", log(), "like the JVM, Byte Buddy drops annotations of types the loader cannot resolve");
    }

    @Test
    void class_whose_loader_does_not_see_the_runtime_should_be_logged_and_left_untouched() throws Exception {
        ClassLoader annotationOnly = new ClassLoader(ClassLoader.getPlatformClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return name.equals("io/crosscountry/JacobianOf.class")
                        ? JacobianOf.class.getClassLoader().getResourceAsStream(name) : super.getResourceAsStream(name);
            }
        };
        assertNull(transformer.transform(annotationOnly, "io/crosscountry/agent/fixtures/Annotated", null, null,
                FixtureLoader.original(Annotated.class.getName())));
        String[] lines = log().split("\n");
        assertEquals(1, lines.length, log());
        assertTrue(lines[0].contains("does not see crosscountry's runtime io.crosscountry.agent.JacobianStubs"), log());
    }

    @Test
    void filled_stub_should_return_the_jacobian() throws Exception {
        byte[] transformed = transform(Annotated.class);
        assertNotNull(transformed);
        assertEquals("", log());
        assertEquals(1, started.get());
        assertVerifies(transformed, FixtureLoader.class.getClassLoader());
        Class<?> owner = new FixtureLoader(Map.of(Annotated.class.getName(), transformed)).loadClass(Annotated.class.getName());
        Method stub = owner.getMethod("jacobianOfF", double.class, double[].class);
        Object[] examples = Annotated.examples();
        double[][] J = (double[][]) stub.invoke(null, examples);
        double[][] expected = CrossCountry.jacobian(Annotated.class, "f", Order.REV, examples).apply(examples);
        for (int i = 0; i < J.length; i++) {
            assertArrayEquals(expected[i], J[i], 0.0);
        }
        Method f = Annotated.class.getMethod("f", double.class, double[].class);
        Oracle.assertClose(Oracle.centralDifferences(f, 0.7, new double[] {0.5, 1.5, -0.25}), J, 1e-6);
        double[] other = {0.1, 0.2, 0.3};                         // the other branch: retraced
        Oracle.assertClose(Oracle.centralDifferences(f, -0.4, other), (double[][]) stub.invoke(null, -0.4, other), 1e-6);
        assertEquals(3, ((double[][]) owner.getMethod("lazyJacobianOfF", double.class, double[].class)
                .invoke(null, examples)).length);
        float[][] m = {{0.5f, 1.25f, -2f}, {-1.5f, 0.75f}};            // float[][] in and out
        double[][] k = (double[][]) owner.getMethod("jacobianOfK", float[][].class).invoke(null, (Object) m);
        double[][] expectedK = CrossCountry.jacobian(Annotated.class, "k", Order.FWD, (Object) m).apply((Object) m);
        assertEquals(5, k.length);
        for (int i = 0; i < k.length; i++) {
            assertArrayEquals(expectedK[i], k[i], 0.0);
        }
    }

    @Test
    void marker_search_should_find_the_annotation_descriptor() {
        byte[] marker = "Lio/crosscountry/JacobianOf;".getBytes(StandardCharsets.UTF_8);
        assertTrue(MarkedClassTransformer.contains(FixtureLoader.original(Annotated.class.getName()), marker));
        assertTrue(!MarkedClassTransformer.contains(FixtureLoader.original(Plain.class.getName()), marker));
        assertTrue(MarkedClassTransformer.contains("xxLio/crosscountry/JacobianOf;".getBytes(StandardCharsets.UTF_8), marker));
        assertTrue(!MarkedClassTransformer.contains("Lio/crosscountry/JacobianOf".getBytes(StandardCharsets.UTF_8), marker));
    }

    @Test
    void untransformed_stub_should_keep_its_body() throws Exception {
        Method stub = new FixtureLoader(Map.of()).loadClass(Broken.class.getName()).getMethod("jacobianOfMissing", double.class);
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> stub.invoke(null, 1.0));
        assertTrue(e.getCause() instanceof UnsupportedOperationException);
    }

    /** Runs ASM's verifier (types resolved through {@code loader}) and expects no complaint. */
    static void assertVerifies(byte[] classFile, ClassLoader loader) {
        StringWriter out = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(classFile), loader, false, new PrintWriter(out));
        assertEquals("", out.toString());
    }

    @Test
    void nexusIsDisabledOnlyWhileTheBuilderIsCreated() {
        assertNull(System.getProperty(JacobianAgent.NEXUS_DISABLED));
        assertEquals("true", JacobianAgent.withoutNexus(() -> System.getProperty(JacobianAgent.NEXUS_DISABLED)));
        assertNull(System.getProperty(JacobianAgent.NEXUS_DISABLED), "cleared afterwards");
        System.setProperty(JacobianAgent.NEXUS_DISABLED, "false");
        try {
            assertEquals("false", JacobianAgent.withoutNexus(() -> System.getProperty(JacobianAgent.NEXUS_DISABLED)),
                    "a user's setting is left as it is");
            assertEquals("false", System.getProperty(JacobianAgent.NEXUS_DISABLED));
        } finally {
            System.clearProperty(JacobianAgent.NEXUS_DISABLED);
        }
    }
}
