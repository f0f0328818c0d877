package io.crosscountry.codegen;

import java.util.List;

/**
 * The generated code of one compiled path as ordinary class files
 * ({@link JacobianCompiler#generateClasses}), for build-time processing.
 *
 * <p>To evaluate: flatten the arguments into {@code x} ({@link #numInputs()} long), allocate a work
 * array of {@link #workSize()} and {@code J} of {@code [numOutputs()][numInputs()]}; OR together the
 * results of the first {@link #numForward()} kernels' {@code run(x, w, J)} (non-zero: a guard
 * failed, the call is on another path); then run the remaining kernels in order, which write every
 * entry of {@code J}. A small path is a single forward kernel that does everything (it writes
 * nothing into {@code J} when a guard fails).
 *
 * @param internalNames              the classes' internal names, forward kernels first
 * @param classFiles                 their class files, in the same order
 * @param numForward                 how many of them are forward kernels (primal values, guards, partials)
 * @param numInputs                  flattened inputs (Jacobian columns)
 * @param numOutputs                 outputs (Jacobian rows)
 * @param workSize                   the length of the work array
 * @param eliminationMultiplications the elimination's {@code dmul}s (the order's EFFECTIVE cost)
 */
public record GeneratedClasses(List<String> internalNames, List<byte[]> classFiles, int numForward, int numInputs,
                               int numOutputs, int workSize, long eliminationMultiplications) {

    public GeneratedClasses {
        internalNames = List.copyOf(internalNames);
        classFiles = classFiles.stream().map(byte[]::clone).toList();
    }

    @Override
    public List<byte[]> classFiles() {
        return classFiles.stream().map(byte[]::clone).toList();
    }
}
