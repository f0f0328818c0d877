package io.crosscountry.samples.paper;

import io.crosscountry.Differentiable;

/**
 * RobotArm_6DOF: forward kinematics of a six-joint industrial robot arm.
 *
 * <p>From the joint angles {@code t1 ... t6} it computes the position {@code (px, py, pz)} of the
 * tool centre point and its orientation as three Tait-Bryan angles {@code (z, y_, z__)}. The link
 * constants (in millimetres) are the arm's Denavit-Hartenberg parameters {@code a1 = 175},
 * {@code a2 = 890}, {@code a3 = 50}, {@code d1 = 575}, {@code d4 = 1035}, {@code d6 = 185}.
 * Joints 2 and 3 are parallel, so their angles enter through {@code cos(t2 + t3)} and
 * {@code sin(t2 + t3)}, which are expanded with the angle-sum identities.
 *
 * <p>Specified in {@code shared/benchmarks/TASKS.md}, section 5 "RobotArm_6DOF" (after graphax's
 * example, MIT licence). The reference implementation's structure is kept because it shapes the
 * computational graph:
 * <ul>
 *   <li>the angle-sum helpers call {@code cos}/{@code sin} afresh on every use;</li>
 *   <li>nothing is reused: the positions recompute the approach-vector terms, and the
 *       orientation's bracket {@code c23*s5 + s23*c4*c5} is computed twice;</li>
 *   <li>{@code py} has {@code + c1*s4} where {@code ay} has {@code - c1*s4};</li>
 *   <li>the angles are computed before the positions but returned after them.</li>
 * </ul>
 * With its inlined helpers the method performs exactly the 114 operations of the spec's equation
 * listing, in the same order; the outputs are operations 85, 102, 114, 62, 66 and 68.
 */
public final class RobotArm6Dof {

    private static final double A1 = 175.0;
    private static final double A2 = 890.0;
    private static final double A3 = 50.0;
    private static final double D1 = 575.0;
    private static final double D4 = 1035.0;
    private static final double D6 = 185.0;

    /** Not instantiable: the task is the static method. */
    private RobotArm6Dof() {
    }

    /**
     * Tool pose for the joint angles {@code t1 ... t6} (radians).
     *
     * @param t1 angle of joint 1
     * @param t2 angle of joint 2
     * @param t3 angle of joint 3
     * @param t4 angle of joint 4
     * @param t5 angle of joint 5
     * @param t6 angle of joint 6
     * @return {@code (px, py, pz, z, y_, z__)}: the tool position, then its three orientation angles
     */
    @Differentiable
    public static double[] forwardKinematics(double t1, double t2, double t3, double t4, double t5, double t6) {
        double c1 = Math.cos(t1);
        double c2 = Math.cos(t2);
        double c4 = Math.cos(t4);
        double c5 = Math.cos(t5);
        double c6 = Math.cos(t6);
        double c23 = cosOfSum(t2, t3);
        double s1 = Math.sin(t1);
        double s2 = Math.sin(t2);
        double s4 = Math.sin(t4);
        double s5 = Math.sin(t5);
        double s6 = Math.sin(t6);
        double s23 = sinOfSum(t2, t3);

        // Approach vector (ax, ay, az) and the entries nz, oz of the normal and orientation vectors.
        double ax = s5 * (c1 * c23 * c4 + s1 * s4) + c1 * s23 * c5;
        double ay = s5 * (s1 * c23 * c4 - c1 * s4) + s1 * s23 * c5;
        double az = s23 * c4 * s5 - c23 * c5;
        double nz = c6 * (c23 * s5 + s23 * c4 * c5) - s23 * s4 * s6;
        double oz = -s6 * (c23 * s5 + s23 * c4 * c5) - s23 * s4 * c6;

        // Tait-Bryan angles of the tool frame.
        double z = Math.atan2(ay, ax);
        double y_ = Math.atan2(Math.sqrt(1.0 - az * az), az);
        double z__ = Math.atan2(oz, -nz);

        // Tool position: wrist centre plus d6 along the approach vector, all recomputed
        // (note '+ c1*s4' in py, where ay has '- c1*s4').
        double px = D6 * (s5 * (c1 * c23 * c4 + s1 * s4) + c1 * s23 * c5) + c1 * reach(c2, c23, s23);
        double py = D6 * (s5 * (s1 * c23 * c4 + c1 * s4) + s1 * s23 * c5) + s1 * reach(c2, c23, s23);
        double pz = A2 * s2 + D1 + A3 * s23 - D4 * c23 + D6 * (s23 * c4 * s5 - c23 * c5);

        return new double[] {px, py, pz, z, y_, z__};
    }

    /** {@code cos(a + b) = cos a * cos b - sin a * sin b}, every factor evaluated afresh. */
    private static double cosOfSum(double a, double b) {
        return Math.cos(a) * Math.cos(b) - Math.sin(a) * Math.sin(b);
    }

    /** {@code sin(a + b) = cos a * sin b + sin a * cos b}, every factor evaluated afresh. */
    private static double sinOfSum(double a, double b) {
        return Math.cos(a) * Math.sin(b) + Math.sin(a) * Math.cos(b);
    }

    /** Horizontal reach of the wrist centre, {@code a1 + a2*c2 + a3*c23 + d4*s23}, summed left to right. */
    private static double reach(double c2, double c23, double s23) {
        return A1 + A2 * c2 + A3 * c23 + D4 * s23;
    }

    /**
     * The reference inputs (spec §5): all six joint angles 0.02.
     *
     * @return the arguments of the task method, boxed, in parameter order
     */
    public static Object[] exampleArgs() {
        return new Object[] {0.02, 0.02, 0.02, 0.02, 0.02, 0.02};
    }
}
