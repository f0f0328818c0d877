package io.crosscountry.agent;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameMatches;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import io.crosscountry.JacobianOf;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.function.Supplier;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/**
 * The {@code -javaagent}: fills the body of every {@link JacobianOf} stub as its class loads, so that
 * calling the stub returns the Jacobian (through {@link JacobianStubs}, which compiles the function
 * at the first call).
 *
 * <pre>{@code java -javaagent:crosscountry-agent.jar[=verbose] -cp app.jar com.acme.Main}</pre>
 *
 * <p>Only classes that declare an annotated method are transformed (classes whose constant pool
 * does not even name the annotation are not parsed), and only their stubs' bodies
 * change (no member is added, see {@link AgentBuilder#disableClassFormatChanges()}). Classes of the
 * JDK, Byte Buddy and crosscountry's own packages are never looked at. When a stub is invalid (see
 * {@link JacobianOf}) or anything else fails, the agent prints one line to {@code System.err}
 * naming the class and the cause, and the class loads untouched. With the argument
 * {@code verbose} it also prints a line per transformed class.
 */
public final class JacobianAgent {

    /** crosscountry's own packages (not their sub-packages, except elimination's), never transformed. */
    private static final String OWN_PACKAGES = "io\\.crosscountry\\.(agent|cli|analysis|codegen|order|elimination(\\.\\w+)*)"
            + "\\.[^.]+";

    /** Byte Buddy's system property that disables its Nexus ({@code net.bytebuddy.nexus.disabled}). */
    static final String NEXUS_DISABLED = Nexus.PROPERTY;

    private JacobianAgent() {
    }

    /**
     * Installs the agent before {@code main}: registers a transformer that builds the Byte Buddy
     * transformer when the first class naming {@link JacobianOf} loads, and hands it only such
     * classes.
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        boolean verbose = "verbose".equals(arguments);
        instrumentation.addTransformer(new MarkedClassTransformer(() -> builder(verbose, System.err).makeRaw(), System.err));
    }

    /** Installs the agent into a running JVM; classes loaded before are not transformed. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        premain(arguments, instrumentation);
    }

    /**
     * The agent's configuration, logging to {@code log}. {@code makeRaw()} of it gives the
     * {@link java.lang.instrument.ClassFileTransformer} without installing anything (for tests).
     */
    static AgentBuilder builder(boolean verbose, PrintStream log) {
        return withoutNexus(AgentBuilder.Default::new)
                .disableClassFormatChanges()
                .with(new Log(verbose, log))
                .ignore(ElementMatchers.any(), ElementMatchers.isBootstrapClassLoader())
                .or(nameStartsWith("java.").or(nameStartsWith("javax.")).or(nameStartsWith("jdk."))
                        .or(nameStartsWith("sun.")).or(nameStartsWith("com.sun.")).or(nameStartsWith("net.bytebuddy."))
                        .or(nameStartsWith("org.objectweb.asm.")).or(nameMatches(OWN_PACKAGES)).or(isSynthetic()))
                .type(declaresMethod(Stub.ANNOTATED))
                .transform((builder, type, loader, module, domain) -> fill(builder, type, loader));
    }

    private static DynamicType.Builder<?> fill(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader) {
        if (!runtimeVisible(loader)) {
            throw new IllegalStateException("its class loader " + loader + " does not see crosscountry's runtime "
                    + JacobianStubs.class.getName() + " (put the agent jar on the class path the loader delegates to)");
        }
        for (Stub stub : Stub.of(type)) {
            builder = builder.method(ElementMatchers.is(stub.method())).intercept(StubBodies.callRuntime(stub));
        }
        return builder;
    }

    /**
     * Creates Byte Buddy's agent builder with its Nexus disabled (unless the user set
     * {@value #NEXUS_DISABLED} either way). {@code new AgentBuilder.Default()} creates the default
     * self-injecting initialization strategy, whose Nexus accessor injects a class into the system
     * class loader through {@code sun.misc.Unsafe} — on JDK 24 and later that prints four
     * "terminally deprecated method in sun.misc.Unsafe" warnings into every application run with
     * the agent. The agent never uses the Nexus: {@code disableClassFormatChanges()} replaces that
     * strategy with one that needs no type initializers. The property is set only while the builder
     * is created (the accessor reads it once, when its class initializes) and cleared afterwards.
     */
    static <T> T withoutNexus(Supplier<T> create) {
        if (System.getProperty(NEXUS_DISABLED) != null) {
            return create.get();
        }
        System.setProperty(NEXUS_DISABLED, "true");
        try {
            return create.get();
        } finally {
            System.clearProperty(NEXUS_DISABLED);
        }
    }

    /** Whether {@code loader} resolves {@link JacobianStubs} to the agent's, which filled stubs call. */
    private static boolean runtimeVisible(ClassLoader loader) {
        try {
            return Class.forName(JacobianStubs.class.getName(), false, loader) == JacobianStubs.class;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** One line per failure (and per transformed class when verbose). */
    private static final class Log extends AgentBuilder.Listener.Adapter {
        private final boolean verbose;
        private final PrintStream out;

        Log(boolean verbose, PrintStream out) {
            this.verbose = verbose;
            this.out = out;
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            if (verbose) {
                out.println("crosscountry: filled " + type.getDeclaredMethods().filter(Stub.ANNOTATED).size()
                        + " @JacobianOf stub(s) of " + type.getName());
            }
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable throwable) {
            String cause = throwable.getMessage() != null ? throwable.getMessage() : throwable.toString();
            out.println("crosscountry: left " + typeName + " untouched: " + cause.replace('\n', ' '));
        }
    }
}
