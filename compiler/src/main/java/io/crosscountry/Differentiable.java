package io.crosscountry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method whose exact Jacobian crosscountry may compute.
 *
 * <p>The method takes {@code double}/{@code float} scalars and {@code double[]} arrays (plus
 * concrete {@code int}/{@code long}/{@code boolean} parameters that fix sizes) and returns a
 * {@code double} or a {@code double[]}. Its body may use double arithmetic, the
 * {@code java.lang.Math} functions, {@link MathX}, loops with concrete bounds and calls to other
 * static methods of user code; see the README for the full list.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Differentiable {
}
