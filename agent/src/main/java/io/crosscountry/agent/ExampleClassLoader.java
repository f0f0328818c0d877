package io.crosscountry.agent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * A throwaway class loader over the build's class files, so that the build plugin can call a
 * stub's examples method and trace its function before the classes are packaged.
 *
 * <p>Parent first: the JDK and crosscountry itself come from the plugin's own loader (so the
 * analysis and the traced classes agree on crosscountry's types), everything else from the
 * {@link ClassFileLocator} that the build hands the plugin. Class files are also served as
 * resources, which is how the analysis reads bytecode.
 */
final class ExampleClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassFileLocator locator;

    ExampleClassLoader(ClassFileLocator locator, ClassLoader parent) {
        super("crosscountry-examples", parent);
        this.locator = locator;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = bytes(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        InputStream in = super.getResourceAsStream(name);
        if (in != null || !name.endsWith(".class")) {
            return in;
        }
        byte[] bytes = bytes(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    private byte[] bytes(String name) {
        try {
            ClassFileLocator.Resolution r = locator.locate(name);
            return r.isResolved() ? r.resolve() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
