package io.crosscountry.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyWeightsTest {

    private static final PolicyWeights W = RandomGraphInputs.randomDense(new Random(3), 7, 12, 2, 10);

    @Test
    void layoutHasTheDocumentedOrderAndShapes() {
        var specs = PolicyWeights.layout(5, 8, 2, 6);
        assertEquals(11 + 4 * 2, specs.size());
        assertEquals("input.W", specs.get(0).name());
        assertArrayEquals(new int[] {5, 8}, specs.get(0).shape());
        assertEquals("mp1.A", specs.get(2).name());
        assertEquals("mp2.d", specs.get(9).name());
        assertArrayEquals(new int[] {16, 6}, specs.get(11).shape());
        assertEquals(0, specs.get(14).rank());
        assertEquals("value.c3", specs.get(specs.size() - 1).name());
    }

    @Test
    void randomIsDeterministicAndSmallAtTheOutputs() {
        PolicyWeights a = PolicyWeights.random(9, 48, 3, 42);
        assertEquals(a, PolicyWeights.random(9, 48, 3, 42));
        assertNotEquals(a, PolicyWeights.random(9, 48, 3, 43));
        assertEquals(48, a.policyHidden());
        assertEquals(0f, a.tensor(PolicyWeights.POLICY_C2)[0]);
        for (float x : a.tensor(PolicyWeights.POLICY_P2)) {
            assertTrue(Math.abs(x) < 0.1f);
        }
    }

    @Test
    void byteRoundTripIsExact() {
        byte[] bytes = W.toBytes();
        PolicyWeights back = PolicyWeights.fromBytes(bytes, "memory");
        assertEquals(W, back);
        assertEquals(W.hashCode(), back.hashCode());
        assertArrayEquals(bytes, back.toBytes());
        assertEquals('C', bytes[0]);
        assertEquals(1, ByteBuffer.wrap(bytes, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    @Test
    void fileAndStreamRoundTrips(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/w.ccpn");
        W.write(file);
        assertEquals(W, PolicyWeights.read(file));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        W.write(out);
        assertEquals(W, PolicyWeights.read(new ByteArrayInputStream(out.toByteArray()), "stream"));
    }

    @Test
    void everyFlippedByteIsDetected() {
        byte[] good = W.toBytes();
        Random rnd = new Random(5);
        for (int trial = 0; trial < 300; trial++) {
            byte[] bad = good.clone();
            int pos = trial < 40 ? trial : rnd.nextInt(bad.length);
            bad[pos] ^= (byte) (1 + rnd.nextInt(255));
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> PolicyWeights.fromBytes(bad, "bad.ccpn"),
                    "flip at " + pos);
            assertTrue(e.getMessage().contains("bad.ccpn"), e.getMessage());
        }
    }

    @Test
    void truncationAndTrailingBytesAreDetected(@TempDir Path dir) throws IOException {
        byte[] good = W.toBytes();
        for (int len : new int[] {0, 3, 4, 10, 27, 28, 100, good.length / 2, good.length - 4, good.length - 1}) {
            Path file = dir.resolve("t" + len + ".ccpn");
            Files.write(file, Arrays.copyOf(good, len));
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> PolicyWeights.read(file));
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
        byte[] longer = Arrays.copyOf(good, good.length + 3);
        assertTrue(assertThrows(ModelFormatException.class, () -> PolicyWeights.fromBytes(longer, "x"))
                .getMessage().contains("after the checksum"));
    }

    @Test
    void wrongMagicVersionAndMissingFileAreReported(@TempDir Path dir) {
        byte[] bad = W.toBytes();
        bad[0] = 'X';
        assertTrue(assertThrows(ModelFormatException.class, () -> PolicyWeights.fromBytes(bad, "m"))
                .getMessage().contains("magic"));
        byte[] v2 = W.toBytes();
        v2[4] = 2;
        assertTrue(assertThrows(ModelFormatException.class, () -> PolicyWeights.fromBytes(v2, "v"))
                .getMessage().contains("version 2"));
        assertThrows(ModelFormatException.class, () -> PolicyWeights.read(dir.resolve("missing.ccpn")));
    }

    @Test
    void ofValidatesNamesSizesAndValues() {
        Map<String, float[]> t = W.tensors();
        t.remove(PolicyWeights.VALUE_C3);
        assertThrows(IllegalArgumentException.class, () -> PolicyWeights.of(7, 12, 2, 10, t));
        Map<String, float[]> t2 = W.tensors();
        t2.put(PolicyWeights.INPUT_B, new float[3]);
        assertThrows(IllegalArgumentException.class, () -> PolicyWeights.of(7, 12, 2, 10, t2));
        Map<String, float[]> t3 = W.tensors();
        t3.get(PolicyWeights.INPUT_B)[1] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> PolicyWeights.of(7, 12, 2, 10, t3));
        Map<String, float[]> t4 = W.tensors();
        t4.put("extra", new float[1]);
        assertThrows(IllegalArgumentException.class, () -> PolicyWeights.of(7, 12, 2, 10, t4));
        // copies: changing the caller's arrays does not change the weights
        Map<String, float[]> t5 = W.tensors();
        PolicyWeights w5 = PolicyWeights.of(7, 12, 2, 10, t5);
        t5.get(PolicyWeights.INPUT_W)[0] += 1;
        assertEquals(W, w5);
    }
}
