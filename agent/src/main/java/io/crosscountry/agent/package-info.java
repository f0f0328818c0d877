/**
 * The two ways crosscountry fills {@link io.crosscountry.JacobianOf} stubs without the user calling
 * the API: the {@code -javaagent} ({@link io.crosscountry.agent.JacobianAgent}, at class-load time)
 * and the Byte Buddy build plugin ({@link io.crosscountry.agent.JacobianPlugin}, at build time), and
 * the run-time support their code calls ({@link io.crosscountry.agent.JacobianStubs}).
 */
package io.crosscountry.agent;
