package io.crosscountry.samples.paper;

import io.crosscountry.Differentiable;
import io.crosscountry.MathX;

/**
 * Paper task <em>g</em>: a machine-generated random scalar program with 15 inputs and 20 outputs,
 * dominated by {@code atan2}, real-exponent {@code pow} and {@code atanh}.
 *
 * <p>Specification: {@code shared/benchmarks/TASKS.md}, section "10. g"; the equation listing is
 * the specification. The body is the generator's straight-line program with one local per
 * generator variable: local {@code vK} is equation #(K − 16), i.e. vertex K − 16 of the graph (105
 * vertices: atan2 18, pow 18, sub 17, div 15, mul 11, add 8, atanh 3, atan 2, cos 2, square 2,
 * tan 2 and one each of asin, asinh, exp, log, neg, sin, sinh). The generator's constants
 * v15 = v16 = 1 are the literal {@code 1.0} (no vertex), in the listed operand position; the
 * squares are one-{@code dmul} {@code x * x}; {@code asinh}/{@code atanh} are the
 * {@link MathX} intrinsics. The published version is {@code jax.vmap}ped over (1,1) arrays; every
 * value there has a single element, so this scalar version has the same equations and ids.
 *
 * <p><b>Example inputs.</b> The reference inputs (all fifteen equal to 0.15) make 15 of the 20
 * outputs non-finite (a negative base raised to a real power at #9, a division by zero at #15,
 * {@code atanh(1.036)} at #42; see the spec's "NaN quirk"). Since g has no branches its graph does
 * not depend on the inputs, so {@link #exampleArgs()} uses other values, found by a search over a
 * 0.1 grid: v0…v14 = −1.9, −3.5, −2.1, 0.4, 0.6, −0.8, −2.8, 1.8, 1.1, 0.8, 2.7, 0.2, 1.6, 1.2,
 * 1.9. At these all 105 values are finite (|value| &lt; 30) and every operation is strictly
 * inside the domain of its partial derivatives: each {@code pow} base is at least 0.05, each
 * divisor at least 0.05 away from zero, each {@code atan2} argument pair has |y| + |x| ≥ 0.05,
 * each {@code atanh}/{@code asin} argument lies in [−0.95, 0.95] and the {@code log} argument is
 * positive. The reference inputs are available as {@link #referenceArgs()}.
 */
public final class FunctionG {

    private FunctionG() {
    }

