package io.crosscountry.codegen;

import java.util.List;

/**
 * The straight-line program for one Jacobian, before bytecode: the forward part (primal values,
 * guard checks, local partials) and the elimination part (products and sums in the elimination
 * order, then every Jacobian entry, structural zeros included).
 *
 * @param numInputs             flattened inputs
 * @param numOutputs            outputs (Jacobian rows)
 * @param numValues             one more than the largest SSA value id
 * @param forward               primal values, guard checks and partials
 * @param elimination           eliminations and Jacobian stores
 * @param eliminationMultiplies the multiplications in {@code elimination} (the EFFECTIVE cost)
 */
record Program(int numInputs, int numOutputs, int numValues, List<Insn> forward, List<Insn> elimination,
               long eliminationMultiplies) {

    Program {
        forward = List.copyOf(forward);
        elimination = List.copyOf(elimination);
    }
}
