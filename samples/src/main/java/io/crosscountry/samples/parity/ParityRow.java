package io.crosscountry.samples.parity;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One task of the parity report: our counts on our graph beside the published ones.
 *
 * @param task               the task name
 * @param kind               warm-up, scalar or tensor task
 * @param numInputs          graph inputs
 * @param numOutputs         graph outputs
 * @param numVertices        graph vertices
 * @param numEliminable      vertices an order eliminates
 * @param fwd                our forward-mode cost (PAPER)
 * @param rev                our reverse-mode cost (PAPER)
 * @param markowitz          our min-Markowitz cost (PAPER)
 * @param effectiveFwd       forward-mode cost (EFFECTIVE)
 * @param effectiveRev       reverse-mode cost (EFFECTIVE)
 * @param effectiveMarkowitz min-Markowitz cost (EFFECTIVE)
 * @param publishedAlphagradOnOurs the published AlphaGrad order's cost on our graph (PAPER), where ids apply
 * @param publishedMarkowitzOnOurs the published Markowitz order's cost on our graph (PAPER), where ids apply
 * @param markowitzOrderIdentical  whether our min-Markowitz order equals the published one, where ids apply
 * @param published          the published numbers, if the paper has the task
 */
public record ParityRow(String task, String kind, int numInputs, int numOutputs, int numVertices, int numEliminable,
                        long fwd, long rev, long markowitz, long effectiveFwd, long effectiveRev, long effectiveMarkowitz,
                        OptionalLong publishedAlphagradOnOurs, OptionalLong publishedMarkowitzOnOurs,
                        Optional<Boolean> markowitzOrderIdentical, Optional<PublishedTask> published) {
}
