package io.crosscountry.samples.baselines;

import io.crosscountry.samples.Sample;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A sample's original method as a function of its flat inputs, called through a
 * {@link MethodHandle}: the primal that the Jacobian baselines are compared with, and the function
 * that {@link CentralDifferences} perturbs.
 *
 * <p>Each call writes the inputs into one reused argument array (scalar parameters are boxed,
 * array parameters are filled in place), invokes the method, and flattens its result. Not
 * thread-safe.
 */
public final class OriginalFunction {

    private final MethodHandle handle;
    private final ArgumentCodec codec;
    private final Object[] args;
    private final int numOutputs;

    private OriginalFunction(MethodHandle handle, ArgumentCodec codec, int numOutputs) {
        this.handle = handle;
        this.codec = codec;
        this.args = codec.newArguments();
        this.numOutputs = numOutputs;
    }

    /**
     * The sample's method, shaped by its example arguments.
     *
     * @throws IllegalArgumentException when the owner has no static method of that name taking that
     *                                  many parameters
     */
    public static OriginalFunction of(Sample sample) {
        Object[] example = sample.args();
        Method method = find(sample.owner(), sample.method(), example.length);
        MethodHandle handle;
        try {
            method.setAccessible(true);
            handle = MethodHandles.lookup().unreflect(method)
                    .asSpreader(Object[].class, example.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot access " + method, e);
        }
        ArgumentCodec codec = new ArgumentCodec(example);
        OriginalFunction f = new OriginalFunction(handle, codec, 0);
        int outputs = ArgumentCodec.count(new Object[] {f.invoke(codec.newArguments())});
        return new OriginalFunction(handle, codec, outputs);
    }

    /** The number of flat inputs. */
    public int numInputs() {
        return codec.numInputs();
    }

    /** The number of flat outputs. */
    public int numOutputs() {
        return numOutputs;
    }

    /** The flat inputs of the sample's example arguments. */
    public double[] exampleInputs() {
        return codec.flatten(codec.newArguments());
    }

    /** Evaluates the method at {@code x} and writes its flattened result into {@code out}. */
    public void evaluate(double[] x, double[] out) {
        codec.write(x, args);
        ArgumentCodec.flattenValue(invoke(args), out, 0);
    }

    private Object invoke(Object[] arguments) {
        try {
            return (Object) handle.invokeExact(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * The static method {@code name} of {@code owner} with {@code arity} parameters (the first one
     * declared, should there be overloads): the method every baseline of a sample calls.
     *
     * @throws IllegalArgumentException when there is none
     */
    public static Method find(Class<?> owner, String name, int arity) {
        for (Method m : owner.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity && Modifier.isStatic(m.getModifiers())) {
                return m;
            }
        }
        throw new IllegalArgumentException("no static method " + owner.getName() + "." + name + " with " + arity + " parameters");
    }
}
