package io.crosscountry.codegen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntFunction;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@link Program} → class files within the JVM's limits.
 *
 * <p><b>Chunks.</b> The live statements (dead values dropped, except elimination products, which
 * the cost model counts) are cut, in order, into chunk methods
 * {@code static int fwdN|fusedN|elimN(double[] x, double[] w, double[][] J)} of at most
 * {@link #METHOD_BUDGET} bytes of real bytecode plus the bytecode their calls inline (cut by
 * per-statement size bounds, see {@link #OPTIMISM}), so no method reaches HotSpot's 8,000-byte JIT
 * limit and C2 still inlines the calls it would inline into a small method ({@link InlinedBytes}). The guard checks come
 * last in the forward part. The chunk where the forward part ends may go on with the elimination
 * (the fused chunk) when it holds every guard check: between the two parts it returns the guard
 * flag if a guard failed (an {@code ifeq}), so the partials it computed stay in
 * locals; otherwise a chunk holds one part only. The elimination's {@code dmul}s are those of the
 * {@code elim} methods and those after the fused chunk's {@code ifeq}.
 *
 * <p><b>State.</b> Inside a chunk values live in locals (slots reused after a value's last read);
 * a value read by a later chunk is also stored in the work array {@code w}, whose slots are reused
 * once a value is dead. Inputs come from {@code x}; reads of {@code x} or {@code w} used twice in a
 * chunk are cached in a local. Chunk methods have three parameters (never near the 255-slot limit).
 *
 * <p><b>Classes.</b> When every chunk fits one class (at most {@link #MAX_CHUNKS_PER_CLASS} methods
 * and an estimated {@link #POOL_BUDGET} constant-pool entries), the path is one class whose
 * {@code run} calls the forward chunks, returns their guard flag if it is non-zero, then calls the
 * elimination chunks: one kernel call per Jacobian. Otherwise chunks are grouped into forward and
 * elimination classes within those limits, each {@code run} calling its chunks in order and ORing
 * their guard flags. Besides those early returns, the only branches are the row-length checks
 * before a chunk's first write to each row of {@code J} ({@link ChunkWriter}), which return
 * {@link JacobianKernel#WRONG_ROW_LENGTH}; the stack map frames are written explicitly (no class
 * loading, as an agent requires).
 */
final class Backend {

    /**
     * Upper bound of a chunk's bytecode plus what its calls inline (HotSpot does not compile methods
     * over 8,000 bytes, and stops inlining into one once 8,000 bytes are reached).
     */
    static final int METHOD_BUDGET = 7_900;
    /** Estimated constant-pool entries per class (the JVM's limit is 65,535). */
    static final int POOL_BUDGET = 60_000;
    /**
     * The size bounds of statements are far above their real sizes (a read is bounded by 10 bytes
     * and usually takes 1 or 2), so chunks are first cut with this many times the budget, then
     * with half of that, and so on, until every written method is within the budget in real bytes.
     */
    static final int OPTIMISM = 4;
    /** Chunks per class: keeps {@code run} (7 bytes per call) small. */
    static final int MAX_CHUNKS_PER_CLASS = 400;

    /**
     * Budgets for splitting; tests use tiny ones to put chunk and class boundaries everywhere.
     *
     * @param methodBytes    upper bound of a chunk method's bytecode (a single statement may exceed it)
     * @param poolEntries    estimated constant-pool entries per class
     * @param chunksPerClass chunk methods per class
     */
    record Limits(int methodBytes, int poolEntries, int chunksPerClass) {
        static final Limits DEFAULT = new Limits(METHOD_BUDGET, POOL_BUDGET, MAX_CHUNKS_PER_CLASS);
    }
    static final String CLASS_NAME = "io/crosscountry/codegen/GeneratedJacobian";
    static final String CHUNK_DESCRIPTOR = "([D[D[[D)I";
    static final String FORWARD_PREFIX = "fwd";
    static final String ELIMINATION_PREFIX = "elim";
    static final String FUSED_PREFIX = "fused";

    /**
     * @param forwardClasses     classes whose {@code run} computes primal values, guards and partials
     * @param eliminationClasses classes whose {@code run} eliminates and stores the Jacobian
     * @param workSize           the length of the work array
     * @param eliminationDmuls   the {@code dmul}s emitted into elimination chunks
     * @param largestMethod      the largest chunk method's bytecode length
     * @param largestCompiled    the largest chunk method's bytecode plus what its calls inline
     */
    record Output(List<byte[]> forwardClasses, List<byte[]> eliminationClasses, int workSize, long eliminationDmuls,
                  int largestMethod, int largestCompiled) {
    }

    /** A run of statements emitted as one method. */
    static final class Chunk {
        final int index;
        /** Whether it returns the guard flag: a forward chunk, or the fused chunk. */
        final boolean forward;
        final List<Insn> insns = new ArrayList<>();
        final List<Integer> positions = new ArrayList<>();
        int size;
        /** In the fused chunk, the index in {@link #insns} of the first elimination statement; else -1. */
        int boundary = -1;

        Chunk(int index, boolean forward) {
            this.index = index;
            this.forward = forward;
        }

        boolean fused() {
            return boundary >= 0;
        }

        String name() {
            return (fused() ? FUSED_PREFIX : forward ? FORWARD_PREFIX : ELIMINATION_PREFIX) + index;
        }
    }

    private Backend() {
    }

    static Output generate(Program p, Limits limits) {
        return generate(p, limits, i -> CLASS_NAME);
    }

    /**
     * Like {@link #generate(Program, Limits)}, naming the {@code i}-th class (forward classes first)
     * {@code className.apply(i)} (an internal name) instead of {@link #CLASS_NAME}.
     */
    static Output generate(Program p, Limits limits, IntFunction<String> className) {
        for (int factor = OPTIMISM; ; factor /= 2) {
            Output out = generate(p, limits, className, limits.methodBytes() * factor);
            if (factor == 1 || out.largestCompiled() <= limits.methodBytes()) {
                return out;
            }
        }
    }

    /** Like {@link #generate(Program, Limits, IntFunction)}, cutting by size bounds of at most {@code budget}. */
    private static Output generate(Program p, Limits limits, IntFunction<String> className, int budget) {
        List<Insn> all = new ArrayList<>(p.forward().size() + p.elimination().size());
        p.forward().stream().filter(i -> !(i instanceof Insn.GuardCheck)).forEach(all::add);
        p.forward().stream().filter(i -> i instanceof Insn.GuardCheck).forEach(all::add);    // guards last
        all.addAll(p.elimination());
        boolean[] live = liveness(all, p.numValues());
        List<Chunk> chunks = cut(all, live, p.forward().size(), budget, true);
        if (!guardsOnlyInFusedChunk(chunks)) {
            chunks = cut(all, live, p.forward().size(), budget, false);
        }
        Values values = values(chunks, p.numValues());
        int[] defChunk = values.defChunk();
        boolean[] crossing = values.crossing();
        int[] slot = new int[p.numValues()];
        int workSize = assignWorkSlots(chunks, crossing, values.lastUse(), slot);
        List<ChunkWriter> writers = new ArrayList<>();
        ChunkWriter.Pool total = new ChunkWriter.Pool();
        for (Chunk c : chunks) {
            ChunkWriter w = new ChunkWriter(c, p.numInputs(), slot, crossing, defChunk);
            writers.add(w);
            total.addAll(w.pool());
        }
        long[] dmuls = {0};
        if (writers.size() <= limits.chunksPerClass() && total.size() <= limits.poolEntries()) {
            byte[] single = writeClass(className.apply(0), writers, dmuls, true);
            return new Output(List.of(single), List.of(), workSize, dmuls[0], largest(writers), largestCompiled(writers));
        }
        List<byte[]> forward = new ArrayList<>();
        List<byte[]> elimination = new ArrayList<>();
        List<ChunkWriter> group = new ArrayList<>();
        ChunkWriter.Pool pool = new ChunkWriter.Pool();
        for (ChunkWriter w : writers) {
            ChunkWriter.Pool needs = w.pool();
            if (!group.isEmpty() && (group.get(0).chunk.forward != w.chunk.forward || group.size() >= limits.chunksPerClass()
                    || pool.sizeWith(needs) > limits.poolEntries())) {
                (group.get(0).chunk.forward ? forward : elimination)
                        .add(writeClass(className.apply(forward.size() + elimination.size()), group, dmuls, false));
                group.clear();
                pool = new ChunkWriter.Pool();
            }
            group.add(w);
            pool.addAll(needs);
        }
        if (!group.isEmpty()) {
            (group.get(0).chunk.forward ? forward : elimination)
                    .add(writeClass(className.apply(forward.size() + elimination.size()), group, dmuls, false));
        }
        return new Output(forward, elimination, workSize, dmuls[0], largest(writers), largestCompiled(writers));
    }

    private static int largest(List<ChunkWriter> written) {
        return written.stream().mapToInt(ChunkWriter::codeSize).max().orElse(0);
    }

    private static int largestCompiled(List<ChunkWriter> written) {
        return written.stream().mapToInt(ChunkWriter::compiledSize).max().orElse(0);
    }

    /**
     * Whether the cut is sound: without a fused chunk always; with one, only when every guard is
     * checked in it (before its early return), so no Jacobian entry is written on another path.
     */
    private static boolean guardsOnlyInFusedChunk(List<Chunk> chunks) {
        for (Chunk c : chunks) {
            if (c.fused()) {
                return chunks.stream().filter(o -> o != c)
                        .noneMatch(o -> o.insns.stream().anyMatch(i -> i instanceof Insn.GuardCheck));
            }
        }
        return true;
    }

    /**
     * Where each SSA value is defined and last read.
     *
     * @param defChunk the chunk defining each value
     * @param lastUse  the position of each value's last read
     * @param crossing whether a chunk other than the defining one reads it (it needs a work slot)
     */
    private record Values(int[] defChunk, int[] lastUse, boolean[] crossing) {
    }

    private static Values values(List<Chunk> chunks, int numValues) {
        int[] defChunk = new int[numValues];
        int[] lastUse = new int[numValues];
        boolean[] crossing = new boolean[numValues];
        Arrays.fill(defChunk, -1);
        for (Chunk c : chunks) {
            for (int k = 0; k < c.insns.size(); k++) {
                int at = c.positions.get(k);
                Exprs.reads(c.insns.get(k), id -> {
                    if (defChunk[id] != c.index) {
                        crossing[id] = true;
                    }
                    lastUse[id] = at;
                }, in -> { });
                if (c.insns.get(k) instanceof Insn.Def d) {
                    defChunk[d.id()] = c.index;
                }
            }
        }
        return new Values(defChunk, lastUse, crossing);
    }

    /** Which statements to emit: all but definitions nothing reads (unless they must stay). */
    private static boolean[] liveness(List<Insn> all, int numValues) {
        boolean[] needed = new boolean[numValues];
        boolean[] live = new boolean[all.size()];
        for (int i = all.size() - 1; i >= 0; i--) {
            Insn insn = all.get(i);
            live[i] = !(insn instanceof Insn.Def d) || needed[d.id()] || d.keepIfDead();
            if (live[i]) {
                Exprs.reads(insn, id -> needed[id] = true, in -> { });
            }
        }
        return live;
    }

    /**
     * Cuts the live statements into chunks of at most {@code budget} bytes. With {@code fuse}, the
     * chunk where the forward part ends may go on with the elimination (the fused chunk), so the
     * partials it computes stay in locals; without, a chunk holds one part only.
     */
    private static List<Chunk> cut(List<Insn> all, boolean[] live, int forwardSize, int budget, boolean fuse) {
        List<Chunk> chunks = new ArrayList<>();
        Chunk current = null;
        for (int i = 0; i < all.size(); i++) {
            if (!live[i]) {
                continue;
            }
            boolean forward = i < forwardSize;
            int size = Exprs.maxSize(all.get(i));
            boolean partChanges = current != null && current.forward && !current.fused() && !forward;
            if (current == null || current.size + size > budget - ChunkWriter.OVERHEAD || (partChanges && !fuse)) {
                current = new Chunk(chunks.size(), forward);
                chunks.add(current);
            } else if (partChanges) {
                current.boundary = current.insns.size();
            }
            current.insns.add(all.get(i));
            current.positions.add(i);
            current.size += size;
        }
        for (Chunk c : chunks) {
            c.size += ChunkWriter.OVERHEAD;
        }
        return chunks;
    }

    /** Work-array slots for values read by later chunks, reused after a value's last read. */
    private static int assignWorkSlots(List<Chunk> chunks, boolean[] crossing, int[] lastUse, int[] slot) {
        Arrays.fill(slot, -1);
        PriorityQueue<int[]> active = new PriorityQueue<>((a, b) -> Integer.compare(a[0], b[0]));
        Deque<Integer> free = new ArrayDeque<>();
        int next = 0;
        for (Chunk c : chunks) {
            for (int k = 0; k < c.insns.size(); k++) {
                if (c.insns.get(k) instanceof Insn.Def d && crossing[d.id()]) {
                    int at = c.positions.get(k);
                    while (!active.isEmpty() && active.peek()[0] < at) {
                        free.push(active.poll()[1]);
                    }
                    int s = free.isEmpty() ? next++ : free.pop();
                    slot[d.id()] = s;
                    active.add(new int[] {lastUse[d.id()], s});
                }
            }
        }
        return next;
    }

    /**
     * A class implementing {@link JacobianKernel} whose {@code run} calls its chunks in order and
     * ORs the forward chunks' guard flags. With {@code complete} it holds every chunk of the path:
     * {@code run} then returns the flag as soon as the forward chunks are done when a guard failed,
     * before any elimination chunk writes the Jacobian.
     */
    private static byte[] writeClass(String name, List<ChunkWriter> group, long[] dmuls, boolean complete) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null,
                "java/lang/Object", new String[] {JacobianKernel.INTERNAL_NAME});
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", "([D[D[[D)I", null, null);
        run.visitCode();
        run.visitInsn(Opcodes.ICONST_0);
        boolean checked = !complete;
        for (ChunkWriter w : group) {
            if (!checked && !w.chunk.forward) {
                Label onPath = new Label();                 // flag on the stack: return it unless 0
                run.visitInsn(Opcodes.DUP);
                run.visitJumpInsn(Opcodes.IFEQ, onPath);
                run.visitInsn(Opcodes.IRETURN);
                run.visitLabel(onPath);
                run.visitFrame(Opcodes.F_NEW, 4, new Object[] {name, "[D", "[D", "[[D"}, 1,
                        new Object[] {Opcodes.INTEGER});
                checked = true;
            }
            dmuls[0] += w.write(cw);
            run.visitVarInsn(Opcodes.ALOAD, 1);
            run.visitVarInsn(Opcodes.ALOAD, 2);
            run.visitVarInsn(Opcodes.ALOAD, 3);
            run.visitMethodInsn(Opcodes.INVOKESTATIC, name, w.chunk.name(), CHUNK_DESCRIPTOR, false);
            run.visitInsn(Opcodes.IOR);
        }
        run.visitInsn(Opcodes.IRETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
