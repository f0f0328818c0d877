package io.crosscountry.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PolicyNetworkTest {

    @Test
    void priorsAreADistributionOverLegalNodes() {
        Random rnd = new Random(11);
        PolicyNetwork net = new PolicyNetwork(RandomGraphInputs.randomDense(rnd, 6, 16, 2, 12));
        for (int trial = 0; trial < 20; trial++) {
            GraphInput in = RandomGraphInputs.random(rnd, 1 + rnd.nextInt(40), 6, 3);
            PolicyNetwork.Output out = net.evaluate(in);
            float[] pr = PolicyNetwork.priors(out, in);
            float[] ls = PolicyNetwork.logSoftmax(out, in);
            double sum = 0;
            for (int v = 0; v < in.numNodes(); v++) {
                if (in.legal()[v]) {
                    assertTrue(Float.isFinite(out.logits()[v]));
                    assertEquals(Math.log(pr[v]), ls[v], 1e-4);
                } else {
                    assertEquals(Float.NEGATIVE_INFINITY, out.logits()[v]);
                    assertEquals(0f, pr[v]);
                }
                sum += pr[v];
            }
            assertEquals(1.0, sum, 1e-5);
            assertTrue(Float.isFinite(out.value()));
        }
    }

    /** Renumbering the nodes permutes the logits and leaves the value unchanged. */
    @Test
    void permutationEquivariant() {
        Random rnd = new Random(12);
        PolicyNetwork net = new PolicyNetwork(RandomGraphInputs.randomDense(rnd, 5, 8, 3, 8));
        for (int trial = 0; trial < 10; trial++) {
            GraphInput in = RandomGraphInputs.random(rnd, 2 + rnd.nextInt(30), 5, 3);
            int n = in.numNodes();
            int[] perm = new int[n]; // new index of old node v
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            GraphInput q = permute(in, perm);
            PolicyNetwork.Output a = net.evaluate(in);
            PolicyNetwork.Output b = net.evaluate(q);
            assertEquals(a.value(), b.value(), 1e-4f * Math.max(1f, Math.abs(a.value())));
            for (int v = 0; v < n; v++) {
                assertEquals(a.logits()[v], b.logits()[perm[v]], 1e-4f * Math.max(1f, Math.abs(a.logits()[v])));
            }
        }
    }

    private static GraphInput permute(GraphInput in, int[] perm) {
        int n = in.numNodes();
        int f = in.numFeatures();
        int[] inv = new int[n];
        for (int v = 0; v < n; v++) {
            inv[perm[v]] = v;
        }
        float[] x = new float[n * f];
        int[] ids = new int[n];
        boolean[] legal = new boolean[n];
        int[] ps = new int[n + 1];
        int[] ss = new int[n + 1];
        int[] pi = new int[in.predIndex().length];
        int[] si = new int[in.succIndex().length];
        for (int w = 0; w < n; w++) {
            int v = inv[w];
            System.arraycopy(in.features(), v * f, x, w * f, f);
            ids[w] = in.vertexIds()[v];
            legal[w] = in.legal()[v];
            ps[w + 1] = ps[w] + in.predStart()[v + 1] - in.predStart()[v];
            ss[w + 1] = ss[w] + in.succStart()[v + 1] - in.succStart()[v];
            for (int e = in.predStart()[v], k = ps[w]; e < in.predStart()[v + 1]; e++, k++) {
                pi[k] = perm[in.predIndex()[e]];
            }
            for (int e = in.succStart()[v], k = ss[w]; e < in.succStart()[v + 1]; e++, k++) {
                si[k] = perm[in.succIndex()[e]];
            }
        }
        return new GraphInput(n, f, x, ps, pi, ss, si, ids, legal);
    }

    @Test
    void evaluatorsAreIndependentAndBuffersGrow() {
        Random rnd = new Random(13);
        PolicyNetwork net = new PolicyNetwork(PolicyWeights.random(4, 8, 2, 1));
        PolicyNetwork copy = net.copy();
        GraphInput small = RandomGraphInputs.random(rnd, 3, 4, 2);
        GraphInput big = RandomGraphInputs.random(rnd, 200, 4, 2);
        PolicyNetwork.Output s1 = net.evaluate(small);
        net.evaluate(big);
        PolicyNetwork.Output s2 = net.evaluate(small);
        assertEquals(s1.value(), s2.value());
        assertEquals(s1.value(), copy.evaluate(small).value());
        assertThrows(IllegalArgumentException.class, () -> net.evaluate(RandomGraphInputs.random(rnd, 3, 5, 2)));
    }

    /** The inference classes must load without DJL (the agent carries no DJL). */
    @Test
    void inferenceClassesDoNotReferenceDjl() throws IOException {
        for (Class<?> c : new Class<?>[] {PolicyNetwork.class, PolicyNetwork.Output.class, PolicyWeights.class,
                PolicyWeights.TensorSpec.class, ModelFormatException.class, GraphInput.class}) {
            String resource = "/" + c.getName().replace('.', '/') + ".class";
            try (InputStream in = c.getResourceAsStream(resource)) {
                String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains("ai/djl"), c + " references DJL");
            }
        }
    }
}
