package io.crosscountry.agent;

import io.crosscountry.CrossCountry;
import io.crosscountry.JacobianOf;
import io.crosscountry.analysis.Trace;
import io.crosscountry.codegen.GeneratedClasses;
import io.crosscountry.codegen.JacobianCompiler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.build.Plugin;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Build-time processing of {@link JacobianOf} stubs: a Byte Buddy build plugin that writes each
 * stub's generated Jacobian code into the class files, so that no agent is needed at run time.
 *
 * <p>With {@code byte-buddy-maven-plugin} (goal {@code transform}):
 * <pre>{@code
 * <transformation>
 *   <plugin>io.crosscountry.agent.JacobianPlugin</plugin>
 *   <groupId>io.crosscountry</groupId><artifactId>crosscountry-agent</artifactId><version>…</version>
 * </transformation>
 * }</pre>
 * or, with the crosscountry jar on the project's class path, {@code <classPathDiscovery>true}
 * (the jar lists this plugin in {@code META-INF/net.bytebuddy/build.plugins}). It works with the
 * {@code REBASE} (default) and {@code REDEFINE} entry points; {@code REDEFINE} keeps no copy of the
 * stubs' original bodies.
 *
 * <p>For a stub {@code Owner.s} with {@link JacobianOf#examples()}, the plugin loads the build's
 * classes in a throwaway class loader, calls the examples method, traces the function there,
 * resolves the order, and adds
 * <ul>
 *   <li>the generated kernels as ordinary classes {@code Owner$$CrossCountry$s$0}, {@code …$1}, …
 *       ({@link JacobianCompiler#generateClasses}), and</li>
 *   <li>an entry class {@code Owner$$CrossCountry$s} (see {@link EntryWriter}) that flattens the
 *       arguments, runs the kernels and returns the Jacobian,</li>
 * </ul>
 * and rewrites the stub's body to call the entry. <b>Guard fallback:</b> when a call leaves the
 * traced path (a guard fails, or array lengths or concrete parameters differ from the examples),
 * the entry hands the call to the run-time compiler ({@link JacobianStubs#retrace}), which traces
 * the function at that call's arguments, or throws {@link io.crosscountry.PathChangedException}
 * when the system property {@code crosscountry.retrace} is {@code false}. The output therefore
 * needs the crosscountry jar (compiler and runtime, not as an agent) on the class path.
 *
 * <p>A stub without {@code examples}, or with parameters the generated entry does not handle
 * (object parameters other than {@code double[]}, {@code float[]}, {@code double[][]},
 * {@code float[][]}), is rewritten to call the run-time compiler at its first call, like the agent
 * does. An invalid stub
 * or a function the analysis rejects fails the build with a message naming the stub.
 */
public final class JacobianPlugin implements Plugin {

    /** The infix of generated class names: {@code Owner$$CrossCountry$stub}. */
    public static final String INFIX = "$$CrossCountry$";

    @Override
    public boolean matches(TypeDescription target) {
        return !target.getDeclaredMethods().filter(Stub.ANNOTATED).isEmpty();
    }

    @Override
    public DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, TypeDescription type, ClassFileLocator locator) {
        List<Stub> stubs = Stub.of(type);
        ClassLoader loader = new ExampleClassLoader(locator, JacobianPlugin.class.getClassLoader());
        Map<String, Integer> names = new HashMap<>();
        for (Stub stub : stubs) {
            if (stub.examples().isEmpty() || !EntryWriter.supports(stub.method().getDescriptor())) {
                builder = builder.method(ElementMatchers.is(stub.method())).intercept(StubBodies.callRuntime(stub));
                continue;
            }
            String simple = stub.method().getName();
            int seen = names.merge(simple, 1, Integer::sum);
            String entry = type.getInternalName() + INFIX + simple + (seen > 1 ? "_" + seen : "");
            try {
                Class<?> owner = Class.forName(type.getName(), false, loader);
                Object[] examples = examples(owner, stub);
                Trace trace = CrossCountry.trace(owner, stub.function(), examples);
                int[] order = JacobianStubs.order(stub.order()).resolve(trace.graph());
                GeneratedClasses kernels = JacobianCompiler.generateClasses(trace, order, entry + "$");
                for (int i = 0; i < kernels.internalNames().size(); i++) {
                    builder = builder.require(latent(kernels.internalNames().get(i), Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL),
                            kernels.classFiles().get(i));
                }
                builder = builder.require(latent(entry, Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC),
                        EntryWriter.write(entry, stub, kernels, examples));
                builder = builder.method(ElementMatchers.is(stub.method())).intercept(StubBodies.callEntry(stub, entry));
            } catch (ClassNotFoundException | RuntimeException e) {
                throw new IllegalStateException("crosscountry: cannot generate the Jacobian of " + stub.describe() + ": " + e,
                        e);
            }
        }
        return builder;
    }

    private static Object[] examples(Class<?> owner, Stub stub) {
        try {
            Method m = owner.getDeclaredMethod(stub.examples());
            m.setAccessible(true);
            Object[] args = (Object[]) m.invoke(null);
            if (args == null) {
                throw new IllegalArgumentException(stub.examples() + "() returned null");
            }
            return args;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(stub.examples() + "() threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + stub.examples() + "(): " + e, e);
        }
    }

    private static TypeDescription latent(String internalName, int modifiers) {
        return new TypeDescription.Latent(internalName.replace('/', '.'), modifiers,
                TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object.class));
    }

    @Override
    public void close() {
    }
}