    /**
     * Evaluates g; returns the 20 outputs in the generator's return order: v121, v71, v85, v88,
     * v93, v96, v97, v99, v104, v109, v110, v111, v112, v113, v114, v116, v117, v118, v119, v120.
     */
    @Differentiable
    public static double[] g(double v0, double v1, double v2, double v3, double v4, double v5, double v6,
                             double v7, double v8, double v9, double v10, double v11, double v12, double v13,
                             double v14) {
        double v17 = Math.atan2(1.0, v3);
        double v18 = Math.pow(1.0, v14);
        double v19 = Math.atan2(v13, v17);
        double v20 = Math.pow(v17, v5);
        double v21 = v9 - v8;
        double v22 = Math.atan(v10);
        double v23 = v21 * v0;
        double v24 = v22 - v18;
        double v25 = Math.pow(v24, v11);
        double v26 = v21 + v12;
        double v27 = Math.exp(v2);
        double v28 = v21 + v26;
        double v29 = Math.pow(1.0, v17);
        double v30 = Math.sin(v3);
        double v31 = v2 / v23;
        double v32 = Math.atan2(v24, v26);
        double v33 = v29 - v25;
        double v34 = Math.atan(v33);
        double v35 = v7 * v27;
        double v36 = Math.tan(v13);
        double v37 = v27 + v19;
        double v38 = v7 / v6;
        double v39 = v25 - v34;
        double v40 = v29 - v6;
        double v41 = Math.pow(v35, v4);
        double v42 = Math.cos(v0);
        double v43 = v40 - v19;
        double v44 = v41 / v7;
        double v45 = v40 - v8;
        double v46 = Math.atan2(1.0, v43);
        double v47 = v8 / v30;
        double v48 = Math.pow(v37, v36);
        double v49 = Math.pow(v47, v44);
        double v50 = Math.atan2(v45, v40);
        double v51 = Math.atan2(v44, v13);
        double v52 = v4 / v34;
        double v53 = Math.atan2(v41, v1);
        double v54 = Math.atan2(v25, v53);
        double v55 = v12 + v51;
        double v56 = Math.pow(v3, v48);
        double v57 = v24 - v32;
        double v58 = MathX.atanh(v48);
        double v59 = MathX.atanh(v54);
        double v60 = Math.atan2(v2, v26);
        double v61 = v52 - v18;
        double v62 = Math.cos(v38);
        double v63 = v8 / v32;
        double v64 = Math.atan2(v42, v46);
        double v65 = Math.sinh(v36);
        double v66 = v61 - v50;
        double v67 = Math.pow(v13, v39);
        double v68 = Math.pow(v37, v26);
        double v69 = v68 - v43;
        double v70 = Math.log(v65);
        double v71 = Math.pow(v23, v58); // output 2
        double v72 = Math.atan2(v50, v69);
        double v73 = v20 / v72;
        double v74 = v41 * v56;
        double v75 = v39 * v33;
        double v76 = v61 * 1.0;
        double v77 = Math.pow(v66, v64);
        double v78 = Math.atan2(v53, v25);
        double v79 = v59 - v60;
        double v80 = Math.atan2(v73, v41);
        double v81 = v74 * v46;
        double v82 = v5 * v5;
        double v83 = Math.atan2(v28, v62);
        double v84 = Math.atan2(v39, v9);
        double v85 = v4 * v12; // output 3
        double v86 = v57 / v56;
        double v87 = Math.atan2(v61, v63);
        double v88 = MathX.asinh(v14); // output 4
        double v89 = Math.pow(v86, v83);
        double v90 = Math.asin(v66);
        double v91 = v70 - v79;
        double v92 = Math.atan2(v37, v65);
        double v93 = v67 * v77; // output 5
        double v94 = Math.pow(v87, v55);
        double v95 = v49 * v49;
        double v96 = v92 / v94; // output 6
        double v97 = 1.0 + v95; // output 7
        double v98 = v91 / v76;
        double v99 = MathX.atanh(v46); // output 8
        double v100 = v75 * v45;
        double v101 = v100 / v28;
        double v102 = v90 + v29;
        double v103 = Math.atan2(v80, v84);
        double v104 = v20 - v91; // output 9
        double v105 = v82 + v90;
        double v106 = v102 / v103;
        double v107 = Math.pow(v75, v42);
        double v108 = v68 * v62;
        double v109 = v102 / v1; // output 10
        double v110 = Math.pow(v98, v101); // output 11
        double v111 = -v100; // output 12
        double v112 = v31 / v89; // output 13
        double v113 = v105 / v108; // output 14
        double v114 = v22 - v70; // output 15
        double v115 = v106 * v44;
        double v116 = v107 - v81; // output 16
        double v117 = Math.pow(v58, v115); // output 17
        double v118 = v78 - v108; // output 18
        double v119 = Math.tan(v87); // output 19
        double v120 = Math.pow(v87, v48); // output 20
        double v121 = v105 + v38; // output 1
        return new double[] {
            v121, v71, v85, v88, v93, v96, v97, v99, v104, v109,
            v110, v111, v112, v113, v114, v116, v117, v118, v119, v120,
        };
    }

    /**
     * Example inputs at which all of g's values are finite (see the class comment): v0…v14 =
     * −1.9, −3.5, −2.1, 0.4, 0.6, −0.8, −2.8, 1.8, 1.1, 0.8, 2.7, 0.2, 1.6, 1.2, 1.9.
     */
    public static Object[] exampleArgs() {
        return new Object[] {-1.9, -3.5, -2.1, 0.4, 0.6, -0.8, -2.8, 1.8, 1.1, 0.8, 2.7, 0.2, 1.6, 1.2, 1.9};
    }

    /**
     * The spec's reference inputs, v0 = … = v14 = 0.15, at which only outputs 3, 4, 7, 8 and 15 are
     * finite (spec "NaN quirk").
     */
    public static Object[] referenceArgs() {
        Object[] args = new Object[15];
        for (int i = 0; i < args.length; i++) {
            args[i] = 0.15;
        }
        return args;
    }
}
