package io.crosscountry.agent;

import io.crosscountry.JacobianOf;
import io.crosscountry.Order;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * A {@link JacobianOf} stub of a class, read from its class file (no class is loaded) and checked.
 *
 * @param method   the stub
 * @param function the name of the method whose Jacobian the stub returns
 * @param order    the order's name, as in {@link Order#named}
 * @param examples the name of the example-arguments method, or empty
 */
record Stub(MethodDescription.InDefinedShape method, String function, String order, String examples) {

    /** What a differentiated function may return (as the analysis accepts). */
    private static final List<Class<?>> RETURN_TYPES =
            List.of(double.class, float.class, double[].class, float[].class, double[][].class, float[][].class);

    /** The annotation's binary name. */
    static final String ANNOTATION = JacobianOf.class.getName();

    /** Matches methods annotated {@code @JacobianOf}, by the annotation's name (nothing is loaded). */
    static final ElementMatcher.Junction<MethodDescription> ANNOTATED =
            ElementMatchers.isAnnotatedWith(ElementMatchers.named(ANNOTATION));

    /** The key that the runtime ({@link JacobianStubs}) knows this stub by: name and descriptor. */
    String key() {
        return method.getInternalName() + method.getDescriptor();
    }

    /** {@code Owner.stub(descriptor)}, for messages. */
    String describe() {
        return method.getDeclaringType().getTypeName() + "." + key();
    }

    /**
     * The {@code @JacobianOf} stubs that {@code type} declares, in declaration order.
     *
     * @throws IllegalArgumentException naming the stub, when one is not static, does not return
     *                                  {@code double[][]}, names no static method with its parameters
     *                                  returning {@code double} or {@code double[]}, names an unknown
     *                                  order, or names an examples method that is not a static
     *                                  no-argument method returning {@code Object[]}
     */
    static List<Stub> of(TypeDescription type) {
        List<Stub> stubs = new ArrayList<>();
        for (MethodDescription.InDefinedShape m : type.getDeclaredMethods().filter(ANNOTATED)) {
            AnnotationDescription a = m.getDeclaredAnnotations().stream()
                    .filter(d -> d.getAnnotationType().getName().equals(ANNOTATION)).findFirst().orElseThrow();
            Stub s = new Stub(m, a.getValue("value").resolve(String.class), a.getValue("order").resolve(String.class),
                    a.getValue("examples").resolve(String.class));
            s.check(type);
            stubs.add(s);
        }
        return stubs;
    }

    private void check(TypeDescription type) {
        String at = describe() + ": ";
        if (!method.isStatic() || method.isAbstract() || method.isNative()) {
            throw new IllegalArgumentException(at + "a @JacobianOf stub must be a static method with a body");
        }
        if (!method.getReturnType().asErasure().represents(double[][].class)) {
            throw new IllegalArgumentException(at + "a @JacobianOf stub must return double[][]");
        }
        TypeList params = method.getParameters().asTypeList().asErasures();
        boolean found = type.getDeclaredMethods().stream().anyMatch(f -> f.getInternalName().equals(function)
                && f.isStatic() && f.getParameters().asTypeList().asErasures().equals(params)
                && RETURN_TYPES.stream().anyMatch(r -> f.getReturnType().asErasure().represents(r)));
        if (!found) {
            String signature = function + "(" + String.join(", ", params.stream().map(TypeDescription::getSimpleName).toList())
                    + ")";
            throw new IllegalArgumentException(at + "@JacobianOf(\"" + function + "\") names no static method " + signature
                    + " of " + type.getSimpleName() + " returning double, float, double[], float[], double[][] or float[][]");
        }
        try {
            Order.named(order);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + e.getMessage(), e);
        }
        if (!examples.isEmpty() && type.getDeclaredMethods().stream().noneMatch(e -> e.getInternalName().equals(examples)
                && e.isStatic() && e.getParameters().isEmpty() && e.getReturnType().asErasure().represents(Object[].class))) {
            throw new IllegalArgumentException(at + "examples = \"" + examples + "\" names no static no-argument method"
                    + " returning Object[]");
        }
    }
}
