package io.crosscountry.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * The parameters of the policy/value network "NET v1": dimensions and every tensor as a float array,
 * immutable. Both {@link PolicyNetwork} (plain Java inference) and {@code DjlPolicyModel} (training)
 * compute the same function of these weights.
 *
 * <h2>The network (NET v1)</h2>
 * Dimensions: {@code F} input features per node, {@code H} hidden width, {@code L} message-passing
 * layers, {@code P} policy-head width. With {@code X} the {@code n × F} feature matrix:
 * <pre>
 *   h0 = relu(X·input.W + input.b)
 *   for l = 1..L:   mp = mean of h over each node's predecessors (0 if none)
 *                   ms = mean of h over each node's successors   (0 if none)
 *                   h  = h + relu(h·mp{l}.A + mp·mp{l}.B + ms·mp{l}.C + mp{l}.d)
 *   g   = [mean over nodes of h ; max over nodes of h]                         (2H)
 *   z_v = relu(h_v·policy.P1 + g·policy.Q1 + policy.p1)·policy.p2 + policy.c2   (logit of node v)
 *   u   = relu(g·value.V1 + value.v1)·value.V2 + value.c3                       (value)
 * </pre>
 * Logits of illegal nodes are masked to {@code -∞}.
 *
 * <h2>Tensors, in file order</h2>
 * <pre>
 *   input.W [F,H]   input.b [H]
 *   for l = 1..L:  mp{l}.A [H,H]  mp{l}.B [H,H]  mp{l}.C [H,H]  mp{l}.d [H]
 *   policy.P1 [H,P]  policy.Q1 [2H,P]  policy.p1 [P]  policy.p2 [P]  policy.c2 [] (scalar)
 *   value.V1 [2H,H]  value.v1 [H]      value.V2 [H]   value.c3 [] (scalar)
 * </pre>
 * Matrices are row-major: element {@code (i, j)} of a {@code [R,C]} tensor is at {@code i·C + j};
 * a row vector times the matrix maps {@code R} inputs to {@code C} outputs.
 *
 * <h2>File format "CCPN", version 1</h2>
 * All integers are signed 32-bit and all floats IEEE-754 binary32, <b>little-endian</b>:
 * <pre>
 *   magic        4 bytes  'C' 'C' 'P' 'N'
 *   version      int32    1
 *   F, H, L, P   4 × int32
 *   count        int32    number of tensors (11 + 4L)
 *   count × tensor, in the order above:
 *     nameLength int32, name (UTF-8, nameLength bytes)
 *     rank       int32, dims (rank × int32)
 *     data       product(dims) × float32, row-major (a rank-0 tensor has one value)
 *   crc          uint32   CRC-32 (java.util.zip.CRC32) of every byte before it
 * </pre>
 * Nothing follows the checksum. Readers validate the magic, version, dimensions, every name and shape,
 * the exact length, the checksum and that all values are finite, and throw
 * {@link ModelFormatException} naming the source and the problem otherwise. No Java serialization.
 */
public final class PolicyWeights {

    /** The format version this class writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** Default hidden width H. */
    public static final int DEFAULT_HIDDEN = 48;
    /** Default number of message-passing layers L. */
    public static final int DEFAULT_LAYERS = 3;

    private static final byte[] MAGIC = {'C', 'C', 'P', 'N'};
    private static final int MAX_DIM = 1 << 16;
    private static final int MAX_LAYERS = 64;
    private static final long MAX_PARAMETERS = 1L << 27;

    /** Names and shapes of one tensor. */
    public record TensorSpec(String name, int[] shape) {
        /** Copies the shape. */
        public TensorSpec {
            Objects.requireNonNull(name);
            shape = shape.clone();
        }

        /** A copy of the dimensions. */
        @Override
        public int[] shape() {
            return shape.clone();
        }

        /** The rank (0 for a scalar). */
        public int rank() {
            return shape.length;
        }

        /** The number of elements (1 for a scalar). */
        public int size() {
            int s = 1;
            for (int d : shape) {
                s *= d;
            }
            return s;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TensorSpec t && t.name.equals(name) && Arrays.equals(t.shape, shape);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return name + Arrays.toString(shape);
        }
    }

