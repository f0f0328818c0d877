package io.crosscountry.elimination;

/** How multiplications of an elimination are counted. */
public enum CostMode {
    /**
     * Every product of an in-edge and an out-edge counts one multiplication: |preds|·|succs| per
     * eliminated vertex. This reproduces the published AlphaGrad numbers.
     */
    PAPER,
    /**
     * What generated code really executes: edges whose partial is a compile-time constant are
     * tracked as constants; a product costs nothing when either factor is ±1 or both factors are
     * constants (it is folded), and a sum of constants stays constant.
     */
    EFFECTIVE
}
