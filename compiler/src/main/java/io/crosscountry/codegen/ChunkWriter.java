package io.crosscountry.codegen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Emits one {@link Backend.Chunk} as a static method: straight-line code, locals allocated by a
 * linear scan (a slot is free again after its value's last read in the chunk).
 *
 * <p>Locals: 0 {@code x}, 1 {@code w}, 2 {@code J}, 3 the guard flag (an int: non-zero once a
 * guard failed), doubles from 4.
 *
 * <p>Before a chunk first writes a row of {@code J}, it checks the row's length and returns
 * {@link JacobianKernel#WRONG_ROW_LENGTH} when it differs from the number of inputs (a longer row
 * would otherwise be written without complaint). The JIT needs the row's length for its own range
 * checks anyway, so this costs one comparison per row; the caller then needs no loop over
 * {@code J}'s rows.
 */
final class ChunkWriter {

    /** Bytes around the statements: flag initialisation, the fused chunk's early return, return. */
    static final int OVERHEAD = 16;
    private static final int X = 0;
    private static final int W = 1;
    private static final int JAC = 2;
    private static final int FLAG = 3;
    private static final int FIRST_DOUBLE = 4;
    private static final String FILL = "java/util/Arrays.fill([DD)V";

    /** The constant-pool entries a chunk needs, for grouping chunks into classes. */
    static final class Pool {
        private final Set<Long> doubles = new HashSet<>();
        private final Set<Integer> ints = new HashSet<>();
        private final Set<String> methods = new HashSet<>();
        private int chunks;

        /** An estimate (an upper bound) of the entries, with a class's fixed ones. */
        int size() {
            return 64 + 3 * chunks + 2 * doubles.size() + ints.size() + 6 * methods.size();
        }

        /** {@link #size()} after {@link #addAll(Pool)}, without changing this pool. */
        int sizeWith(Pool other) {
            int extra = 3 * other.chunks;
            extra += 2 * (int) other.doubles.stream().filter(d -> !doubles.contains(d)).count();
            extra += (int) other.ints.stream().filter(i -> !ints.contains(i)).count();
            extra += 6 * (int) other.methods.stream().filter(m -> !methods.contains(m)).count();
            return size() + extra;
        }

        void addAll(Pool other) {
            doubles.addAll(other.doubles);
            ints.addAll(other.ints);
            methods.addAll(other.methods);
            chunks += other.chunks;
        }
    }

    final Backend.Chunk chunk;
    private final int numColumns;
    private final int[] workSlot;
    private final boolean[] crossing;
    private final int[] defChunk;
    private final Map<Integer, Integer> remaining = new HashMap<>();   // key -> reads left in this chunk
    private final Map<Integer, Integer> local = new HashMap<>();       // key -> local slot
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private final List<Integer> touched = new ArrayList<>();
    private final Set<Integer> checkedRows = new HashSet<>();
    private Label wrongRowLength;
    private int nextSlot = FIRST_DOUBLE;
    private boolean hasGuards;
    private MethodVisitor mv;
    private boolean counting;
    private long dmuls;
    private int codeSize;
    private int inlinedBytes;

    /** @param numColumns the length every row of {@code J} must have (the number of inputs) */
    ChunkWriter(Backend.Chunk chunk, int numColumns, int[] workSlot, boolean[] crossing, int[] defChunk) {
        this.chunk = chunk;
        this.numColumns = numColumns;
        this.workSlot = workSlot;
        this.crossing = crossing;
        this.defChunk = defChunk;
    }

    /** Keys: value ids are positive, input k is {@code -(k + 1)}. */
    private static int inputKey(int k) {
        return -(k + 1);
    }

    Pool pool() {
        Pool p = new Pool();
        p.chunks = 1;
        for (Insn insn : chunk.insns) {
            Exprs.reads(insn, id -> {
                if (defChunk[id] != chunk.index) {
                    addInt(p, workSlot[id]);
                }
            }, k -> addInt(p, k));
            if (insn instanceof Insn.Def d) {
                addInt(p, workSlot[d.id()]);
                constants(d.expr(), p);
            } else if (insn instanceof Insn.GuardCheck g) {
                constants(g.left(), p);
                constants(g.right(), p);
            } else if (insn instanceof Insn.ZeroRow z) {
                addInt(p, z.row());
                addInt(p, numColumns);
                p.methods.add(FILL);
            } else {
                Insn.StoreJ s = (Insn.StoreJ) insn;
                addInt(p, s.row());
                addInt(p, numColumns);
                addInt(p, s.col());
                constants(s.value(), p);
            }
        }
        return p;
    }

    private static void addInt(Pool p, int v) {
        if (v != (short) v) {
            p.ints.add(v);
        }
    }

    private static void constants(Expr e, Pool p) {
        if (e instanceof Expr.Const c) {
            if (!isDconst(c.value())) {
                p.doubles.add(Double.doubleToRawLongBits(c.value()));
            }
        } else if (e instanceof Expr.Neg n) {
            constants(n.a(), p);
        } else if (e instanceof Expr.Bin b) {
            constants(b.a(), p);
            constants(b.b(), p);
        } else if (e instanceof Expr.Call c) {
            p.methods.add(c.owner() + "." + c.name() + c.descriptor());
            c.args().forEach(a -> constants(a, p));
        } else if (e instanceof Expr.ToFloat f) {
            constants(f.a(), p);
        }
    }

    private static boolean isDconst(double v) {
        return Double.doubleToRawLongBits(v) == 0L || v == 1.0;
    }

    /**
     * Writes the method into {@code cw}; returns the {@code dmul}s of its elimination statements
     * (all of an elimination chunk's, none of a forward chunk's, those after the boundary of the
     * fused chunk).
     */
    long write(ClassWriter cw) {
        for (Insn insn : chunk.insns) {
            Exprs.reads(insn, id -> remaining.merge(id, 1, Integer::sum), k -> remaining.merge(inputKey(k), 1, Integer::sum));
            hasGuards |= insn instanceof Insn.GuardCheck;
        }
        boolean flag = hasGuards || chunk.fused();
        mv = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, chunk.name(), Backend.CHUNK_DESCRIPTOR, null, null);
        mv.visitCode();
        if (flag) {
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitVarInsn(Opcodes.ISTORE, FLAG);
        }
        counting = !chunk.forward;
        for (int k = 0; k < chunk.insns.size(); k++) {
            if (k == chunk.boundary) {
                returnIfGuardFailed();
                counting = true;
            }
            statement(chunk.insns.get(k));
        }
        if (flag) {
            mv.visitVarInsn(Opcodes.ILOAD, FLAG);
        } else {
            mv.visitInsn(Opcodes.ICONST_0);
        }
        mv.visitInsn(Opcodes.IRETURN);
        if (wrongRowLength != null) {
            mv.visitLabel(wrongRowLength);
            mv.visitFrame(Opcodes.F_NEW, 3, new Object[] {"[D", "[D", "[[D"}, 0, new Object[0]);
            pushInt(JacobianKernel.WRONG_ROW_LENGTH);
            mv.visitInsn(Opcodes.IRETURN);
        }
        Label end = new Label();
        mv.visitLabel(end);
        codeSize = end.getOffset();
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return dmuls;
    }

    /** The bytecode length of the method {@link #write} wrote. */
    int codeSize() {
        return codeSize;
    }

    /**
     * The bytecode C2 compiles for the method: its own plus what its calls inline (estimated by
     * {@link InlinedBytes}), which HotSpot's {@code DesiredMethodLimit} caps.
     */
    int compiledSize() {
        return codeSize + inlinedBytes;
    }

    /**
     * The fused chunk's boundary: {@code if (flag != 0) return flag;} — the only {@code ifeq} in
     * generated chunks (it marks where the elimination starts). The frame declares
     * the locals that hold live values as doubles.
     */
    private void returnIfGuardFailed() {
        Label onPath = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, FLAG);
        mv.visitJumpInsn(Opcodes.IFEQ, onPath);
        mv.visitVarInsn(Opcodes.ILOAD, FLAG);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitLabel(onPath);
        Set<Integer> liveSlots = new HashSet<>(local.values());
        List<Object> types = new ArrayList<>(List.of("[D", "[D", "[[D", Opcodes.INTEGER));
        int declared = types.size();
        for (int s = FIRST_DOUBLE; s < nextSlot; s += 2) {
            if (liveSlots.contains(s)) {
                types.add(Opcodes.DOUBLE);
                declared = types.size();
            } else {
                types.add(Opcodes.TOP);
                types.add(Opcodes.TOP);
            }
        }
        List<Object> frame = types.subList(0, declared);    // trailing free slots need no declaration
        mv.visitFrame(Opcodes.F_NEW, frame.size(), frame.toArray(), 0, new Object[0]);
    }

    private void statement(Insn insn) {
        touched.clear();
        if (insn instanceof Insn.Def d) {
            define(d);
        } else if (insn instanceof Insn.GuardCheck g) {
            guard(g);
            release();
        } else if (insn instanceof Insn.ZeroRow z) {
            checkRowLength(z.row());
            mv.visitVarInsn(Opcodes.ALOAD, JAC);
            pushInt(z.row());
            mv.visitInsn(Opcodes.AALOAD);
            mv.visitInsn(Opcodes.DCONST_0);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Arrays", "fill", "([DD)V", false);
        } else {
            Insn.StoreJ s = (Insn.StoreJ) insn;
            checkRowLength(s.row());
            mv.visitVarInsn(Opcodes.ALOAD, JAC);
            pushInt(s.row());
            mv.visitInsn(Opcodes.AALOAD);
            pushInt(s.col());
            expr(s.value());
            mv.visitInsn(Opcodes.DASTORE);
            release();
        }
    }

    /**
     * Before this chunk's first write to row {@code row} of {@code J}:
     * {@code if (J[row].length != numColumns) return WRONG_ROW_LENGTH;} (a null row throws a
     * {@code NullPointerException}). The stack is empty between statements, as the target's frame
     * declares.
     */
    private void checkRowLength(int row) {
        if (!checkedRows.add(row)) {
            return;
        }
        if (wrongRowLength == null) {
            wrongRowLength = new Label();
        }
        mv.visitVarInsn(Opcodes.ALOAD, JAC);
        pushInt(row);
        mv.visitInsn(Opcodes.AALOAD);
        mv.visitInsn(Opcodes.ARRAYLENGTH);
        pushInt(numColumns);
        mv.visitJumpInsn(Opcodes.IF_ICMPNE, wrongRowLength);
    }

    private void define(Insn.Def d) {
        int id = d.id();
        boolean readHere = remaining.getOrDefault(id, 0) > 0;
        boolean readLater = crossing[id];
        if (!readHere && readLater) {
            mv.visitVarInsn(Opcodes.ALOAD, W);
            pushInt(workSlot[id]);
            expr(d.expr());
            mv.visitInsn(Opcodes.DASTORE);
            release();
            return;
        }
        expr(d.expr());
        release();                       // slots read by this statement may hold its result
        if (!readHere) {
            mv.visitInsn(Opcodes.POP2);  // a dead product kept for the multiplication count
            return;
        }
        int s = allocate();
        local.put(id, s);
        mv.visitVarInsn(Opcodes.DSTORE, s);
        if (readLater) {
            mv.visitVarInsn(Opcodes.ALOAD, W);
            pushInt(workSlot[id]);
            mv.visitVarInsn(Opcodes.DLOAD, s);
            mv.visitInsn(Opcodes.DASTORE);
        }
    }

    /** flag |= ((~pathMask &amp; 7) &gt;&gt; (dcmp(left, right) + 1)) &amp; 1 — no branch. */
    private void guard(Insn.GuardCheck g) {
        expr(g.left());
        expr(g.right());
        mv.visitInsn(g.nanHigh() ? Opcodes.DCMPG : Opcodes.DCMPL);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IADD);
        pushInt(~g.pathMask() & 7);
        mv.visitInsn(Opcodes.SWAP);
        mv.visitInsn(Opcodes.ISHR);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IAND);
        mv.visitVarInsn(Opcodes.ILOAD, FLAG);
        mv.visitInsn(Opcodes.IOR);
        mv.visitVarInsn(Opcodes.ISTORE, FLAG);
    }

    private void expr(Expr e) {
        if (e instanceof Expr.Ref r) {
            read(r.id(), W, workSlot[r.id()]);
        } else if (e instanceof Expr.In in) {
            read(inputKey(in.index()), X, in.index());
        } else if (e instanceof Expr.Const c) {
            double v = c.value();
            if (Double.doubleToRawLongBits(v) == 0L) {
                mv.visitInsn(Opcodes.DCONST_0);
            } else if (v == 1.0) {
                mv.visitInsn(Opcodes.DCONST_1);
            } else {
                mv.visitLdcInsn(v);
            }
        } else if (e instanceof Expr.Neg n) {
            expr(n.a());
            mv.visitInsn(Opcodes.DNEG);
        } else if (e instanceof Expr.Bin b) {
            expr(b.a());
            expr(b.b());
            mv.visitInsn(b.opcode());
            if (b.opcode() == Opcodes.DMUL && counting) {
                dmuls++;
            }
        } else if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                expr(a);
            }
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, c.owner(), c.name(), c.descriptor(), false);
            inlinedBytes += InlinedBytes.of(c);
        } else {
            expr(((Expr.ToFloat) e).a());
            mv.visitInsn(Opcodes.D2F);
            mv.visitInsn(Opcodes.F2D);
        }
    }

    /** Reads a value: from its local, else from {@code array[index]}, cached when read again. */
    private void read(int key, int array, int index) {
        Integer s = local.get(key);
        int left = remaining.merge(key, -1, Integer::sum);
        touched.add(key);
        if (s != null) {
            mv.visitVarInsn(Opcodes.DLOAD, s);
            return;
        }
        if (key > 0 && defChunk[key] == chunk.index) {
            throw new IllegalStateException("value " + key + " read before its definition");
        }
        if (index < 0) {
            throw new IllegalStateException("value " + key + " has no work slot");
        }
        mv.visitVarInsn(Opcodes.ALOAD, array);
        pushInt(index);
        mv.visitInsn(Opcodes.DALOAD);
        if (left > 0) {
            int slot = allocate();
            mv.visitInsn(Opcodes.DUP2);
            mv.visitVarInsn(Opcodes.DSTORE, slot);
            local.put(key, slot);
        }
    }

    /** Frees the locals of values this statement read for the last time. */
    private void release() {
        for (int key : touched) {
            if (remaining.get(key) == 0) {
                Integer s = local.remove(key);
                if (s != null) {
                    freeSlots.push(s);
                }
            }
        }
        touched.clear();
    }

    private int allocate() {
        if (!freeSlots.isEmpty()) {
            return freeSlots.pop();
        }
        int s = nextSlot;
        nextSlot += 2;
        return s;
    }

    private void pushInt(int v) {
        Bytecode.pushInt(mv, v);
    }
}
