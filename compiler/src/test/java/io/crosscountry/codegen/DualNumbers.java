package io.crosscountry.codegen;

import io.crosscountry.analysis.OpValues;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import java.util.List;

/**
 * The independent reference: forward-mode (vector) dual numbers over a graph. Its derivative rules
 * are written here, separately from the code generator's {@code Partials} table. Alongside each
 * derivative it carries a magnitude — the same chain rule with absolute values — which bounds the
 * rounding error of any elimination order and so scales the comparison tolerance.
 */
final class DualNumbers {

    /**
     * @param jacobian  {@code [outputs][inputs]}
     * @param magnitude the sum over all paths of |product of partials|, same shape
     */
    record Result(double[][] jacobian, double[][] magnitude) {
    }

    private DualNumbers() {
    }

    static Result jacobian(Graph g, double[] x) {
        int n = g.numVertices();
        int m = g.numInputs();
        double[] value = new double[n + 1];
        double[][] grad = new double[n + 1][];     // null: no dependence on the inputs at all
        double[][] mag = new double[n + 1][];
        for (int v = 1; v <= n; v++) {
            List<Operand> ops = g.operands(v);
            double a = valueOf(ops.get(0), x, value);
            double b = ops.size() > 1 ? valueOf(ops.get(1), x, value) : 0.0;
            double third = ops.size() > 2 ? valueOf(ops.get(2), x, value) : 0.0;
            Op op = g.op(v);
            double r = OpValues.apply(op, g.isSinglePrecision(v), g.isStrict(v), a, b, third);
            value[v] = r;
            if (op == Op.STOP_GRADIENT) {
                continue;
            }
            double[] c = coefficients(op, a, b, r, ops);
            double[] dv = null;
            double[] mv = null;
            for (int i = 0; i < ops.size(); i++) {
                Operand o = ops.get(i);
                double[] gi = gradOf(o, m, grad);
                if (gi == null) {
                    continue;
                }
                double[] mi = o.isInput() ? gi : mag[o.ref()];
                if (dv == null) {
                    dv = new double[m];
                    mv = new double[m];
                }
                for (int k = 0; k < m; k++) {
                    if (mi[k] != 0.0 || gi[k] != 0.0) {
                        dv[k] += c[i] * gi[k];
                        mv[k] += Math.abs(c[i]) * mi[k];
                    }
                }
            }
            grad[v] = dv;
            mag[v] = mv;
        }
        int[] outs = g.outputs();
        double[][] jac = new double[outs.length][m];
        double[][] magnitude = new double[outs.length][m];
        for (int i = 0; i < outs.length; i++) {
            if (grad[outs[i]] != null) {
                jac[i] = grad[outs[i]].clone();
                magnitude[i] = mag[outs[i]].clone();
            }
        }
        return new Result(jac, magnitude);
    }

    private static double valueOf(Operand o, double[] x, double[] value) {
        if (o.isLiteral()) {
            return o.literal();
        }
        return o.isInput() ? x[o.inputIndex()] : value[o.ref()];
    }

    private static double[] gradOf(Operand o, int m, double[][] grad) {
        if (o.isLiteral()) {
            return null;
        }
        if (o.isInput()) {
            double[] e = new double[m];
            e[o.inputIndex()] = 1.0;
            return e;
        }
        return grad[o.ref()];
    }

    /** d r / d a, d r / d b (and d r / d c), written independently of the code generator. */
    private static double[] coefficients(Op op, double a, double b, double r, List<Operand> ops) {
        switch (op) {
            case ADD: return new double[] {1, 1};
            case SUB: return new double[] {1, -1};
            case MUL: return new double[] {b, a};
            case FMA: return new double[] {b, a, 1};
            case DIV: return new double[] {1 / b, -a / (b * b)};
            case REM: return new double[] {1, -(double) (long) (a / b)};  // a % b = a - trunc(a/b)·b
            case IEEE_REM: return new double[] {1, -Math.rint(a / b)};   // a - (a/b to the nearest)·b
            case NEG: return new double[] {-1};
            case COPY:
            case TO_FLOAT: return new double[] {1};
            case ABS: return new double[] {a > 0 ? 1 : a < 0 ? -1 : 0};
            case SQRT: return new double[] {1 / (2 * Math.sqrt(a))};
            case CBRT: {
                double c = Math.cbrt(a);
                return new double[] {1 / (3 * c * c)};
            }
            case EXP:
            case EXPM1: return new double[] {Math.exp(a)};
            case LOG: return new double[] {1 / a};
            case LOG10: return new double[] {1 / (a * Math.log(10))};
            case LOG1P: return new double[] {1 / (1 + a)};
            case SIN: return new double[] {Math.cos(a)};
            case COS: return new double[] {-Math.sin(a)};
            case TAN: {
                double c = Math.cos(a);
                return new double[] {1 / (c * c)};
            }
            case ASIN: return new double[] {1 / Math.sqrt(1 - a * a)};
            case ACOS: return new double[] {-1 / Math.sqrt(1 - a * a)};
            case ATAN: return new double[] {1 / (1 + a * a)};
            case SINH: return new double[] {Math.cosh(a)};
            case COSH: return new double[] {Math.sinh(a)};
            case TANH: {
                double c = Math.cosh(a);
                return new double[] {1 / (c * c)};
            }
            case ASINH: return new double[] {1 / Math.sqrt(1 + a * a)};
            case ACOSH: return new double[] {1 / Math.sqrt(a * a - 1)};
            case ATANH: return new double[] {1 / (1 - a * a)};
            case ERF: return new double[] {2 / Math.sqrt(Math.PI) * Math.exp(-a * a)};
            case LOGISTIC: return new double[] {1 / (1 + Math.exp(-a)) / (1 + Math.exp(a))};
            case ATAN2: {
                double s = a * a + b * b;
                return new double[] {b / s, -a / s};
            }
            case POW: {
                // d/db: a^b ln a; at a = 0 the function is 0 for every b > 0
                double db = ops.get(1).isLiteral() ? 0 : a > 0 ? Math.log(a) * Math.pow(a, b) : a == 0 && b > 0 ? 0 : Double.NaN;
                double da = b == 0 ? 0 : b * Math.pow(a, b - 1);
                return new double[] {da, db};
            }
            case HYPOT: {
                double h = Math.hypot(a, b);
                return new double[] {a / h, b / h};
            }
            case NEXT_AFTER: return new double[] {1, 0};     // the start's neighbour
            case COPY_SIGN: {                                 // ±|a|: +1 where r has a's sign, −1 where not
                double da = a == 0 ? 0 : (Double.doubleToRawLongBits(r) < 0) == (a < 0) ? 1 : -1;
                return new double[] {da, 0};
            }
            case MAX: return a >= b ? new double[] {1, 0} : new double[] {0, 1};
            case MIN: return a <= b ? new double[] {1, 0} : new double[] {0, 1};
            case FLOOR:
            case CEIL:
            case RINT:
            case SIGNUM:
            case ULP: return new double[] {0};                // piecewise constant
            default: throw new IllegalArgumentException("no rule for " + op);
        }
    }
}
