package io.crosscountry.analysis;

import java.util.HashMap;
import java.util.Map;

/**
 * An object of user code created during tracing ({@code new}): its class and its fields, so that
 * small value objects (a {@code Vec3}, a {@code Complex}, a record) are traced field by field and
 * leave no trace in the graph. Compared by identity, as in the JVM; fields hold {@link Num},
 * boxed concrete values, {@link ArrayRef}, other {@code ObjectRef}s or concrete objects, keyed by
 * declaring class and name. A field not yet written reads as its type's default.
 */
final class ObjectRef {

    /** The object's class (internal name), which resolves its virtual calls. */
    final String className;
    private final Map<String, Object> fields = new HashMap<>();

    ObjectRef(String className) {
        this.className = className;
    }

    /** The value of field {@code key}, or {@code null} if it was never written. */
    Object get(String key) {
        return fields.get(key);
    }

    void put(String key, Object value) {
        fields.put(key, value);
    }

    @Override
    public String toString() {
        return className.replace('/', '.') + "@" + Integer.toHexString(System.identityHashCode(this));
    }
}
