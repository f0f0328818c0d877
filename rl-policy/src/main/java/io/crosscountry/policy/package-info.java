/**
 * The reinforcement-learning elimination policy.
 *
 * <p>One size-agnostic, permutation-equivariant policy/value network over the current graph
 * ({@link io.crosscountry.policy.Features} encodes a state; message passing over its edges), trained
 * by AlphaZero-style self-play with Gumbel root search ({@code train/}) and shipped as
 * {@code pretrained.ccpn}. Users run it in plain Java ({@link io.crosscountry.policy.PolicyNetwork},
 * no DJL): {@link io.crosscountry.policy.PretrainedPolicyProvider} registers it as the
 * {@code elimination} module's {@code PolicyProvider}, so {@code optimize()} (methods POLICY, MCTS and
 * the portfolio), the agent and the build plugin find it. DJL (PyTorch engine) is needed only to
 * train ({@link io.crosscountry.policy.DjlPolicyModel}).
 */
package io.crosscountry.policy;
