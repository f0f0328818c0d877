package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscountry.CrossCountry;
import io.crosscountry.analysis.Trace;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A function call that the method or the partials repeat with the same arguments is computed once. */
class SharedCallsTest {

    private static final Trace TRACE = CrossCountry.trace(Subjects.class, "repeatedCalls", 0.3, 1.7);

    private static int[][] orders() {
        return new int[][] {TRACE.graph().forwardOrder(), TRACE.graph().reverseOrder(), TRACE.graph().markowitzOrder()};
    }

    @Test
    void everyDistinctCallIsComputedOnce() {
        for (int[] order : orders()) {
            CompiledPath path = JacobianCompiler.compile(TRACE, order);
            // Without sharing, cos and sin occur in the method twice each and again in the partials of
            // sin and cos (3 cos calls where nothing needs one of the primal values), atan2 twice.
            assertEquals(1, ClassFiles.calls(path, "java/lang/Math", "cos"), "cos");
            assertEquals(1, ClassFiles.calls(path, "java/lang/Math", "sin"), "sin");
            assertEquals(1, ClassFiles.calls(path, "java/lang/Math", "atan2"), "atan2");
            assertEquals(1, ClassFiles.calls(path, "java/lang/Math", "exp"), "exp");
            assertEquals(TRACE.graph().cost(order, CostMode.EFFECTIVE), path.eliminationMultiplications());
            ClassFiles.verify(path);
        }
    }

    @Test
    void sharedCallsKeepTheJacobianExact() {
        SplittableRandom random = new SplittableRandom(5);
        for (int[] order : orders()) {
            CompiledPath path = JacobianCompiler.compile(TRACE, order);
            for (int trial = 0; trial < 100; trial++) {
                double[] x = {random.nextDouble(-4, 4), random.nextDouble(-4, 4)};
                double[][] J = new double[3][2];
                path.evaluate(x, path.newWorkArray(), J);
                Check.assertMatchesDuals(J, DualNumbers.jacobian(TRACE.graph(), x), "repeatedCalls at " + Arrays.toString(x));
            }
        }
    }

    /** Operations that the generated code evaluates by a call (not by an arithmetic instruction). */
    private static final Set<Op> ARITHMETIC = EnumSet.of(Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.NEG, Op.TO_FLOAT, Op.COPY,
            Op.STOP_GRADIENT);

    /**
     * Random programs with repeated calls: after every call vertex of a random program, sometimes the
     * same call again, or its partner on the same operand ({@code sin}/{@code cos},
     * {@code sinh}/{@code cosh}), whose value the other one's partial is; later vertices read either
     * copy of a repeated call.
     */
    @Property(tries = 300)
    void randomProgramsWithRepeatedCallsMatchDualNumbers(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int size) {
        RandomPrograms.Program p = RandomPrograms.generate(seed, size);
        Graph g = withRepeatedCalls(p.graph(), new SplittableRandom(seed));
        SplittableRandom rnd = new SplittableRandom(seed + 1);
        int[] order = switch (rnd.nextInt(4)) {
            case 0 -> g.forwardOrder();
            case 1 -> g.reverseOrder();
            case 2 -> g.markowitzOrder();
            default -> Check.shuffled(g.eliminable(), rnd);
        };
        String what = "order " + Arrays.toString(order) + " of " + RandomPrograms.listing(g) + " at " + Arrays.toString(p.inputs());
        CompiledPath path = JacobianCompiler.compile(g, List.of(), order, Backend.Limits.DEFAULT);
        ClassFiles.verify(path);
        double[][] j = JacobianCompilerTest.filled(g.numOutputs(), g.numInputs(), Double.NaN);
        path.evaluate(p.inputs(), path.newWorkArray(), j);
        Check.assertMatchesDuals(j, DualNumbers.jacobian(g, p.inputs()), what);
        assertEquals(g.cost(order, CostMode.EFFECTIVE), path.eliminationMultiplications(), what);
    }

    private static Graph withRepeatedCalls(Graph g, SplittableRandom rnd) {
        Graph.Builder b = Graph.builder(g.numInputs());
        int[] renamed = new int[g.numVertices() + 1];
        for (int v = 1; v <= g.numVertices(); v++) {
            Operand[] args = g.operands(v).stream().map(o -> o.isVertex() ? Operand.vertex(renamed[o.ref()]) : o)
                    .toArray(Operand[]::new);
            Op op = g.op(v);
            renamed[v] = b.add(op, g.isSinglePrecision(v), g.isStrict(v), args);
            if (!ARITHMETIC.contains(op) && rnd.nextBoolean()) {
                Op again = switch (op) {
                    case SIN -> rnd.nextBoolean() ? Op.COS : op;
                    case COS -> rnd.nextBoolean() ? Op.SIN : op;
                    case SINH -> rnd.nextBoolean() ? Op.COSH : op;
                    case COSH -> rnd.nextBoolean() ? Op.SINH : op;
                    default -> op;
                };
                int repeated = b.add(again, g.isSinglePrecision(v), g.isStrict(v), args);
                if (again == op && rnd.nextBoolean()) {
                    renamed[v] = repeated;                      // later vertices read the repeated call
                }
            }
        }
        b.outputs(Arrays.stream(g.outputs()).map(v -> renamed[v]).toArray());
        return b.build();
    }
}
