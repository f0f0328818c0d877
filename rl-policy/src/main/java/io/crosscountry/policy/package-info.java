/**
 * The reinforcement-learning elimination policy (skeleton).
 *
 * <p>This module will hold the size-agnostic policy/value network trained by self-play on the
 * elimination engine, its shipped pretrained weights and a plain-Java inference path. It depends
 * only on {@code elimination}; nothing in it is used yet.
 */
package io.crosscountry.policy;
