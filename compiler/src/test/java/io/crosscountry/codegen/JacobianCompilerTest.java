package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CrossCountry;
import io.crosscountry.analysis.Trace;
import io.crosscountry.analysis.fixtures.Conversions;
import io.crosscountry.analysis.fixtures.Helpers;
import io.crosscountry.analysis.fixtures.Lambdas;
import io.crosscountry.analysis.fixtures.Ops;
import io.crosscountry.analysis.fixtures.Structure;
import io.crosscountry.analysis.fixtures.ValueObjects;
import io.crosscountry.elimination.CostMode;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated Jacobians of the test methods against dual numbers (1e-12) and central differences of
 * the original method (loose), for forward, reverse, min-Markowitz and three random orders; the
 * elimination's {@code dmul} count against the EFFECTIVE cost; every class verified.
 */
class JacobianCompilerTest {

    /** A method to differentiate with example arguments and the range of its random inputs. */
    record Case(Class<?> owner, String name, double lo, double hi, Object... template) {
        boolean isFloat() {
            for (Class<?> p : Check.method(owner, name, template.length).getParameterTypes()) {
                if (p == float.class || p == float[].class || p == float[][].class) {
                    return true;
                }
            }
            Class<?> r = Check.method(owner, name, template.length).getReturnType();
            return r == float.class || r == float[].class || r == float[][].class;
        }

        @Override
        public String toString() {
            return owner.getSimpleName() + "." + name;
        }
    }

