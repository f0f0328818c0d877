package io.crosscountry.agent;

import io.crosscountry.JacobianOf;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.function.Supplier;

/**
 * The transformer the agent registers: hands a class file to the Byte Buddy transformer only when
 * its constant pool names {@link JacobianOf} (every annotated class's does), and creates that
 * transformer at the first such class.
 *
 * <p>So the agent costs the JVM's start nothing but this class, an unrelated class a byte search,
 * and Byte Buddy is initialised (about a second on a small machine) only in programs with stubs.
 * It never throws: a failure is logged by the agent's listener and the class loads untouched.
 */
final class MarkedClassTransformer implements ClassFileTransformer {

    /** The annotation's descriptor, as a class file's constant pool spells it. */
    private static final byte[] MARKER = ("L" + JacobianOf.class.getName().replace('.', '/') + ";")
            .getBytes(StandardCharsets.UTF_8);

    private final Supplier<ClassFileTransformer> factory;
    private final PrintStream log;
    private final ThreadLocal<Boolean> busy = ThreadLocal.withInitial(() -> false);
    private volatile ClassFileTransformer delegate;

    MarkedClassTransformer(Supplier<ClassFileTransformer> factory, PrintStream log) {
        this.factory = factory;
        this.log = log;
    }

    @Override
    public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] classFile) {
        if (loader == null || name == null || redefined != null || busy.get() || !contains(classFile, MARKER)) {
            return null;
        }
        busy.set(true);                         // classes loaded while transforming are not transformed
        try {
            return delegate().transform(loader, name, null, domain, classFile);
        } catch (Throwable e) {
            if (delegate == null) {             // else already logged by the agent's listener
                log.println("crosscountry: left " + name.replace('/', '.') + " untouched: cannot start the agent: " + e);
            }
            return null;
        } finally {
            busy.set(false);
        }
    }

    private ClassFileTransformer delegate() {
        ClassFileTransformer d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = factory.get();
                    delegate = d;
                }
            }
        }
        return d;
    }

    /** Whether {@code bytes} contains {@code marker}. */
    static boolean contains(byte[] bytes, byte[] marker) {
        byte first = marker[0];
        outer:
        for (int i = 0, last = bytes.length - marker.length; i <= last; i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int k = 1; k < marker.length; k++) {
                if (bytes[i + k] != marker[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