    private final int numFeatures;
    private final int hidden;
    private final int layers;
    private final int policyHidden;
    private final List<TensorSpec> specs;
    private final float[][] data;
    private final Map<String, Integer> index;

    private PolicyWeights(int f, int h, int l, int p, float[][] data) {
        this.numFeatures = f;
        this.hidden = h;
        this.layers = l;
        this.policyHidden = p;
        this.specs = layout(f, h, l, p);
        this.data = data;
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            idx.put(specs.get(i).name(), i);
        }
        this.index = idx;
    }

    // ---------------------------------------------------------------- names and layout

    /** Name of input weight matrix {@code [F,H]}. */
    public static final String INPUT_W = "input.W";
    /** Name of input bias {@code [H]}. */
    public static final String INPUT_B = "input.b";
    /** Name of policy node matrix {@code [H,P]}. */
    public static final String POLICY_P1 = "policy.P1";
    /** Name of policy global matrix {@code [2H,P]}. */
    public static final String POLICY_Q1 = "policy.Q1";
    /** Name of policy hidden bias {@code [P]}. */
    public static final String POLICY_P1_BIAS = "policy.p1";
    /** Name of policy output vector {@code [P]}. */
    public static final String POLICY_P2 = "policy.p2";
    /** Name of policy output bias (scalar). */
    public static final String POLICY_C2 = "policy.c2";
    /** Name of value hidden matrix {@code [2H,H]}. */
    public static final String VALUE_V1 = "value.V1";
    /** Name of value hidden bias {@code [H]}. */
    public static final String VALUE_V1_BIAS = "value.v1";
    /** Name of value output vector {@code [H]}. */
    public static final String VALUE_V2 = "value.V2";
    /** Name of value output bias (scalar). */
    public static final String VALUE_C3 = "value.c3";

    /**
     * Name of a message-passing tensor.
     *
     * @param layer 1..L
     * @param which one of 'A', 'B', 'C' ({@code [H,H]}) or 'd' ({@code [H]})
     */
    public static String layerTensor(int layer, char which) {
        if (which != 'A' && which != 'B' && which != 'C' && which != 'd') {
            throw new IllegalArgumentException("layer tensor must be A, B, C or d: " + which);
        }
        return "mp" + layer + "." + which;
    }

    /** The tensors of a network with these dimensions, in file order. */
    public static List<TensorSpec> layout(int f, int h, int l, int p) {
        checkDims(f, h, l, p);
        List<TensorSpec> s = new ArrayList<>(11 + 4 * l);
        s.add(new TensorSpec(INPUT_W, new int[] {f, h}));
        s.add(new TensorSpec(INPUT_B, new int[] {h}));
        for (int i = 1; i <= l; i++) {
            s.add(new TensorSpec(layerTensor(i, 'A'), new int[] {h, h}));
            s.add(new TensorSpec(layerTensor(i, 'B'), new int[] {h, h}));
            s.add(new TensorSpec(layerTensor(i, 'C'), new int[] {h, h}));
            s.add(new TensorSpec(layerTensor(i, 'd'), new int[] {h}));
        }
        s.add(new TensorSpec(POLICY_P1, new int[] {h, p}));
        s.add(new TensorSpec(POLICY_Q1, new int[] {2 * h, p}));
        s.add(new TensorSpec(POLICY_P1_BIAS, new int[] {p}));
        s.add(new TensorSpec(POLICY_P2, new int[] {p}));
        s.add(new TensorSpec(POLICY_C2, new int[] {}));
        s.add(new TensorSpec(VALUE_V1, new int[] {2 * h, h}));
        s.add(new TensorSpec(VALUE_V1_BIAS, new int[] {h}));
        s.add(new TensorSpec(VALUE_V2, new int[] {h}));
        s.add(new TensorSpec(VALUE_C3, new int[] {}));
        return Collections.unmodifiableList(s);
    }

    private static void checkDims(int f, int h, int l, int p) {
        String problem = dimsProblem(f, h, l, p);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static String dimsProblem(int f, int h, int l, int p) {
        if (f < 1 || f > MAX_DIM || h < 1 || h > MAX_DIM || p < 1 || p > MAX_DIM || l < 0 || l > MAX_LAYERS) {
            return "dimensions out of range: F=" + f + " H=" + h + " L=" + l + " P=" + p;
        }
        long params = (long) f * h + h + (long) l * (3L * h * h + h) + 3L * h * p + 2L * p + 1 + 2L * h * h + 2L * h + 1;
        if (params > MAX_PARAMETERS) {
            return "too many parameters (" + params + ") for F=" + f + " H=" + h + " L=" + l + " P=" + p;
        }
        return null;
    }

    // ---------------------------------------------------------------- construction

    /** Seeded random initialisation with the default policy width {@code P = H}. */
    public static PolicyWeights random(int numFeatures, int hidden, int layers, long seed) {
        return random(numFeatures, hidden, layers, hidden, seed);
    }

    /**
     * Seeded random initialisation: He-uniform matrices for the ReLU layers (the three message
     * matrices of a layer share one fan-in of 3H and are scaled by 1/sqrt(L) so the residual stream
     * grows slowly), zero biases, and the two output vectors Xavier-uniform scaled by 0.1 so logits
     * and value start near 0. Deterministic for a given seed.
     */
    public static PolicyWeights random(int numFeatures, int hidden, int layers, int policyHidden, long seed) {
        List<TensorSpec> specs = layout(numFeatures, hidden, layers, policyHidden);
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] d = new float[specs.size()][];
        double layerScale = 1.0 / Math.sqrt(Math.max(1, layers));
        for (int i = 0; i < specs.size(); i++) {
            TensorSpec s = specs.get(i);
            String n = s.name();
            float[] a = new float[s.size()];
            double limit;
            if (n.equals(INPUT_W)) {
                limit = Math.sqrt(6.0 / numFeatures);
            } else if (n.endsWith(".A") || n.endsWith(".B") || n.endsWith(".C")) {
                limit = Math.sqrt(6.0 / (3.0 * hidden)) * layerScale;
            } else if (n.equals(POLICY_P1) || n.equals(POLICY_Q1)) {
                limit = Math.sqrt(6.0 / (3.0 * hidden));
            } else if (n.equals(VALUE_V1)) {
                limit = Math.sqrt(6.0 / (2.0 * hidden));
            } else if (n.equals(POLICY_P2)) {
                limit = 0.1 * Math.sqrt(6.0 / (policyHidden + 1));
            } else if (n.equals(VALUE_V2)) {
                limit = 0.1 * Math.sqrt(6.0 / (hidden + 1));
            } else {
                limit = 0; // biases
            }
            if (limit > 0) {
                for (int k = 0; k < a.length; k++) {
                    a[k] = (float) ((rnd.nextDouble() * 2 - 1) * limit);
                }
            }
            d[i] = a;
        }
        return new PolicyWeights(numFeatures, hidden, layers, policyHidden, d);
    }

    /**
     * Weights from named arrays (copied). Every tensor of {@link #layout} must be present with the
     * right number of elements and finite values; no other names are allowed.
     *
     * @throws IllegalArgumentException naming the first missing, extra, wrongly sized or non-finite tensor
     */
    public static PolicyWeights of(int numFeatures, int hidden, int layers, int policyHidden, Map<String, float[]> tensors) {
        List<TensorSpec> specs = layout(numFeatures, hidden, layers, policyHidden);
        if (tensors.size() != specs.size()) {
            List<String> extra = new ArrayList<>(tensors.keySet());
            extra.removeAll(specs.stream().map(TensorSpec::name).toList());
            if (!extra.isEmpty()) {
                throw new IllegalArgumentException("unexpected tensors " + extra);
            }
        }
        float[][] d = new float[specs.size()][];
        for (int i = 0; i < specs.size(); i++) {
            TensorSpec s = specs.get(i);
            float[] a = tensors.get(s.name());
            if (a == null) {
                throw new IllegalArgumentException("missing tensor " + s.name());
            }
            if (a.length != s.size()) {
                throw new IllegalArgumentException("tensor " + s + " needs " + s.size() + " values, got " + a.length);
            }
            int bad = firstNonFinite(a);
            if (bad >= 0) {
                throw new IllegalArgumentException("tensor " + s.name() + " has a non-finite value at " + bad + ": " + a[bad]);
            }
            d[i] = a.clone();
        }
        return new PolicyWeights(numFeatures, hidden, layers, policyHidden, d);
    }

    private static int firstNonFinite(float[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i])) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- accessors

    /** F: features per node. */
    public int numFeatures() {
        return numFeatures;
    }

    /** H: hidden width. */
    public int hidden() {
        return hidden;
    }

    /** L: message-passing layers. */
    public int layers() {
        return layers;
    }

    /** P: policy-head width. */
    public int policyHidden() {
        return policyHidden;
    }

    /** All tensors' names and shapes, in file order. */
    public List<TensorSpec> specs() {
        return specs;
    }

    /** The total number of parameters. */
    public int parameterCount() {
        int c = 0;
        for (float[] a : data) {
            c += a.length;
        }
        return c;
    }

    /** A copy of the named tensor's values (row-major). */
    public float[] tensor(String name) {
        return raw(name).clone();
    }

    /** The named tensor's shape. */
    public int[] shape(String name) {
        return specs.get(indexOf(name)).shape();
    }

    /** All tensors as a fresh name → copy map, in file order. */
    public Map<String, float[]> tensors() {
        Map<String, float[]> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            m.put(specs.get(i).name(), data[i].clone());
        }
        return m;
    }

    /** The named tensor's own array: callers in this package must not modify it. */
    float[] raw(String name) {
        return data[indexOf(name)];
    }

    private int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no tensor named " + name + " (L=" + layers + ")");
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PolicyWeights w) || w.numFeatures != numFeatures || w.hidden != hidden
                || w.layers != layers || w.policyHidden != policyHidden) {
            return false;
        }
        for (int i = 0; i < data.length; i++) {
            if (!Arrays.equals(data[i], w.data[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(numFeatures, hidden, layers, policyHidden);
        for (float[] a : data) {
            h = 31 * h + Arrays.hashCode(a);
        }
        return h;
    }

    @Override
    public String toString() {
        return "PolicyWeights[F=" + numFeatures + ", H=" + hidden + ", L=" + layers + ", P=" + policyHidden
                + ", parameters=" + parameterCount() + "]";
    }

    // ---------------------------------------------------------------- writing

    /** The file image (see the class documentation). */
    public byte[] toBytes() {
        int size = encodedSize(specs);
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(FORMAT_VERSION).putInt(numFeatures).putInt(hidden).putInt(layers).putInt(policyHidden);
        b.putInt(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            TensorSpec s = specs.get(i);
            byte[] name = s.name().getBytes(StandardCharsets.UTF_8);
            b.putInt(name.length).put(name).putInt(s.rank());
            for (int d : s.shape) {
                b.putInt(d);
            }
            for (float v : data[i]) {
                b.putFloat(v);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** Writes the file image to a stream (not closed). */
    public void write(OutputStream out) throws IOException {
        out.write(toBytes());
    }

    /** Writes the file image to a file, replacing it (parent directories are created). */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, toBytes());
    }

    private static int encodedSize(List<TensorSpec> specs) {
        long size = 4 + 4 + 16 + 4;
        for (TensorSpec s : specs) {
            size += 4 + s.name().getBytes(StandardCharsets.UTF_8).length + 4 + 4L * s.rank() + 4L * s.size();
        }
        size += 4;
        return Math.toIntExact(size);
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a weight file.
     *
     * @throws ModelFormatException if it cannot be read or is not a valid CCPN file
     */
    public static PolicyWeights read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelFormatException(file.toString(), "cannot read: " + e, e);
        }
        return fromBytes(bytes, file.toString());
    }

    /**
     * Reads a weight file image from a stream, to its end (the stream is not closed).
     *
     * @param source a description of the stream for error messages (a resource name, a URL)
     * @throws ModelFormatException if it cannot be read or is not a valid CCPN file
     */
    public static PolicyWeights read(InputStream in, String source) {
        byte[] bytes;
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            bytes = buf.toByteArray();
        } catch (IOException e) {
            throw new ModelFormatException(source, "cannot read: " + e, e);
        }
        return fromBytes(bytes, source);
    }

    /**
     * Parses a file image.
     *
     * @param source a description of where the bytes came from, for error messages
     * @throws ModelFormatException if the bytes are not a valid CCPN file
     */
    public static PolicyWeights fromBytes(byte[] bytes, String source) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new ModelFormatException(source, "not a CCPN weight file (bad magic bytes "
                    + hex(Arrays.copyOf(bytes, Math.min(bytes.length, MAGIC.length))) + ", expected 43 43 50 4e)");
        }
        b.position(MAGIC.length);
        int headerEnd = 4 + 4 + 16 + 4;
        if (bytes.length < headerEnd) {
            throw new ModelFormatException(source, "truncated header: " + bytes.length + " bytes");
        }
        int version = b.getInt();
        if (version != FORMAT_VERSION) {
            throw new ModelFormatException(source, "unsupported format version " + version + " (this reader knows " + FORMAT_VERSION + ")");
        }
        int f = b.getInt();
        int h = b.getInt();
        int l = b.getInt();
        int p = b.getInt();
        String dimsProblem = dimsProblem(f, h, l, p);
        if (dimsProblem != null) {
            throw new ModelFormatException(source, dimsProblem);
        }
        List<TensorSpec> specs = layout(f, h, l, p);
        int expected = encodedSize(specs);
        if (bytes.length < expected) {
            throw new ModelFormatException(source, "truncated: " + bytes.length + " bytes, expected " + expected
                    + " for F=" + f + " H=" + h + " L=" + l + " P=" + p);
        }
        if (bytes.length > expected) {
            throw new ModelFormatException(source, (bytes.length - expected) + " unexpected bytes after the checksum");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, expected - 4);
        int stored = ByteBuffer.wrap(bytes, expected - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (stored != (int) crc.getValue()) {
            throw new ModelFormatException(source, String.format("checksum mismatch (stored %08x, computed %08x): the file is corrupted",
                    stored, (int) crc.getValue()));
        }
        int count = b.getInt();
        if (count != specs.size()) {
            throw new ModelFormatException(source, "tensor count " + count + ", expected " + specs.size());
        }
        float[][] d = new float[specs.size()][];
        for (int i = 0; i < specs.size(); i++) {
            TensorSpec s = specs.get(i);
            byte[] want = s.name().getBytes(StandardCharsets.UTF_8);
            int nameLength = b.getInt();
            if (nameLength != want.length) {
                throw new ModelFormatException(source, "tensor #" + i + ": name length " + nameLength + ", expected " + s.name());
            }
            byte[] name = new byte[nameLength];
            b.get(name);
            if (!Arrays.equals(name, want)) {
                throw new ModelFormatException(source, "tensor #" + i + " is named '"
                        + new String(name, StandardCharsets.UTF_8) + "', expected '" + s.name() + "'");
            }
            int rank = b.getInt();
            int[] dims = new int[rank == s.rank() ? rank : 0];
            if (rank == s.rank()) {
                for (int k = 0; k < rank; k++) {
                    dims[k] = b.getInt();
                }
            }
            if (rank != s.rank() || !Arrays.equals(dims, s.shape)) {
                throw new ModelFormatException(source, "tensor " + s.name() + " has shape of rank " + rank + " "
                        + Arrays.toString(dims) + ", expected " + Arrays.toString(s.shape));
            }
            float[] a = new float[s.size()];
            b.asFloatBuffer().get(a);
            b.position(b.position() + 4 * a.length);
            int bad = firstNonFinite(a);
            if (bad >= 0) {
                throw new ModelFormatException(source, "tensor " + s.name() + " has a non-finite value at " + bad + ": " + a[bad]);
            }
            d[i] = a;
        }
        return new PolicyWeights(f, h, l, p, d);
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte x : bytes) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }
}