    private static Case c(Class<?> owner, String name, double lo, double hi, Object... template) {
        return new Case(owner, name, lo, hi, template);
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String n : List.of("add", "sub", "mul", "div", "atan2", "hypot", "max", "min", "strictAtan2",
                "strictHypot", "strictMax", "strictMin")) {
            cases.add(c(Ops.class, n, 0.5, 2.0, 1.0, 1.0));
        }
        for (String n : List.of("pow", "strictPow")) {
            cases.add(c(Ops.class, n, 0.5, 2.0, 1.0, 1.0));
        }
        for (String n : List.of("fma", "strictFma")) {
            cases.add(c(Ops.class, n, -2.0, 2.0, 1.0, 1.0, 1.0));
        }
        cases.add(c(Ops.class, "fmaLiteral", -2.0, 2.0, 1.0, 1.0));
        cases.add(c(Ops.class, "fmaSame", -2.0, 2.0, 1.0));
        cases.add(c(Ops.class, "hornerFma", -2.0, 2.0, 1.0));
        cases.add(c(Ops.class, "dotFma", -1.0, 1.0, new double[3], new double[3]));
        cases.add(c(Lambdas.class, "integral", 0.5, 2.0, 1.0));
        cases.add(c(Lambdas.class, "decay", 0.1, 2.0, 1.0, 1.0));
        cases.add(c(Lambdas.class, "references", -2.0, 2.0, 1.0, 1.0));
        cases.add(c(Lambdas.class, "fields", -1.5, 1.5, 1.0, 1.0));
        cases.add(c(Lambdas.class, "reductions", -1.5, 1.5, new double[4], 1f, 1f));
        cases.add(c(Lambdas.class, "composed", -1.5, 1.5, 1.0, 1.0));
        for (String n : List.of("neg", "square", "addLiteral", "literalMinus", "literalTimes", "overLiteral", "literalOver", "sqrt",
                "cbrt", "exp", "expm1", "log", "log10", "log1p", "sin", "cos", "tan", "atan", "sinh", "cosh", "tanh",
                "asinh", "erf", "logistic", "stopGradient", "timesStopped", "stopGradientOfConstant", "powLiteralBase",
                "powLiteralExponent", "atan2Literal", "maxWithZero", "hypotSame", "strictSqrt", "strictCbrt", "strictExp",
                "strictExpm1", "strictLog", "strictLog10", "strictLog1p", "strictSin", "strictCos", "strictTan",
                "strictAtan", "strictSinh", "strictCosh", "strictTanh", "strictSinConstant")) {
            cases.add(c(Ops.class, n, 0.5, 1.5, 1.0));
        }
        for (String n : List.of("abs", "strictAbs", "copySignLiteralSign", "copySignLiteralMagnitude", "copySignSame",
                "nextUp", "nextDown", "bracket")) {
            cases.add(c(Ops.class, n, -2.0, 2.0, 1.0));
        }
        for (String n : List.of("copySign", "strictCopySign", "quadraticRoots", "nextAfter", "strictNextAfter")) {
            cases.add(c(Ops.class, n, -2.0, 2.0, 1.0, 1.0));
        }
        for (String n : List.of("copySignF", "strictCopySignF")) {
            cases.add(c(Ops.class, n, -2.0, 2.0, 1f, 1f));
        }
        for (String n : List.of("nextUpF", "nextDownF")) {
            cases.add(c(Ops.class, n, -2.0, 2.0, 1f));
        }
        for (String n : List.of("nextAfterF", "strictNextAfterF")) {
            cases.add(c(Ops.class, n, -2.0, 2.0, 1f, 1.0));
        }
        for (String n : List.of("fmaF", "strictFmaF")) {
            cases.add(c(Ops.class, n, -2.0, 2.0, 1f, 1f, 1f));
        }
        for (String n : List.of("asin", "acos", "atanh", "strictAsin", "strictAcos")) {
            cases.add(c(Ops.class, n, -0.9, 0.9, 0.5));
        }
        cases.add(c(Ops.class, "acosh", 1.5, 3.0, 2.0));
        // piecewise constant: inputs between their jumps (central differences must not cross one)
        for (String n : List.of("floor", "ceil", "rint", "signum", "ulp", "strictFloor", "strictCeil", "strictRint",
                "strictSignum", "strictUlp", "timesUlp")) {
            cases.add(c(Ops.class, n, 0.55, 0.95, 1.0));
        }
        for (String n : List.of("signumF", "strictSignumF", "ulpF", "strictUlpF")) {
            cases.add(c(Ops.class, n, 0.55, 0.95, 1f));
        }
        cases.add(c(Ops.class, "toRadians", -90.0, 90.0, 1.0));
        cases.add(c(Ops.class, "toDegrees", -1.5, 1.5, 1.0));
        cases.add(c(Ops.class, "remShifted", 0.1, 0.4, 1.0, 1.0));
        cases.add(c(Ops.class, "ieeeRemainderShifted", 0.1, 0.4, 1.0, 1.0));
        for (String n : List.of("ieeeRemainder", "strictIeeeRemainder")) {
            cases.add(c(Ops.class, n, 1.1, 1.4, 1.0, 1.0));                     // x/y in (0.79, 1.27): n = 1
        }
        cases.add(c(Ops.class, "headingError", -6.0, 6.0, 1.0, 1.0));
        cases.add(c(Ops.class, "fremShifted", 0.1, 0.4, 1f, 1f));
        cases.add(c(Ops.class, "remLiteral", 0.8, 1.4, 1.0));
        cases.add(c(Conversions.class, "timesFloor", 1.1, 1.9, 1.0));
        cases.add(c(Conversions.class, "piecewise", 1.1, 1.4, 1.0, 1.0));
        // (integers computed from doubles record guards: ConversionJacobianTest)
        for (String n : List.of("fadd", "fsub", "fmul", "fdiv", "maxF", "minF", "strictMaxF", "strictMinF")) {
            cases.add(c(Ops.class, n, 0.5, 2.0, 1f, 1f));
        }
        for (String n : List.of("fneg", "absF", "strictAbsF")) {
            cases.add(c(Ops.class, n, -2.0, 2.0, 1f));
        }
        cases.add(c(Ops.class, "toFloat", 0.5, 2.0, 1.0));
        cases.add(c(Ops.class, "mixed", 0.5, 2.0, 1.0, 1f));

