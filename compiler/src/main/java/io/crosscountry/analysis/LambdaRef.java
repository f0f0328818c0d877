package io.crosscountry.analysis;

import java.util.List;
import org.objectweb.asm.Handle;

/**
 * A lambda or method reference created during tracing ({@code invokedynamic} of
 * {@code LambdaMetafactory}): a call of its functional method runs {@code implementation} with
 * the captured values first, then the call's arguments.
 *
 * @param interfaceName  the functional interface (internal name)
 * @param methodName     the functional method's name
 * @param methodDesc     its erased descriptor
 * @param implementation the method the lambda runs (a synthetic {@code lambda$…} or a referenced method)
 * @param captured       the values captured at creation (the receiver first for a bound method reference)
 */
record LambdaRef(String interfaceName, String methodName, String methodDesc, Handle implementation, List<Object> captured) {

    @Override
    public String toString() {
        return "lambda " + interfaceName.replace('/', '.') + " → " + implementation.getOwner().replace('/', '.') + "."
                + implementation.getName();
    }
}
