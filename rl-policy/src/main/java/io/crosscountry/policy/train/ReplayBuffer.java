package io.crosscountry.policy.train;

import io.crosscountry.policy.GraphInput;
import io.crosscountry.policy.ModelFormatException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The replay buffer: the most recent {@code capacity} self-play samples (oldest dropped first),
 * sampled uniformly in batches of states of similar size (so that padding a batch to its largest
 * state stays cheap), and saved with checkpoints in a small documented binary format so that a
 * resumed run continues with the same experience.
 *
 * <p>File format (big-endian, {@link DataOutputStream}): magic {@code "CCRB"}, version 1, sample
 * count, then per sample: nodes, features, the float features, pred offsets and indices, succ
 * offsets and indices, vertex ids, legal flags (bytes), the policy target, the value target.
 */
public final class ReplayBuffer {

    private static final int MAGIC = 0x43435242; // "CCRB"
    private static final int VERSION = 1;

    private final int capacity;
    private final Sample[] samples;
    private int size;
    private int next;

    public ReplayBuffer(int capacity) {
        this.capacity = capacity;
        this.samples = new Sample[capacity];
    }

    public synchronized void add(Sample s) {
        samples[next] = s;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    public synchronized int size() {
        return size;
    }

    /**
     * A batch of up to {@code batchSize} samples: a uniformly chosen anchor, then uniformly chosen
     * samples whose node count is within a factor of 2 of the anchor's and at most {@code maxNodes}
     * (the anchor itself may exceed it only when nothing smaller exists).
     */
    public synchronized List<Sample> batch(int batchSize, int maxNodes, SplittableRandom random) {
        List<Sample> out = new ArrayList<>(batchSize);
        if (size == 0) {
            return out;
        }
        Sample anchor = null;
        for (int tries = 0; tries < 32 && anchor == null; tries++) {
            Sample s = samples[random.nextInt(size)];
            if (s.input().numNodes() <= maxNodes) {
                anchor = s;
            }
        }
        if (anchor == null) {
            return out;
        }
        int n = anchor.input().numNodes();
        int lo = n / 2;
        int hi = Math.min(maxNodes, n * 2);
        out.add(anchor);
        for (int tries = 0; tries < batchSize * 8 && out.size() < batchSize; tries++) {
            Sample s = samples[random.nextInt(size)];
            int m = s.input().numNodes();
            if (m >= lo && m <= hi) {
                out.add(s);
            }
        }
        return out;
    }

    /** Writes the buffer (atomically: a temporary file renamed over {@code file}). */
    public synchronized void save(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(size);
            for (int i = 0; i < size; i++) {
                // oldest first, so that reading back re-adds in the same order
                Sample s = samples[(next - size + i + capacity) % capacity];
                write(out, s);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a buffer written by {@link #save} into a buffer of {@code capacity}. */
    public static ReplayBuffer load(Path file, int capacity) {
        ReplayBuffer b = new ReplayBuffer(capacity);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new ModelFormatException(file.toString(), "not a replay buffer file (bad magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new ModelFormatException(file.toString(), "unsupported replay buffer version " + version);
            }
            int count = in.readInt();
            if (count < 0) {
                throw new ModelFormatException(file.toString(), "negative sample count");
            }
            for (int i = 0; i < count; i++) {
                b.add(read(in, file));
            }
        } catch (EOFException e) {
            throw new ModelFormatException(file.toString(), "truncated replay buffer", e);
        } catch (IOException e) {
            throw new ModelFormatException(file.toString(), "cannot read: " + e, e);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file.toString(), "inconsistent sample: " + e.getMessage(), e);
        }
        return b;
    }

    private static void write(DataOutputStream out, Sample s) throws IOException {
        GraphInput g = s.input();
        out.writeInt(g.numNodes());
        out.writeInt(g.numFeatures());
        for (float f : g.features()) {
            out.writeFloat(f);
        }
        writeInts(out, g.predStart());
        writeInts(out, g.predIndex());
        writeInts(out, g.succStart());
        writeInts(out, g.succIndex());
        writeInts(out, g.vertexIds());
        for (boolean l : g.legal()) {
            out.writeByte(l ? 1 : 0);
        }
        for (float f : s.policyTarget()) {
            out.writeFloat(f);
        }
        out.writeFloat(s.valueTarget());
    }

    private static Sample read(DataInputStream in, Path file) throws IOException {
        int n = in.readInt();
        int f = in.readInt();
        if (n < 0 || f < 0 || (long) n * f > 100_000_000L) {
            throw new ModelFormatException(file.toString(), "implausible sample shape " + n + "×" + f);
        }
        float[] x = new float[n * f];
        for (int i = 0; i < x.length; i++) {
            x[i] = in.readFloat();
        }
        int[] predStart = readInts(in, file);
        int[] predIndex = readInts(in, file);
        int[] succStart = readInts(in, file);
        int[] succIndex = readInts(in, file);
        int[] ids = readInts(in, file);
        boolean[] legal = new boolean[n];
        for (int i = 0; i < n; i++) {
            legal[i] = in.readByte() != 0;
        }
        float[] target = new float[n];
        for (int i = 0; i < n; i++) {
            target[i] = in.readFloat();
        }
        float value = in.readFloat();
        return new Sample(new GraphInput(n, f, x, predStart, predIndex, succStart, succIndex, ids, legal), target, value);
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in, Path file) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000_000) {
            throw new ModelFormatException(file.toString(), "implausible array length " + n);
        }
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readInt();
        }
        return a;
    }
}