        cases.add(c(Structure.class, "constantOnly", 0.5, 2.0, 1.0));
        cases.add(c(Structure.class, "foldedConstants", 0.5, 2.0, 1.0));
        cases.add(c(Structure.class, "scaled", 0.5, 2.0, 1.0));
        cases.add(c(Structure.class, "weighted", -1.0, 1.0, (Object) new double[3]));
        cases.add(c(Structure.class, "matVec", -1.0, 1.0, (Object) new double[2]));
        cases.add(c(Structure.class, "staticFinalInt", 0.5, 1.5, 1.0));
        cases.add(c(Structure.class, "poly", 0.5, 1.2, 1.0, 4));
        cases.add(c(Structure.class, "longLoop", 0.5, 1.5, 1.0, 3L));
        cases.add(c(Structure.class, "choose", 0.5, 1.5, 1.0, 1.0, true));
        cases.add(c(Structure.class, "sumSquares", -1.0, 1.0, (Object) new double[4]));
        cases.add(c(Structure.class, "nested", 0.5, 1.5, 1.0, 1.0));
        cases.add(c(Structure.class, "nestmate", 0.5, 1.5, 1.0));
        cases.add(c(Structure.class, "viaInterface", 0.5, 2.0, 1.0, 1.0));
        cases.add(c(Structure.class, "recursive", 0.7, 1.2, 1.0, 3));
        cases.add(c(Structure.class, "mixedParams", 0.5, 1.5, 1.0, new double[2], new double[][] {{1, 1}, {1, 1}}, 1.0));
        cases.add(c(Structure.class, "scaleVec", -1.0, 1.0, new double[3], 1.0));
        cases.add(c(Structure.class, "outer", -1.0, 1.0, new double[2], new double[3]));
        cases.add(c(Structure.class, "floatArray", -1.0, 1.0, (Object) new float[3]));
        cases.add(c(Structure.class, "accumulate", -1.0, 1.0, new double[3], 1.0));
        cases.add(c(Structure.class, "chain", -1.0, 1.0, 1.0, 1.0));
        cases.add(c(Structure.class, "compoundValue", -1.0, 1.0, new double[3], 1.0));
        cases.add(c(Structure.class, "longCounter", 0.5, 1.5, 1.0, 3L));
        cases.add(c(Structure.class, "arrayChain", 0.5, 1.5, 1.0, 2));
        cases.add(c(Structure.class, "cloned", -1.0, 1.0, (Object) new double[3]));
        cases.add(c(Structure.class, "fillAndCopy", -1.0, 1.0, new double[3], 1.0));
        cases.add(c(ValueObjects.class, "tripleProduct", -1.0, 1.0, new double[3], new double[3], new double[3]));
        cases.add(c(ValueObjects.class, "complexPoly", -1.0, 1.0, 1.0, 1.0, new double[4]));
        cases.add(c(ValueObjects.class, "mutate", 0.2, 1.2, 1.0, 1.0, 1.0, 3));
        cases.add(c(ValueObjects.class, "shapes", 0.2, 2.0, 1.0, 1.0, 1.0));
        cases.add(c(ValueObjects.class, "withParams", -1.0, 1.0, 1.0));
        cases.add(c(Structure.class, "clone2d", -1.0, 1.0, (Object) new double[][] {{1, 1}, {1, 1}}));
        cases.add(c(Structure.class, "tableSwitch", 0.5, 1.5, 1.0, 2));
        cases.add(c(Structure.class, "lookupSwitch", 0.5, 1.5, 1.0, 1000));
        cases.add(c(Structure.class, "returnInput", 0.5, 1.5, 1.0));
        cases.add(c(Structure.class, "returnConstant", 0.5, 1.5, 1.0));
        cases.add(c(Structure.class, "returnSameTwice", 0.5, 1.5, 1.0));
        cases.add(c(Structure.class, "outputConsumed", 0.5, 1.5, 1.0));
        cases.add(c(Structure.class, "returnInputArray", -1.0, 1.0, (Object) new double[3]));
        cases.add(c(Structure.class, "zeros", 0.5, 1.5, 1.0, 3));
        cases.add(c(Helpers.class, "g", 0.5, 1.5, 1.0));
        cases.add(c(Helpers.class, "repeatSquare", 0.8, 1.1, 1.0, 3));

