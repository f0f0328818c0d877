/**
 * Runtime baselines for the Jacobians of the samples: the methods that crosscountry's generated code
 * is benchmarked against. All implement {@link io.crosscountry.samples.baselines.JacobianMethod};
 * {@link io.crosscountry.samples.baselines.Baselines} creates them by name.
 *
 * <p>The AD baselines are driven by the sample's graph, compiled once into a compact
 * {@link io.crosscountry.samples.baselines.Program}, so every sample gets each of them; they share
 * no derivative rules with the code generator. Central differences call the original method.
 */
package io.crosscountry.samples.baselines;
