package io.crosscountry.policy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The policy/value network "NET v1" (see {@link PolicyWeights}) in DJL on the PyTorch engine (CPU),
 * for training: batched forward pass with autograd and Adam steps. {@link #export()} gives weights
 * for the plain-Java {@link PolicyNetwork}, which computes the same function.
 *
 * <h2>Batches</h2>
 * The states of a batch are padded to the largest node count {@code N}: features {@code X [B,N,F]},
 * row-normalised predecessor and successor matrices {@code Ap, As [B,N,N]} (so the predecessor mean is
 * {@code Ap·h}), a node mask {@code [B,N]} (mean and max pooling see real nodes only) and a legal
 * mask {@code [B,N]} (illegal and padding logits get {@code -1e9} before the log-softmax).
 *
 * <h2>Training</h2>
 * {@link #trainStep} does one Adam step on
 * {@code loss = mean_b[-Σ_v target_bv · logsoftmax_bv] + valueWeight · mean_b[(value_b - target_b)²]}
 * with bias-corrected moments and decoupled weight decay (AdamW: {@code w -= lr·wd·w}).
 * Defaults: learning rate 1e-3, weight decay 1e-4, β = (0.9, 0.999), ε = 1e-8; see the setters.
 * Every step runs in its own {@link NDManager} and {@link NDScope}, both closed at its end, so
 * thousands of steps do not accumulate native memory.
 *
 * <h2>Checkpoints</h2>
 * {@link #save(Path)} writes a directory with {@code model.properties} (format version, F/H/L/P, Adam
 * step count and hyper-parameters), {@code parameters.ndlist} (every tensor, named as in
 * {@link PolicyWeights}, in DJL's {@link NDList#encode} format) and {@code adam.ndlist} (the first
 * and second moments, named {@code m.<tensor>} and {@code v.<tensor>}). {@link #load(Path)} restores
 * all of it, so training resumes exactly.
 *
 * <p><b>Not thread-safe.</b> DJL's PyTorch gradient collector is process-wide: run training steps of
 * all instances from one thread at a time. {@link #close()} frees the native memory.
 */
public final class DjlPolicyModel implements AutoCloseable {

    /** The loss of one training step, as computed before the update. */
    public record TrainLoss(double policy, double value, double total) {
    }

    /**
     * The result of a forward pass.
     *
     * @param logits     per state, the logit of each node ({@code -∞} for illegal nodes)
     * @param logSoftmax per state, the masked log-softmax over legal nodes ({@code -∞} for illegal nodes)
     * @param values     the value of each state
     */
    public record Forward(List<float[]> logits, List<float[]> logSoftmax, float[] values) {
    }

    private static final String PROPERTIES = "model.properties";
    private static final String PARAMETERS = "parameters.ndlist";
    private static final String ADAM = "adam.ndlist";
    private static final String FORMAT = "crosscountry-djl-policy";
    private static final int CHECKPOINT_VERSION = 1;
    /** Subtracted from the logits of illegal and padding nodes before the log-softmax. */
    private static final float LOGIT_MASK = 1e9f;
    /** Subtracted from padding nodes before max pooling. */
    private static final float POOL_MASK = 1e30f;

    private final int f;
    private final int hd;
    private final int layers;
    private final int pd;
    private final Engine engine;
    private final NDManager manager;
    private final List<PolicyWeights.TensorSpec> specs;
    private final NDArray[] params;
    private final NDArray[] m1;
    private final NDArray[] m2;
    private final Map<String, NDArray> byName = new LinkedHashMap<>();
    private long step;
    private float learningRate = 1e-3f;
    private float weightDecay = 1e-4f;
    private float beta1 = 0.9f;
    private float beta2 = 0.999f;
    private float epsilon = 1e-8f;
    private TrainLoss lastLoss;
    private boolean closed;

    // reusable host buffers for batches
    private float[] bufX = new float[0];
    private float[] bufAp = new float[0];
    private float[] bufAs = new float[0];
    private float[] bufMask = new float[0];
    private float[] bufLegal = new float[0];

    /**
     * A trainable model initialised with these weights (fresh Adam state). Starts the PyTorch engine
     * through {@link Djl#init()}.
     *
     * @throws IllegalStateException if the engine cannot be loaded
     */
    public DjlPolicyModel(PolicyWeights weights) {
        this(weights, null, null, 0);
    }

    private DjlPolicyModel(PolicyWeights weights, Map<String, float[]> mean, Map<String, float[]> var, long step) {
        this.engine = Djl.init();
        this.f = weights.numFeatures();
        this.hd = weights.hidden();
        this.layers = weights.layers();
        this.pd = weights.policyHidden();
        this.specs = weights.specs();
        this.manager = NDManager.newBaseManager(Device.cpu(), Djl.ENGINE);
        this.params = new NDArray[specs.size()];
        this.m1 = new NDArray[specs.size()];
        this.m2 = new NDArray[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            PolicyWeights.TensorSpec s = specs.get(i);
            Shape shape = shapeOf(s);
            NDArray p = manager.create(weights.raw(s.name()), shape);
            p.setName(s.name());
            p.setRequiresGradient(true);
            params[i] = p;
            byName.put(s.name(), p);
            m1[i] = mean == null ? manager.zeros(shape) : manager.create(mean.get(s.name()), shape);
            m1[i].setName("m." + s.name());
            m2[i] = var == null ? manager.zeros(shape) : manager.create(var.get(s.name()), shape);
            m2[i].setName("v." + s.name());
        }
        this.step = step;
    }

    private static Shape shapeOf(PolicyWeights.TensorSpec s) {
        int[] d = s.shape();
        long[] l = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            l[i] = d[i];
        }
        return new Shape(l);
    }

    // ---------------------------------------------------------------- hyper-parameters

    /** Adam learning rate (default 1e-3). */
    public float learningRate() {
        return learningRate;
    }

    /** Sets the Adam learning rate for the following steps. */
    public void setLearningRate(float learningRate) {
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** Decoupled weight decay per unit learning rate (default 1e-4). */
    public float weightDecay() {
        return weightDecay;
    }

    /** Sets the decoupled weight decay ({@code w -= lr·wd·w} each step; 0 disables it). */
    public void setWeightDecay(float weightDecay) {
        if (!(weightDecay >= 0) || !Float.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be >= 0: " + weightDecay);
        }
        this.weightDecay = weightDecay;
    }

    /** Sets Adam's β1, β2 (in [0, 1)) and ε (positive). */
    public void setAdam(float beta1, float beta2, float epsilon) {
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && epsilon > 0)) {
            throw new IllegalArgumentException("bad Adam parameters " + beta1 + ", " + beta2 + ", " + epsilon);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** The number of Adam steps taken so far (restored by {@link #load}). */
    public long steps() {
        return step;
    }

    /** The loss of the last {@link #trainStep}, or null before the first. */
    public TrainLoss lastLoss() {
        return lastLoss;
    }

    // ---------------------------------------------------------------- weights

    /** The current weights, for {@link PolicyNetwork} or a CCPN file. */
    public PolicyWeights export() {
        checkOpen();
        Map<String, float[]> t = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            t.put(specs.get(i).name(), params[i].toFloatArray());
        }
        return PolicyWeights.of(f, hd, layers, pd, t);
    }

    // ---------------------------------------------------------------- forward

    /** The network's outputs on a batch of states (no gradients recorded). */
    public Forward forward(List<GraphInput> states) {
        checkOpen();
        try (NDManager sm = manager.newSubManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Batch b = batch(sm, states);
            Heads out = heads(b);
            float[] raw = out.logits.toFloatArray();
            float[] ls = out.logSoftmax.toFloatArray();
            float[] val = out.value.toFloatArray();
            List<float[]> logits = new ArrayList<>(states.size());
            List<float[]> logSoftmax = new ArrayList<>(states.size());
            for (int s = 0; s < states.size(); s++) {
                GraphInput in = states.get(s);
                float[] lg = new float[in.numNodes()];
                float[] lsm = new float[in.numNodes()];
                for (int v = 0; v < in.numNodes(); v++) {
                    boolean legal = in.legal()[v];
                    lg[v] = legal ? raw[s * b.n + v] : Float.NEGATIVE_INFINITY;
                    lsm[v] = legal ? ls[s * b.n + v] : Float.NEGATIVE_INFINITY;
                }
                logits.add(lg);
                logSoftmax.add(lsm);
            }
            return new Forward(logits, logSoftmax, val);
        }
    }

    /** Padded batch tensors. */
    private record Batch(int b, int n, NDArray x, NDArray ap, NDArray as, NDArray nodeMask, NDArray legal,
                         NDArray count) {
    }

    /** Raw logits [B,N], masked log-softmax [B,N], value [B]. */
    private record Heads(NDArray logits, NDArray logSoftmax, NDArray value) {
    }

    private Batch batch(NDManager sm, List<GraphInput> states) {
        if (states.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        int b = states.size();
        int n = 0;
        for (GraphInput in : states) {
            if (in.numNodes() < 1) {
                throw new IllegalArgumentException("a graph input needs at least one node");
            }
            if (in.numFeatures() != f) {
                throw new IllegalArgumentException("input has " + in.numFeatures() + " features, model expects " + f);
            }
            n = Math.max(n, in.numNodes());
        }
        int sx = b * n * f;
        int sa = Math.multiplyExact(Math.multiplyExact(b, n), n);
        bufX = clear(bufX, sx);
        bufAp = clear(bufAp, sa);
        bufAs = clear(bufAs, sa);
        bufMask = clear(bufMask, b * n);
        bufLegal = clear(bufLegal, b * n);
        float[] count = new float[b];
        for (int s = 0; s < b; s++) {
            GraphInput in = states.get(s);
            int k = in.numNodes();
            count[s] = k;
            for (int v = 0; v < k; v++) {
                System.arraycopy(in.features(), v * f, bufX, (s * n + v) * f, f);
                bufMask[s * n + v] = 1f;
                bufLegal[s * n + v] = in.legal()[v] ? 1f : 0f;
                rowMean(in.predStart(), in.predIndex(), v, bufAp, (s * n + v) * n);
                rowMean(in.succStart(), in.succIndex(), v, bufAs, (s * n + v) * n);
            }
        }
        return new Batch(b, n,
                sm.create(FloatBuffer.wrap(bufX, 0, sx), new Shape(b, n, f)),
                sm.create(FloatBuffer.wrap(bufAp, 0, sa), new Shape(b, n, n)),
                sm.create(FloatBuffer.wrap(bufAs, 0, sa), new Shape(b, n, n)),
                sm.create(FloatBuffer.wrap(bufMask, 0, b * n), new Shape(b, n)),
                sm.create(FloatBuffer.wrap(bufLegal, 0, b * n), new Shape(b, n)),
                sm.create(count, new Shape(b, 1)));
    }

    private static void rowMean(int[] start, int[] index, int v, float[] a, int rowOffset) {
        int from = start[v];
        int to = start[v + 1];
        if (to > from) {
            float w = 1f / (to - from);
            for (int e = from; e < to; e++) {
                a[rowOffset + index[e]] += w;
            }
        }
    }

    private static float[] clear(float[] buf, int size) {
        if (buf.length < size) {
            return new float[size];
        }
        Arrays.fill(buf, 0, size, 0f);
        return buf;
    }

    private NDArray p(String name) {
        return byName.get(name);
    }

    private Heads heads(Batch b) {
        NDArray h = Activation.relu(b.x.matMul(p(PolicyWeights.INPUT_W)).add(p(PolicyWeights.INPUT_B)));
        for (int l = 1; l <= layers; l++) {
            NDArray mp = b.ap.matMul(h);
            NDArray ms = b.as.matMul(h);
            NDArray z = h.matMul(p(PolicyWeights.layerTensor(l, 'A')))
                    .add(mp.matMul(p(PolicyWeights.layerTensor(l, 'B'))))
                    .add(ms.matMul(p(PolicyWeights.layerTensor(l, 'C'))))
                    .add(p(PolicyWeights.layerTensor(l, 'd')));
            h = h.add(Activation.relu(z));
        }
        NDArray mask = b.nodeMask.expandDims(2);                         // [B,N,1]
        NDArray mean = h.mul(mask).sum(new int[] {1}).div(b.count);      // [B,H]
        NDArray max = h.add(mask.sub(1f).mul(POOL_MASK)).max(new int[] {1});   // padding → -1e30
        NDArray g = mean.concat(max, 1);                                 // [B,2H]

        NDArray gq = g.matMul(p(PolicyWeights.POLICY_Q1)).add(p(PolicyWeights.POLICY_P1_BIAS)).expandDims(1); // [B,1,P]
        NDArray t = Activation.relu(h.matMul(p(PolicyWeights.POLICY_P1)).add(gq));                          // [B,N,P]
        NDArray logits = t.mul(p(PolicyWeights.POLICY_P2)).sum(new int[] {2}).add(p(PolicyWeights.POLICY_C2)); // [B,N]
        NDArray masked = logits.add(b.legal.sub(1f).mul(LOGIT_MASK));
        NDArray logSoftmax = masked.logSoftmax(1);

        NDArray vh = Activation.relu(g.matMul(p(PolicyWeights.VALUE_V1)).add(p(PolicyWeights.VALUE_V1_BIAS)));
        NDArray value = vh.mul(p(PolicyWeights.VALUE_V2)).sum(new int[] {1}).add(p(PolicyWeights.VALUE_C3)); // [B]
        return new Heads(logits, logSoftmax, value);
    }

    // ---------------------------------------------------------------- training

    /**
     * One Adam step; see {@link #step} for the arguments.
     *
     * @return the total loss before the update
     */
    public double trainStep(List<GraphInput> states, List<float[]> policyTargets, float[] valueTargets, float valueWeight) {
        return step(states, policyTargets, valueTargets, valueWeight).total();
    }

    /**
     * One Adam step on a batch.
     *
     * @param states        the batch
     * @param policyTargets per state and node, a distribution over the legal nodes (0 elsewhere)
     * @param valueTargets  per state, the value target
     * @param valueWeight   weight of the value MSE in the loss
     * @return the loss and its two parts before the update
     */
    public TrainLoss step(List<GraphInput> states, List<float[]> policyTargets, float[] valueTargets, float valueWeight) {
        checkOpen();
        if (policyTargets.size() != states.size() || valueTargets.length != states.size()) {
            throw new IllegalArgumentException("need one policy and one value target per state: " + states.size()
                    + " states, " + policyTargets.size() + " policy targets, " + valueTargets.length + " value targets");
        }
        try (NDManager sm = manager.newSubManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Batch b = batch(sm, states);
            float[] pt = new float[b.b * b.n];
            for (int s = 0; s < b.b; s++) {
                float[] target = policyTargets.get(s);
                if (target.length != states.get(s).numNodes()) {
                    throw new IllegalArgumentException("policy target " + s + " has " + target.length + " entries for "
                            + states.get(s).numNodes() + " nodes");
                }
                System.arraycopy(target, 0, pt, s * b.n, target.length);
            }
            NDArray policyTarget = sm.create(pt, new Shape(b.b, b.n));
            NDArray valueTarget = sm.create(valueTargets, new Shape(b.b));
            NDArray policyLoss;
            NDArray valueLoss;
            try (GradientCollector gc = engine.newGradientCollector()) {
                Heads out = heads(b);
                policyLoss = policyTarget.mul(out.logSoftmax).sum(new int[] {1}).mean().neg();
                valueLoss = out.value.sub(valueTarget).square().mean();
                NDArray total = policyLoss.add(valueLoss.mul(valueWeight));
                gc.backward(total);
            }
            double pl = policyLoss.toFloatArray()[0];
            double vl = valueLoss.toFloatArray()[0];
            adamUpdate();
            lastLoss = new TrainLoss(pl, vl, pl + valueWeight * vl);
            return lastLoss;
        }
    }

    /** Bias-corrected Adam with decoupled weight decay; clears the gradients. Runs in the caller's scope. */
    private void adamUpdate() {
        step++;
        double bc1 = 1 - Math.pow(beta1, step);
        double bc2 = 1 - Math.pow(beta2, step);
        float stepSize = (float) (learningRate * Math.sqrt(bc2) / bc1);
        float epsHat = (float) (epsilon * Math.sqrt(bc2));
        float decay = 1f - learningRate * weightDecay;
        for (int i = 0; i < params.length; i++) {
            NDArray w = params[i];
            NDArray g = w.getGradient();
            m1[i].muli(beta1).addi(g.mul(1f - beta1));
            m2[i].muli(beta2).addi(g.square().muli(1f - beta2));
            if (decay != 1f) {
                w.muli(decay);
            }
            // w -= lr·m̂/(√v̂ + ε) written as stepSize·m/(√v + ε·√bc2)
            w.subi(m1[i].div(m2[i].sqrt().addi(epsHat)).muli(stepSize));
            g.subi(g);
        }
    }

    // ---------------------------------------------------------------- checkpoints

    /**
     * Writes a checkpoint directory (created if needed; the three files are replaced). See the class
     * documentation for its content.
     */
    public void save(Path dir) throws IOException {
        checkOpen();
        Files.createDirectories(dir);
        Properties props = new Properties();
        props.setProperty("format", FORMAT);
        props.setProperty("version", Integer.toString(CHECKPOINT_VERSION));
        props.setProperty("F", Integer.toString(f));
        props.setProperty("H", Integer.toString(hd));
        props.setProperty("L", Integer.toString(layers));
        props.setProperty("P", Integer.toString(pd));
        props.setProperty("adam.step", Long.toString(step));
        props.setProperty("adam.learningRate", Float.toString(learningRate));
        props.setProperty("adam.weightDecay", Float.toString(weightDecay));
        props.setProperty("adam.beta1", Float.toString(beta1));
        props.setProperty("adam.beta2", Float.toString(beta2));
        props.setProperty("adam.epsilon", Float.toString(epsilon));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(PARAMETERS)))) {
            new NDList(params).encode(out);
        }
        NDList adam = new NDList();
        adam.addAll(Arrays.asList(m1));
        adam.addAll(Arrays.asList(m2));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(ADAM)))) {
            adam.encode(out);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
            props.store(w, "crosscountry policy checkpoint (DJL NDList files alongside)");
        }
    }

    /**
     * Reads a checkpoint written by {@link #save}: weights, Adam moments, step count and
     * hyper-parameters.
     *
     * @throws ModelFormatException if a file is missing, unreadable or inconsistent
     * @throws IllegalStateException if the engine cannot be loaded
     */
    public static DjlPolicyModel load(Path dir) {
        Djl.init();
        Properties props = new Properties();
        Path propsFile = dir.resolve(PROPERTIES);
        try (Reader r = Files.newBufferedReader(propsFile, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new ModelFormatException(propsFile.toString(), "cannot read: " + e, e);
        }
        if (!FORMAT.equals(props.getProperty("format"))) {
            throw new ModelFormatException(propsFile.toString(), "not a " + FORMAT + " checkpoint (format="
                    + props.getProperty("format") + ")");
        }
        int version = intProp(props, "version", propsFile);
        if (version != CHECKPOINT_VERSION) {
            throw new ModelFormatException(propsFile.toString(), "unsupported checkpoint version " + version);
        }
        int f = intProp(props, "F", propsFile);
        int h = intProp(props, "H", propsFile);
        int l = intProp(props, "L", propsFile);
        int p = intProp(props, "P", propsFile);
        List<PolicyWeights.TensorSpec> specs;
        try {
            specs = PolicyWeights.layout(f, h, l, p);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(propsFile.toString(), e.getMessage(), e);
        }
        long step;
        try {
            step = Long.parseLong(props.getProperty("adam.step", "0"));
        } catch (NumberFormatException e) {
            throw new ModelFormatException(propsFile.toString(), "bad adam.step", e);
        }
        try (NDManager tmp = NDManager.newBaseManager(Device.cpu(), Djl.ENGINE)) {
            Map<String, float[]> w = readList(tmp, dir.resolve(PARAMETERS), specs);
            Map<String, float[]> both = readList(tmp, dir.resolve(ADAM), twice(specs));
            Map<String, float[]> mean = new LinkedHashMap<>();
            Map<String, float[]> var = new LinkedHashMap<>();
            for (PolicyWeights.TensorSpec s : specs) {
                mean.put(s.name(), both.get("m." + s.name()));
                var.put(s.name(), both.get("v." + s.name()));
            }
            PolicyWeights weights;
            try {
                weights = PolicyWeights.of(f, h, l, p, w);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(dir.resolve(PARAMETERS).toString(), e.getMessage(), e);
            }
            DjlPolicyModel model = new DjlPolicyModel(weights, mean, var, step);
            try {
                model.setLearningRate(Float.parseFloat(props.getProperty("adam.learningRate", "1e-3")));
                model.setWeightDecay(Float.parseFloat(props.getProperty("adam.weightDecay", "1e-4")));
                model.setAdam(Float.parseFloat(props.getProperty("adam.beta1", "0.9")),
                        Float.parseFloat(props.getProperty("adam.beta2", "0.999")),
                        Float.parseFloat(props.getProperty("adam.epsilon", "1e-8")));
            } catch (IllegalArgumentException e) {
                model.close();
                throw new ModelFormatException(propsFile.toString(), "bad hyper-parameter: " + e.getMessage(), e);
            }
            return model;
        }
    }

    private static List<PolicyWeights.TensorSpec> twice(List<PolicyWeights.TensorSpec> specs) {
        List<PolicyWeights.TensorSpec> out = new ArrayList<>();
        for (String prefix : new String[] {"m.", "v."}) {
            for (PolicyWeights.TensorSpec s : specs) {
                out.add(new PolicyWeights.TensorSpec(prefix + s.name(), s.shape()));
            }
        }
        return out;
    }

    private static Map<String, float[]> readList(NDManager tmp, Path file, List<PolicyWeights.TensorSpec> specs) {
        NDList list;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            list = NDList.decode(tmp, in);
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(file.toString(), "cannot decode DJL NDList: " + e, e);
        }
        if (list.size() != specs.size()) {
            throw new ModelFormatException(file.toString(), list.size() + " arrays, expected " + specs.size());
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            PolicyWeights.TensorSpec s = specs.get(i);
            NDArray a = list.get(i);
            if (!s.name().equals(a.getName())) {
                throw new ModelFormatException(file.toString(), "array #" + i + " is named '" + a.getName()
                        + "', expected '" + s.name() + "'");
            }
            if (!a.getShape().equals(shapeOf(s))) {
                throw new ModelFormatException(file.toString(), "array " + s.name() + " has shape " + a.getShape()
                        + ", expected " + shapeOf(s));
            }
            float[] values = a.toFloatArray();
            for (int k = 0; k < values.length; k++) {
                if (!Float.isFinite(values[k])) {
                    throw new ModelFormatException(file.toString(), "array " + s.name() + " has a non-finite value at " + k);
                }
            }
            out.put(s.name(), values);
        }
        return out;
    }

    private static int intProp(Properties props, String key, Path file) {
        String v = props.getProperty(key);
        if (v == null) {
            throw new ModelFormatException(file.toString(), "missing property " + key);
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ModelFormatException(file.toString(), "property " + key + " is not an integer: " + v, e);
        }
    }

    /** Native arrays held by this model (parameters and Adam moments when no step is running): for leak tests. */
    int liveArrays() {
        return manager.getManagedArrays().size();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("model is closed");
        }
    }

    /** Frees the native parameters and optimizer state. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }
}