        cases.add(c(Subjects.class, "xMinusX", 0.5, 1.5, 1.0, 1.0));
        cases.add(c(Subjects.class, "xTimesX", 0.5, 1.5, 1.0, 1.0));
        cases.add(c(Subjects.class, "xOverX", 0.5, 1.5, 1.0));
        cases.add(c(Subjects.class, "selfOperands", 0.5, 1.5, 1.0));
        cases.add(c(Subjects.class, "consumedLater", 0.5, 1.5, 1.0, 1.0));
        cases.add(c(Subjects.class, "copies", 0.5, 1.5, 1.0, 1.0));
        cases.add(c(Subjects.class, "literals", 0.5, 1.5, 1.0));
        cases.add(c(Subjects.class, "floats", 0.5, 1.5, 1f, 1f, 1.0));
        cases.add(c(Subjects.class, "strict", 0.5, 1.5, 1.0, 1.0));
        cases.add(c(Subjects.class, "stopped", -1.0, 1.0, 1.0, 1.0));
        cases.add(c(Subjects.class, "deadCode", 0.5, 1.5, 1.0, 1.0));
        cases.add(c(Subjects.class, "loop", -0.8, 0.8, new double[3], 7));
        cases.add(c(Subjects.class, "inverseHyperbolic", 0.2, 0.8, 1.0, 0.5));
        cases.add(c(Subjects.class, "trig", 0.3, 0.9, 0.5, 0.5));
        cases.add(c(Subjects.class, "matrix", -1.0, 1.0, new double[3][4], new double[4]));
        cases.add(c(Subjects.class, "floatMatrix", -1.0, 1.0, new float[2][3], new float[3]));
        cases.add(c(Subjects.class, "floatOuter", -1.0, 1.0, new float[2], new float[3]));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesDualNumbersAndDifferences(Case c) {
        SplittableRandom rnd = new SplittableRandom(c.toString().hashCode());
        Method m = Check.method(c.owner(), c.name(), c.template().length);
        Object[] example = Check.randomLike(c.template(), rnd, c.lo(), c.hi());
        Trace trace = CrossCountry.trace(c.owner(), c.name(), example);
        assertTrue(trace.guards().isEmpty(), c + " has guards");
        Graph g = trace.graph();
        Map<String, int[]> orders = new LinkedHashMap<>();
        orders.put("fwd", g.forwardOrder());
        orders.put("rev", g.reverseOrder());
        orders.put("markowitz", g.markowitzOrder());
        for (int i = 0; i < 3; i++) {
            orders.put("random" + i, Check.shuffled(g.eliminable(), rnd));
        }
        List<Object[]> points = new ArrayList<>();
        points.add(example);
        points.add(Check.randomLike(c.template(), rnd, c.lo(), c.hi()));
        points.add(Check.randomLike(c.template(), rnd, c.lo(), c.hi()));
        for (Map.Entry<String, int[]> o : orders.entrySet()) {
            String what = c + " " + o.getKey();
            CompiledPath path = JacobianCompiler.compile(trace, o.getValue());
            ClassFiles.verify(path);
            ClassFiles.assertMethodsAtMost(path, 8000);
            long effective = g.cost(o.getValue(), CostMode.EFFECTIVE);
            assertEquals(effective, ClassFiles.eliminationDmuls(path), what + ": dmul instructions in the elimination");
            assertEquals(effective, path.eliminationMultiplications(), what + ": compiler's count");
            double[] w = path.newWorkArray();
            for (Object[] args : points) {
                double[] x = Check.flatten(args);
                double[][] j = filled(g.numOutputs(), g.numInputs(), Double.NaN);
                assertTrue(path.evaluate(x, w, j), what + ": guards");
                Check.assertMatchesDuals(j, DualNumbers.jacobian(g, x), what);
                if (o.getKey().equals("fwd") && !usesStopGradient(g)) {
                    boolean f = c.isFloat();
                    double[][] cd = Check.centralDifferences(m, args, f ? 1e-3 : 1e-6);
                    Check.assertNearDifferences(j, cd, f ? 2e-2 : 1e-6, what + " at " + java.util.Arrays.deepToString(args));
                }
            }
        }
    }

    /** Central differences of the method see through stop_gradient; the Jacobian does not. */
    private static boolean usesStopGradient(Graph g) {
        for (int v = 1; v <= g.numVertices(); v++) {
            if (g.op(v) == Op.STOP_GRADIENT) {
                return true;
            }
        }
        return false;
    }

    static double[][] filled(int rows, int cols, double v) {
        double[][] j = new double[rows][cols];
        for (double[] r : j) {
            java.util.Arrays.fill(r, v);
        }
        return j;
    }

    /** The cases above exercise every operation, in double, float and StrictMath form where they exist. */
    @Test
    void casesCoverEveryOperation() {
        Set<Op> seen = EnumSet.noneOf(Op.class);
        Set<Op> strict = EnumSet.noneOf(Op.class);
        Set<Op> single = EnumSet.noneOf(Op.class);
        for (Case c : cases()) {
            Graph g = CrossCountry.graph(c.owner(), c.name(), c.template());
            for (int v = 1; v <= g.numVertices(); v++) {
                seen.add(g.op(v));
                (g.isStrict(v) ? strict : g.isSinglePrecision(v) ? single : EnumSet.noneOf(Op.class)).add(g.op(v));
            }
        }
        assertEquals(EnumSet.allOf(Op.class), seen);
        assertTrue(strict.containsAll(EnumSet.of(Op.SIN, Op.POW, Op.TANH, Op.ATAN2, Op.HYPOT, Op.MAX, Op.CBRT, Op.FMA)),
                strict.toString());
        assertTrue(single.containsAll(EnumSet.of(Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.NEG, Op.ABS, Op.MAX, Op.MIN, Op.TO_FLOAT)),
                single.toString());
    }
}
