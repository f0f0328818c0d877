package io.crosscountry.analysis;

import io.crosscountry.UnsupportedBytecodeException;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Op;
import io.crosscountry.elimination.Operand;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.util.Printer;

/**
 * Symbolic execution of a static method's bytecode at example arguments, producing its
 * computational graph.
 *
 * <p>Doubles and floats are symbolic ({@link Num}: a literal, an input or a vertex, with its
 * concrete value); ints, longs, booleans, references and array lengths are concrete. Every double
 * operation on a non-constant operand becomes one vertex, in execution order; operations on
 * constants only are folded. Loops unroll because their counters are concrete; static methods of
 * user code are inlined, and so are constructors and instance methods of objects of user code
 * ({@link ObjectRef}: fields traced one by one, calls dispatched on the object's class), and
 * lambdas created during the call ({@link LambdaRef}: a call runs the implementation with the
 * captured values); a pattern {@code switch} is decided on its concrete selector;
 * {@code Math}/{@code StrictMath}/{@code MathX} functions are intrinsics;
 * {@code static final} fields are read as constants; a comparison of doubles follows the example
 * values and records a {@link Guard}; so does an integer computed from a differentiated value (a
 * cast to {@code int}/{@code long}, {@code Math.round}): its guards hold exactly where the
 * conversion gives the example's integer. Anything else raises {@link UnsupportedBytecodeException}
 * naming the instruction, method and line.
 */
public final class Tracer {

    /** Instructions executed before tracing gives up (a loop that never ends, or a huge graph). */
    static final long MAX_STEPS = 50_000_000L;
    /** Maximum depth of inlined calls (recursion). */
    static final int MAX_DEPTH = 256;
    /** Maximum number of vertices of one graph. */
    static final int MAX_VERTICES = 2_000_000;
    /** Maximum number of guards of one trace (a loop driven by a double comparison). */
    static final int MAX_GUARDS = 100_000;

    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
    private static final Object VOID = new Object();

    private final ClassLoader loader;
    private final Map<String, ClassNode> classes = new HashMap<>();
    private final Map<MethodNode, Map<AbstractInsnNode, Integer>> lines = new IdentityHashMap<>();
    private final Map<Object, ArrayRef> constantArrays = new IdentityHashMap<>();
    // objects reached from concrete arguments: a compiled Jacobian compares such an argument with
    // equals, which may not see into an array, so their array fields are not read as constants
    private final Map<Object, Boolean> argumentObjects = new IdentityHashMap<>();
    private final List<Guard> guards = new ArrayList<>();
    private final List<Double> vertexValues = new ArrayList<>();
    private Graph.Builder builder;
    private long steps;

    private Tracer(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * Traces {@code owner.methodName} at {@code args}.
     *
     * @throws IllegalArgumentException      when there is no such static method, it is ambiguous, or
     *                                       the arguments do not fit its parameters
     * @throws UnsupportedBytecodeException when the method uses bytecode the analysis cannot handle
     */
    public static Trace trace(Class<?> owner, String methodName, Object... args) {
        ClassLoader loader = owner.getClassLoader() != null ? owner.getClassLoader() : ClassLoader.getSystemClassLoader();
        return new Tracer(loader).run(owner, methodName, args == null ? new Object[0] : args);
    }

    private Trace run(Class<?> owner, String methodName, Object[] args) {
        String ownerName = Type.getInternalName(owner);
        ClassNode cn = classNode(ownerName);
        MethodNode m = findEntry(cn, ownerName, methodName, args);
        String id = methodId(ownerName, m);
        Type[] params = Type.getArgumentTypes(m.desc);
        if (params.length != args.length) {
            throw new IllegalArgumentException(id + " takes " + params.length + " parameters but " + args.length
                    + " example arguments were given");
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            countInputs(params[i], args[i], paramName(m, i), id, labels);
        }
        checkNoAliasing(args, id);
        builder = Graph.builder(labels.size());
        int[] next = {0};
        Object[] values = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            values[i] = bindParameter(params[i], args[i], next);
        }
        Object result = invoke(ownerName, m, values, 0);
        List<Num> outs = new ArrayList<>();
        flattenResult(result, outs, id);
        int[] outputIds = new int[outs.size()];
        double[] outputValues = new double[outs.size()];
        boolean[] used = new boolean[builder.size() + outs.size() + 1];
        for (int i = 0; i < outs.size(); i++) {
            Num o = outs.get(i);
            int vid = o.ref();
            if (vid <= 0 || used[vid]) {
                vid = builder.add(Op.COPY, o.single(), o.operand());
                vertexValues.add(o.value());
            }
            used[vid] = true;
            outputIds[i] = vid;
            outputValues[i] = o.value();
        }
        builder.outputs(outputIds);
        double[] vv = vertexValues.stream().mapToDouble(Double::doubleValue).toArray();
        return new Trace(builder.build(), id, labels, guards, vv, outputValues);
    }

    // ---------------------------------------------------------------- entry and parameters

    private MethodNode findEntry(ClassNode cn, String ownerName, String methodName, Object[] args) {
        List<MethodNode> named = new ArrayList<>();
        for (MethodNode m : cn.methods) {
            if (m.name.equals(methodName)) {
                named.add(m);
            }
        }
        if (named.isEmpty()) {
            throw new IllegalArgumentException("no method '" + methodName + "' in " + ownerName.replace('/', '.'));
        }
        List<MethodNode> fitting = new ArrayList<>();
        for (MethodNode m : named) {
            if (Type.getArgumentTypes(m.desc).length == args.length) {
                fitting.add(m);
            }
        }
        if (fitting.size() > 1) {
            fitting.removeIf(m -> !argsFit(Type.getArgumentTypes(m.desc), args));
        }
        if (fitting.isEmpty()) {
            throw new IllegalArgumentException("no method '" + methodName + "' in " + ownerName.replace('/', '.')
                    + " takes " + args.length + " parameters (example arguments must match the parameters)");
        }
        if (fitting.size() > 1) {
            throw new IllegalArgumentException("method '" + methodName + "' in " + ownerName.replace('/', '.')
                    + " is overloaded ambiguously for these example arguments");
        }
        MethodNode m = fitting.get(0);
        if ((m.access & Opcodes.ACC_STATIC) == 0) {
            throw new IllegalArgumentException(methodId(ownerName, m) + " must be static to be differentiated");
        }
        String ret = Type.getReturnType(m.desc).getDescriptor();
        if (!List.of("D", "F", "[D", "[F", "[[D", "[[F").contains(ret)) {
            throw new IllegalArgumentException(methodId(ownerName, m) + " must return double, float, double[], float[],"
                    + " double[][] or float[][] (returns " + Type.getReturnType(m.desc).getClassName() + ")");
        }
        return m;
    }

    private static boolean argsFit(Type[] params, Object[] args) {
        for (int i = 0; i < params.length; i++) {
            if (!fits(params[i], args[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean fits(Type t, Object arg) {
        return switch (t.getDescriptor()) {
            case "D", "F" -> arg instanceof Number;
            case "I", "S", "B" -> arg instanceof Integer || arg instanceof Short || arg instanceof Byte;
            case "J" -> arg instanceof Long || arg instanceof Integer;
            case "Z" -> arg instanceof Boolean;
            case "C" -> arg instanceof Character;
            case "[D" -> arg instanceof double[];
            case "[F" -> arg instanceof float[];
            case "[[D" -> arg instanceof double[][];
            case "[[F" -> arg instanceof float[][];
            default -> arg == null || t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY;
        };
    }

    private static String paramName(MethodNode m, int index) {
        if (m.parameters != null && index < m.parameters.size()) {
            return m.parameters.get(index).name;
        }
        return "p" + index;
    }

    private static void countInputs(Type t, Object arg, String name, String id, List<String> labels) {
        if (!fits(t, arg)) {
            throw new IllegalArgumentException("example argument for parameter '" + name + "' of " + id + " must be a "
                    + t.getClassName() + ", got " + (arg == null ? "null" : arg.getClass().getSimpleName()));
        }
        switch (t.getDescriptor()) {
            case "D", "F" -> labels.add(name);
            case "[D" -> {
                for (int i = 0; i < ((double[]) arg).length; i++) {
                    labels.add(name + "[" + i + "]");
                }
            }
            case "[F" -> {
                for (int i = 0; i < ((float[]) arg).length; i++) {
                    labels.add(name + "[" + i + "]");
                }
            }
            case "[[D", "[[F" -> {
                Object[] a = (Object[]) arg;
                for (int i = 0; i < a.length; i++) {
                    if (a[i] == null) {
                        throw new IllegalArgumentException("example argument '" + name + "' of " + id + " has a null row " + i);
                    }
                    for (int j = 0; j < java.lang.reflect.Array.getLength(a[i]); j++) {
                        labels.add(name + "[" + i + "][" + j + "]");
                    }
                }
            }
            default -> {
                Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
                if (t.getSort() == Type.ARRAY && (element.getSort() == Type.DOUBLE || element.getSort() == Type.FLOAT)) {
                    throw new IllegalArgumentException("parameter '" + name + "' of " + id + " has type " + t.getClassName()
                            + ": differentiable parameters are double, float, double[], float[], double[][] and float[][]");
                }
                // any other parameter is concrete: not an input
            }
        }
    }

    /** Refuses the same array passed twice: its elements would be two sets of inputs for one value. */
    private static void checkNoAliasing(Object[] args, String id) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        for (Object a : args) {
            List<Object> arrays = new ArrayList<>();
            if (a instanceof double[] || a instanceof float[]) {
                arrays.add(a);
            } else if (a instanceof double[][] || a instanceof float[][]) {
                arrays.add(a);
                arrays.addAll(List.of((Object[]) a));
            }
            for (Object array : arrays) {
                if (seen.put(array, Boolean.TRUE) != null) {
                    throw new IllegalArgumentException("the same array is passed twice in the example arguments of " + id
                            + "; pass separate arrays (each element of each parameter is its own input)");
                }
            }
        }
    }

    private Object bindParameter(Type t, Object arg, int[] next) {
        switch (t.getDescriptor()) {
            case "D":
                return new Num(-(++next[0]), ((Number) arg).doubleValue(), false);
            case "F":
                return new Num(-(++next[0]), ((Number) arg).floatValue(), true);
            case "[D": {
                double[] a = (double[]) arg;
                Object[] e = new Object[a.length];
                for (int i = 0; i < a.length; i++) {
                    e[i] = new Num(-(++next[0]), a[i], false);
                }
                return new ArrayRef('D', e);
            }
            case "[F": {
                float[] a = (float[]) arg;
                Object[] e = new Object[a.length];
                for (int i = 0; i < a.length; i++) {
                    e[i] = new Num(-(++next[0]), a[i], true);
                }
                return new ArrayRef('F', e);
            }
            case "[[D":
            case "[[F": {
                Object[] a = (Object[]) arg;
                Type row = t.getElementType() == Type.DOUBLE_TYPE ? Type.getType("[D") : Type.getType("[F");
                Object[] rows = new Object[a.length];
                for (int i = 0; i < a.length; i++) {
                    rows[i] = bindParameter(row, a[i], next);
                }
                return new ArrayRef('L', rows);
            }
            default: {
                Object v = concrete(t, arg);
                if (isOutsideObject(v)) {
                    argumentObjects.put(v, Boolean.TRUE);
                }
                return v;
            }
        }
    }

    /** Converts a concrete Java value (argument or static final field) to its tracing form. */
    private Object concrete(Type t, Object value) {
        if (value == null) {
            return NULL;
        }
        switch (t.getSort()) {
            case Type.BOOLEAN:
                return ((Boolean) value) ? 1 : 0;
            case Type.CHAR:
                return (int) (Character) value;
            case Type.BYTE:
            case Type.SHORT:
            case Type.INT:
                return ((Number) value).intValue();
            case Type.LONG:
                return ((Number) value).longValue();
            case Type.FLOAT:
                return Num.constant(((Number) value).floatValue(), true);
            case Type.DOUBLE:
                return Num.constant(((Number) value).doubleValue(), false);
            default:
                return value.getClass().isArray() ? constantArray(value) : value;
        }
    }

    private ArrayRef constantArray(Object array) {
        ArrayRef known = constantArrays.get(array);
        if (known != null) {
            return known;
        }
        Class<?> component = array.getClass().getComponentType();
        int n = java.lang.reflect.Array.getLength(array);
        Object[] e = new Object[n];
        Type ct = Type.getType(component);
        char kind = component.isPrimitive() ? ct.getDescriptor().charAt(0) : 'L';
        ArrayRef ref = new ArrayRef(kind, e);
        constantArrays.put(array, ref);
        for (int i = 0; i < n; i++) {
            e[i] = concrete(ct, java.lang.reflect.Array.get(array, i));
        }
        return ref;
    }

    private void flattenResult(Object result, List<Num> outs, String id) {
        if (result instanceof Num n) {
            outs.add(n.widened());
        } else if (result instanceof ArrayRef a) {
            for (Object e : a.elements) {
                if (e == NULL) {
                    throw new IllegalArgumentException(id + " returned an array with a null row");
                }
                flattenResult(e, outs, id);
            }
        } else if (result instanceof ObjectRef o) {
            throw new IllegalArgumentException(id + " returned an object (" + o.className.replace('/', '.')
                    + "): return a double, float or an array of them");
        } else {
            throw new IllegalArgumentException(id + " returned null");
        }
    }

    // ---------------------------------------------------------------- class loading

    private ClassNode classNode(String internalName) {
        ClassNode cn = classes.get(internalName);
        if (cn == null) {
            try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
                if (in == null) {
                    throw new IllegalArgumentException("cannot read the bytecode of " + internalName.replace('/', '.'));
                }
                cn = new ClassNode();
                new ClassReader(in).accept(cn, ClassReader.SKIP_FRAMES);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the bytecode of " + internalName.replace('/', '.'), e);
            }
            classes.put(internalName, cn);
        }
        return cn;
    }

    private static String methodId(String owner, MethodNode m) {
        return owner.replace('/', '.') + "." + m.name + m.desc;
    }

    // ---------------------------------------------------------------- interpreter

    /** The frame of one method activation. */
    private final class Frame {
        final String owner;
        final MethodNode method;
        final String id;
        final Object[] locals;
        final Object[] stack;
        int sp;

        Frame(String owner, MethodNode method) {
            this.owner = owner;
            this.method = method;
            this.id = methodId(owner, method);
            this.locals = new Object[Math.max(method.maxLocals, 1)];
            this.stack = new Object[Math.max(method.maxStack, 1) + 2];
        }

        void push(Object v) {
            stack[sp++] = v;
        }

        Object pop() {
            return stack[--sp];
        }

        Object peek() {
            return stack[sp - 1];
        }

        int popInt() {
            return intValue(this, pop());
        }

        long popLong() {
            return (Long) pop();
        }

        Num popNum() {
            return (Num) pop();
        }
    }

    private static boolean wide(Object v) {
        return v instanceof Long || (v instanceof Num n && !n.single());
    }

    private Object invoke(String owner, MethodNode m, Object[] args, int depth) {
        if (depth > MAX_DEPTH) {
            throw new UnsupportedBytecodeException("INVOKESTATIC " + owner + "." + m.name, methodId(owner, m), -1,
                    "calls nested deeper than " + MAX_DEPTH + " (unbounded recursion?)");
        }
        if ((m.access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) != 0 || m.instructions.size() == 0) {
            throw new UnsupportedBytecodeException("INVOKESTATIC " + owner + "." + m.name + m.desc, methodId(owner, m), -1,
                    "method has no bytecode to trace");
        }
        Frame f = new Frame(owner, m);
        int slot = 0;
        for (Object a : args) {
            f.locals[slot] = a;
            slot += wide(a) ? 2 : 1;
        }
        return execute(f, depth);
    }

    @SuppressWarnings("checkstyle:MethodLength")
    private Object execute(Frame f, int depth) {
        AbstractInsnNode insn = f.method.instructions.getFirst();
        while (true) {
            if (insn == null) {
                throw unsupported(f, null, "execution fell off the end of the method");
            }
            int op = insn.getOpcode();
            if (op < 0) {
                insn = insn.getNext();
                continue;
            }
            if (++steps > MAX_STEPS) {
                throw unsupported(f, insn, "more than " + MAX_STEPS
                        + " instructions traced (a loop whose bound depends on a double, or a graph too large)");
            }
            AbstractInsnNode next = insn.getNext();
            switch (op) {
                case Opcodes.NOP -> { }
                case Opcodes.ACONST_NULL -> f.push(NULL);
                case Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3,
                        Opcodes.ICONST_4, Opcodes.ICONST_5 -> f.push(op - Opcodes.ICONST_0);
                case Opcodes.LCONST_0, Opcodes.LCONST_1 -> f.push((long) (op - Opcodes.LCONST_0));
                case Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2 -> f.push(Num.constant(op - Opcodes.FCONST_0, true));
                case Opcodes.DCONST_0, Opcodes.DCONST_1 -> f.push(Num.constant(op - Opcodes.DCONST_0, false));
                case Opcodes.BIPUSH, Opcodes.SIPUSH -> f.push(((IntInsnNode) insn).operand);
                case Opcodes.LDC -> f.push(ldc(f, (LdcInsnNode) insn));
                case Opcodes.ILOAD, Opcodes.LLOAD, Opcodes.FLOAD, Opcodes.DLOAD, Opcodes.ALOAD ->
                        f.push(f.locals[((VarInsnNode) insn).var]);
                case Opcodes.ISTORE, Opcodes.FSTORE, Opcodes.ASTORE -> f.locals[((VarInsnNode) insn).var] = f.pop();
                case Opcodes.LSTORE, Opcodes.DSTORE -> {
                    int var = ((VarInsnNode) insn).var;
                    f.locals[var] = f.pop();
                    f.locals[var + 1] = null;
                }
                case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                        Opcodes.CALOAD, Opcodes.SALOAD -> {
                    int index = f.popInt();
                    ArrayRef a = array(f, insn, f.pop());
                    checkIndex(f, insn, a, index);
                    f.push(a.elements[index]);
                }
                case Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.AASTORE,
                        Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE -> {
                    Object value = f.pop();
                    int index = f.popInt();
                    ArrayRef a = array(f, insn, f.pop());
                    checkIndex(f, insn, a, index);
                    a.elements[index] = narrowForStore(op, a, value instanceof Comparison ? intValue(f, value) : value);
                }
                case Opcodes.POP -> f.pop();
                case Opcodes.POP2 -> {
                    if (!wide(f.pop())) {
                        f.pop();
                    }
                }
                case Opcodes.DUP -> f.push(f.peek());
                case Opcodes.DUP_X1 -> {
                    Object v1 = f.pop();
                    Object v2 = f.pop();
                    f.push(v1);
                    f.push(v2);
                    f.push(v1);
                }
                case Opcodes.DUP_X2 -> {
                    Object v1 = f.pop();
                    Object v2 = f.pop();
                    if (wide(v2)) {
                        f.push(v1);
                        f.push(v2);
                    } else {
                        Object v3 = f.pop();
                        f.push(v1);
                        f.push(v3);
                        f.push(v2);
                    }
                    f.push(v1);
                }
                case Opcodes.DUP2 -> {
                    Object v1 = f.pop();
                    if (wide(v1)) {
                        f.push(v1);
                        f.push(v1);
                    } else {
                        Object v2 = f.pop();
                        f.push(v2);
                        f.push(v1);
                        f.push(v2);
                        f.push(v1);
                    }
                }
                case Opcodes.DUP2_X1 -> {
                    Object v1 = f.pop();
                    if (wide(v1)) {
                        Object v2 = f.pop();
                        f.push(v1);
                        f.push(v2);
                        f.push(v1);
                    } else {
                        Object v2 = f.pop();
                        Object v3 = f.pop();
                        f.push(v2);
                        f.push(v1);
                        f.push(v3);
                        f.push(v2);
                        f.push(v1);
                    }
                }
                case Opcodes.DUP2_X2 -> dup2x2(f);
                case Opcodes.SWAP -> {
                    Object v1 = f.pop();
                    Object v2 = f.pop();
                    f.push(v1);
                    f.push(v2);
                }
                case Opcodes.DADD -> binary(f, insn, Op.ADD, false);
                case Opcodes.DSUB -> binary(f, insn, Op.SUB, false);
                case Opcodes.DMUL -> binary(f, insn, Op.MUL, false);
                case Opcodes.DDIV -> binary(f, insn, Op.DIV, false);
                case Opcodes.FADD -> binary(f, insn, Op.ADD, true);
                case Opcodes.FSUB -> binary(f, insn, Op.SUB, true);
                case Opcodes.FMUL -> binary(f, insn, Op.MUL, true);
                case Opcodes.FDIV -> binary(f, insn, Op.DIV, true);
                case Opcodes.DNEG -> f.push(vertex(f, insn, Op.NEG, false, f.popNum()));
                case Opcodes.FNEG -> f.push(vertex(f, insn, Op.NEG, true, f.popNum()));
                case Opcodes.DREM -> binary(f, insn, Op.REM, false);
                case Opcodes.FREM -> binary(f, insn, Op.REM, true);
                case Opcodes.IADD, Opcodes.ISUB, Opcodes.IMUL, Opcodes.IDIV, Opcodes.IREM, Opcodes.ISHL, Opcodes.ISHR,
                        Opcodes.IUSHR, Opcodes.IAND, Opcodes.IOR, Opcodes.IXOR -> {
                    int b = f.popInt();
                    int a = f.popInt();
                    f.push(intOp(f, insn, op, a, b));
                }
                case Opcodes.LADD, Opcodes.LSUB, Opcodes.LMUL, Opcodes.LDIV, Opcodes.LREM, Opcodes.LAND, Opcodes.LOR,
                        Opcodes.LXOR -> {
                    long b = f.popLong();
                    long a = f.popLong();
                    f.push(longOp(f, insn, op, a, b));
                }
                case Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR -> {
                    int s = f.popInt();
                    long a = f.popLong();
                    f.push(op == Opcodes.LSHL ? a << s : op == Opcodes.LSHR ? a >> s : a >>> s);
                }
                case Opcodes.INEG -> f.push(-f.popInt());
                case Opcodes.LNEG -> f.push(-f.popLong());
                case Opcodes.IINC -> {
                    IincInsnNode inc = (IincInsnNode) insn;
                    f.locals[inc.var] = intValue(f, f.locals[inc.var]) + inc.incr;
                }
                case Opcodes.I2L -> f.push((long) f.popInt());
                case Opcodes.I2F -> f.push(Num.constant((float) f.popInt(), true));
                case Opcodes.I2D -> f.push(Num.constant(f.popInt(), false));
                case Opcodes.L2I -> f.push((int) f.popLong());
                case Opcodes.L2F -> f.push(Num.constant((float) f.popLong(), true));
                case Opcodes.L2D -> f.push(Num.constant((double) f.popLong(), false));
                case Opcodes.I2B -> f.push((int) (byte) f.popInt());
                case Opcodes.I2C -> f.push((int) (char) f.popInt());
                case Opcodes.I2S -> f.push((int) (short) f.popInt());
                case Opcodes.F2D -> f.push(f.popNum().widened());
                case Opcodes.D2F -> {
                    Num a = f.popNum();
                    f.push(a.isConstant() ? Num.constant((float) a.value(), true) : vertex(f, insn, Op.TO_FLOAT, true, a));
                }
                case Opcodes.F2I, Opcodes.F2L, Opcodes.D2I, Opcodes.D2L -> {
                    Num a = f.popNum();
                    boolean toInt = op == Opcodes.F2I || op == Opcodes.D2I;
                    long k = toInt ? (int) a.value() : (long) a.value();
                    if (!a.isConstant()) {
                        pinInteger(f, insn, a, k, toInt, false);
                    }
                    f.push(toInt ? (Object) (int) k : (Object) k);
                }
                case Opcodes.LCMP -> {
                    long b = f.popLong();
                    long a = f.popLong();
                    f.push(Long.compare(a, b));
                }
                case Opcodes.DCMPL, Opcodes.DCMPG, Opcodes.FCMPL, Opcodes.FCMPG -> f.push(compare(f, insn, op));
                case Opcodes.IFEQ, Opcodes.IFNE, Opcodes.IFLT, Opcodes.IFGE, Opcodes.IFGT, Opcodes.IFLE -> {
                    int relation = op - Opcodes.IFEQ;
                    Object v = f.pop();
                    boolean taken;
                    if (v instanceof Comparison c) {
                        taken = branch(relation, c.result(), 0);
                        int mask = 0;
                        for (int r = -1; r <= 1; r++) {
                            if (branch(relation, r, 0) == taken) {
                                mask |= Guard.mask(r);
                            }
                        }
                        addGuard(f, c, mask);
                    } else {
                        taken = branch(relation, (Integer) v, 0);
                    }
                    if (taken) {
                        next = ((JumpInsnNode) insn).label;
                    }
                }
                case Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT,
                        Opcodes.IF_ICMPLE -> {
                    int b = f.popInt();
                    int a = f.popInt();
                    if (branch(op - Opcodes.IF_ICMPEQ, a, b)) {
                        next = ((JumpInsnNode) insn).label;
                    }
                }
                case Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE -> {
                    Object b = f.pop();
                    Object a = f.pop();
                    if ((a == b) == (op == Opcodes.IF_ACMPEQ)) {
                        next = ((JumpInsnNode) insn).label;
                    }
                }
                case Opcodes.IFNULL, Opcodes.IFNONNULL -> {
                    if ((f.pop() == NULL) == (op == Opcodes.IFNULL)) {
                        next = ((JumpInsnNode) insn).label;
                    }
                }
                case Opcodes.GOTO -> next = ((JumpInsnNode) insn).label;
                case Opcodes.TABLESWITCH -> {
                    TableSwitchInsnNode sw = (TableSwitchInsnNode) insn;
                    int key = f.popInt();
                    next = key >= sw.min && key <= sw.max ? sw.labels.get(key - sw.min) : sw.dflt;
                }
                case Opcodes.LOOKUPSWITCH -> {
                    LookupSwitchInsnNode sw = (LookupSwitchInsnNode) insn;
                    int key = f.popInt();
                    int at = sw.keys.indexOf(key);
                    next = at >= 0 ? sw.labels.get(at) : sw.dflt;
                }
                case Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN, Opcodes.ARETURN -> {
                    return f.pop();
                }
                case Opcodes.RETURN -> {
                    return VOID;
                }
                case Opcodes.GETSTATIC -> f.push(getStatic(f, (FieldInsnNode) insn));
                case Opcodes.INVOKESTATIC -> invokeStatic(f, (MethodInsnNode) insn, depth);
                case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE, Opcodes.INVOKESPECIAL ->
                        invokeInstance(f, (MethodInsnNode) insn, depth);
                case Opcodes.NEW -> f.push(newObject(f, (TypeInsnNode) insn));
                case Opcodes.GETFIELD -> {
                    FieldInsnNode fi = (FieldInsnNode) insn;
                    f.push(getField(f, fi, f.pop()));
                }
                case Opcodes.PUTFIELD -> {
                    Object value = f.pop();
                    putField(f, (FieldInsnNode) insn, f.pop(), value);
                }
                case Opcodes.INSTANCEOF -> f.push(instanceOf(f, insn, f.pop(), ((TypeInsnNode) insn).desc) ? 1 : 0);
                case Opcodes.INVOKEDYNAMIC -> invokeDynamic(f, (InvokeDynamicInsnNode) insn);
                case Opcodes.NEWARRAY -> f.push(newArray(f, insn, arrayKind(((IntInsnNode) insn).operand), f.popInt()));
                case Opcodes.ANEWARRAY -> f.push(newArray(f, insn, 'L', f.popInt()));
                case Opcodes.MULTIANEWARRAY -> {
                    MultiANewArrayInsnNode ma = (MultiANewArrayInsnNode) insn;
                    int[] dims = new int[ma.dims];
                    for (int i = ma.dims - 1; i >= 0; i--) {
                        dims[i] = f.popInt();
                    }
                    f.push(multiArray(f, insn, Type.getType(ma.desc), dims, 0));
                }
                case Opcodes.ARRAYLENGTH -> f.push(array(f, insn, f.pop()).elements.length);
                case Opcodes.CHECKCAST -> checkCast(f, (TypeInsnNode) insn, f.peek());
                default -> throw unsupported(f, insn, "unsupported instruction");
            }
            insn = next;
        }
    }

    private void dup2x2(Frame f) {
        Object v1 = f.pop();
        Object v2 = f.pop();
        if (wide(v1) && wide(v2)) {
            f.push(v1);
            f.push(v2);
            f.push(v1);
            return;
        }
        if (wide(v1)) {
            Object v3 = f.pop();
            f.push(v1);
            f.push(v3);
            f.push(v2);
            f.push(v1);
            return;
        }
        Object v3 = f.pop();
        if (wide(v3)) {
            f.push(v2);
            f.push(v1);
            f.push(v3);
            f.push(v2);
            f.push(v1);
            return;
        }
        Object v4 = f.pop();
        f.push(v2);
        f.push(v1);
        f.push(v4);
        f.push(v3);
        f.push(v2);
        f.push(v1);
    }

    private static boolean branch(int relation, int a, int b) {
        return switch (relation) {
            case 0 -> a == b;
            case 1 -> a != b;
            case 2 -> a < b;
            case 3 -> a >= b;
            case 4 -> a > b;
            default -> a <= b;
        };
    }

    private Object ldc(Frame f, LdcInsnNode insn) {
        Object c = insn.cst;
        if (c instanceof Integer || c instanceof Long || c instanceof String) {
            return c;
        }
        if (c instanceof Float x) {
            return Num.constant(x, true);
        }
        if (c instanceof Double x) {
            return Num.constant(x, false);
        }
        throw unsupported(f, insn, "constant of this kind is not supported");
    }

    // ---------------------------------------------------------------- doubles

    private void binary(Frame f, AbstractInsnNode insn, Op op, boolean single) {
        Num b = f.popNum();
        Num a = f.popNum();
        f.push(vertex(f, insn, op, single, a, b));
    }

    /** One operation: folded when every operand is a constant, else a new vertex. */
    private Num vertex(Frame f, AbstractInsnNode insn, Op op, boolean single, Num... args) {
        return vertex(f, insn, op, single, false, args);
    }

    private Num vertex(Frame f, AbstractInsnNode insn, Op op, boolean single, boolean strict, Num... args) {
        double a = args[0].value();
        double b = args.length > 1 ? args[1].value() : 0.0;
        double c = args.length > 2 ? args[2].value() : 0.0;
        double value = OpValues.apply(op, single, strict, a, b, c);
        boolean constant = true;
        for (Num n : args) {
            constant &= n.isConstant();
        }
        if (constant) {
            return Num.constant(value, single);
        }
        Operand[] operands = new Operand[args.length];
        for (int i = 0; i < args.length; i++) {
            operands[i] = args[i].operand();
        }
        if (builder.size() >= MAX_VERTICES) {
            throw unsupported(f, insn, "graph larger than " + MAX_VERTICES + " vertices");
        }
        int id = builder.add(op, single, strict, operands);
        vertexValues.add(value);
        return new Num(id, value, single);
    }

    /**
     * {@code Math.scalb(x, n)}: a {@code mul} by the literal 2^n, which rounds once exactly as
     * scalb does, for every n whose power of two is a normal number (TracerOpsTest checks the
     * identity bit for bit, subnormal and overflowing results included).
     */
    private Num scalb(Frame f, AbstractInsnNode insn, Num x, int n, boolean single) {
        int lowest = single ? Float.MIN_EXPONENT : Double.MIN_EXPONENT;
        int highest = single ? Float.MAX_EXPONENT : Double.MAX_EXPONENT;
        if (n < lowest || n > highest) {
            throw unsupported(f, insn, "Math.scalb by 2^" + n + " (not a normal power of two) is not supported");
        }
        double factor = single ? Math.scalb(1f, n) : Math.scalb(1.0, n);
        return vertex(f, insn, Op.MUL, single, x, Num.constant(factor, single));
    }

    /**
     * {@code Math.clamp(value, min, max)} (Java 21) with constant bounds: what the JDK computes,
     * {@code min(max, max(value, min))}, as two vertices, after the JDK's checks of the bounds.
     */
    private Num clamp(Frame f, AbstractInsnNode insn, Num value, Num min, Num max, boolean single) {
        if (!min.isConstant() || !max.isConstant()) {
            throw unsupported(f, insn, "Math.clamp with a differentiated bound is not supported"
                    + " (write Math.min(max, Math.max(value, min)))");
        }
        double lo = min.value();
        double hi = max.value();
        if (Double.isNaN(lo) || Double.isNaN(hi) || Double.compare(lo, hi) > 0) {
            throw unsupported(f, insn, "Math.clamp throws IllegalArgumentException at the example (bounds "
                    + lo + ", " + hi + ")");
        }
        Num low = vertex(f, insn, Op.MAX, single, value, min);
        return vertex(f, insn, Op.MIN, single, max, low);
    }

    /**
     * A comparison of doubles: a concrete int when both are constants, else a {@link Comparison}
     * whose guard is recorded where its result is used (a branch records which results take the
     * same path; any other use pins the exact result).
     */
    private Object compare(Frame f, AbstractInsnNode insn, int op) {
        Num b = f.popNum();
        Num a = f.popNum();
        boolean nanHigh = op == Opcodes.DCMPG || op == Opcodes.FCMPG;
        int r = Guard.compare(a.value(), b.value(), nanHigh);
        if (a.isConstant() && b.isConstant()) {
            return r;
        }
        return new Comparison(a.operand(), b.operand(), nanHigh, r, f.id, line(f, insn));
    }

    /** The result of a comparison of doubles, not yet used. */
    private record Comparison(Operand left, Operand right, boolean nanHigh, int result, String method, int line) {
    }

    /** An int value; a pending comparison used as a number pins its exact result with a guard. */
    private int intValue(Frame f, Object v) {
        if (v instanceof Comparison c) {
            addGuard(f, c, Guard.mask(c.result()));
            return c.result();
        }
        return (Integer) v;
    }

    private void addGuard(Frame f, Comparison c, int pathMask) {
        if (guards.size() >= MAX_GUARDS) {
            throw new UnsupportedBytecodeException("comparison of doubles", c.method(), c.line(),
                    "more than " + MAX_GUARDS + " branches on doubles (a loop whose bound depends on a double?)");
        }
        guards.add(new Guard(c.left(), c.right(), c.nanHigh(), c.result(), pathMask, c.method(), c.line()));
    }

    /**
     * Records the guards under which converting {@code a} to an integer gives {@code k} again, as
     * at the example: truncation ({@code (int) x}, {@code (long) x}) or, with {@code rounding},
     * {@code Math.round}. The guards hold exactly for the values with that result (every bound is
     * an exact double), except that NaN, which converts to 0, has a path of its own (every bound
     * fails on NaN, and the guard of a NaN example holds only for NaN). Saturated results (the
     * type's least or greatest value) hold for everything beyond.
     */
    private void pinInteger(Frame f, AbstractInsnNode insn, Num a, long k, boolean toInt, boolean rounding) {
        double x = a.value();
        long min = toInt ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long max = toInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
        long half = 1L << 52;                  // half-integers are doubles only below 2^52 in magnitude
        if (Double.isNaN(x)) {
            guard(f, insn, a, a.operand(), x, true, Guard.mask(1));              // x is NaN
        } else if (rounding) {
            if (k != max) {                    // x < k + 1/2, or x <= k where no double lies between
                if (k >= -half && k < half) {
                    bound(f, insn, a, k + 0.5, true, Guard.mask(-1));
                } else {
                    bound(f, insn, a, k, true, Guard.mask(-1) | Guard.mask(0));
                }
            }
            if (k != min) {                    // x >= k - 1/2, or x >= k where no double lies between
                bound(f, insn, a, k > -half && k <= half ? k - 0.5 : k, false, Guard.mask(0) | Guard.mask(1));
            }
        } else if (k == max) {
            bound(f, insn, a, max, false, Guard.mask(0) | Guard.mask(1));         // x >= max
        } else if (k == min) {
            bound(f, insn, a, min, true, Guard.mask(-1) | Guard.mask(0));         // x <= min
        } else if (Math.abs(x) >= 0x1p52) {                                       // x is an integer
            bound(f, insn, a, k, true, Guard.mask(0));                            // x == k
        } else if (k > 0) {
            bound(f, insn, a, k, false, Guard.mask(0) | Guard.mask(1));           // k <= x < k + 1
            bound(f, insn, a, k + 1, true, Guard.mask(-1));
        } else if (k < 0) {
            bound(f, insn, a, k - 1, false, Guard.mask(1));                       // k - 1 < x <= k
            bound(f, insn, a, k, true, Guard.mask(-1) | Guard.mask(0));
        } else {
            bound(f, insn, a, -1, false, Guard.mask(1));                          // -1 < x < 1
            bound(f, insn, a, 1, true, Guard.mask(-1));
        }
    }

    /**
     * {@code Math.getExponent} of a differentiated value: returns the example's exponent and
     * records guards that hold exactly where the exponent is the same — 2^k ≤ |x| &lt; 2^(k+1) on
     * the example's side of zero for a normal x (2^1024 is ∞), |x| &lt; the smallest normal for
     * zeros and subnormals; NaN, and each infinity, only itself.
     */
    private int exponent(Frame f, AbstractInsnNode insn, Num a, boolean single) {
        double x = a.value();
        int k = single ? Math.getExponent((float) x) : Math.getExponent(x);
        int minNormal = single ? Float.MIN_EXPONENT : Double.MIN_EXPONENT;
        if (Double.isNaN(x)) {
            guard(f, insn, a, a.operand(), x, true, Guard.mask(1));                     // x is NaN
        } else if (Double.isInfinite(x)) {
            bound(f, insn, a, x, true, Guard.mask(0));                                  // x == ±inf
        } else if (k < minNormal) {
            double t = Math.scalb(1.0, minNormal);                                      // -2^min < x < 2^min
            bound(f, insn, a, -t, false, Guard.mask(1));
            bound(f, insn, a, t, true, Guard.mask(-1));
        } else {
            double lo = Math.scalb(1.0, k);
            double hi = Math.scalb(1.0, k + 1);                                         // ∞ above the largest
            if (x > 0) {                                                                // 2^k <= x < 2^(k+1)
                bound(f, insn, a, lo, false, Guard.mask(0) | Guard.mask(1));
                bound(f, insn, a, hi, true, Guard.mask(-1));
            } else {                                                                    // -2^(k+1) < x <= -2^k
                bound(f, insn, a, -hi, false, Guard.mask(1));
                bound(f, insn, a, -lo, true, Guard.mask(-1) | Guard.mask(0));
            }
        }
        return k;
    }

    /**
     * {@code Double.isNaN}, {@code isInfinite} or {@code isFinite} of a differentiated value: pushes
     * the example's answer and records guards that hold exactly where the answer is the same.
     * Returns false for another method (left to the library-call rules).
     */
    private boolean classify(Frame f, AbstractInsnNode insn, Num a, String name) {
        double x = a.value();
        double inf = Double.POSITIVE_INFINITY;
        boolean answer;
        switch (name) {
            case "isNaN" -> answer = Double.isNaN(x);
            case "isInfinite" -> answer = Double.isInfinite(x);
            case "isFinite" -> answer = Double.isFinite(x);
            default -> {
                return false;
            }
        }
        if (Double.isNaN(x)) {
            guard(f, insn, a, a.operand(), x, true, Guard.mask(1));                     // x is NaN
        } else if (name.equals("isNaN")) {
            guard(f, insn, a, a.operand(), x, true, Guard.mask(0));                     // x is not NaN
        } else if (Double.isInfinite(x)) {
            bound(f, insn, a, x, true, Guard.mask(0));                                  // x == ±inf
        } else {
            bound(f, insn, a, -inf, false, Guard.mask(1));                              // -inf < x < inf
            bound(f, insn, a, inf, true, Guard.mask(-1));
        }
        f.push(answer ? 1 : 0);
        return true;
    }

    /** A guard comparing {@code a} with the literal {@code bound} (NaN compares high or low). */
    private void bound(Frame f, AbstractInsnNode insn, Num a, double bound, boolean nanHigh, int pathMask) {
        guard(f, insn, a, Operand.literal(bound), bound, nanHigh, pathMask);
    }

    private void guard(Frame f, AbstractInsnNode insn, Num a, Operand right, double rightValue, boolean nanHigh,
            int pathMask) {
        int result = Guard.compare(a.value(), rightValue, nanHigh);
        addGuard(f, new Comparison(a.operand(), right, nanHigh, result, f.id, line(f, insn)), pathMask);
    }

    // ---------------------------------------------------------------- ints and longs

    private int intOp(Frame f, AbstractInsnNode insn, int op, int a, int b) {
        if ((op == Opcodes.IDIV || op == Opcodes.IREM) && b == 0) {
            throw unsupported(f, insn, "integer division by zero at the example arguments");
        }
        return switch (op) {
            case Opcodes.IADD -> a + b;
            case Opcodes.ISUB -> a - b;
            case Opcodes.IMUL -> a * b;
            case Opcodes.IDIV -> a / b;
            case Opcodes.IREM -> a % b;
            case Opcodes.ISHL -> a << b;
            case Opcodes.ISHR -> a >> b;
            case Opcodes.IUSHR -> a >>> b;
            case Opcodes.IAND -> a & b;
            case Opcodes.IOR -> a | b;
            default -> a ^ b;
        };
    }

    private long longOp(Frame f, AbstractInsnNode insn, int op, long a, long b) {
        if ((op == Opcodes.LDIV || op == Opcodes.LREM) && b == 0) {
            throw unsupported(f, insn, "integer division by zero at the example arguments");
        }
        return switch (op) {
            case Opcodes.LADD -> a + b;
            case Opcodes.LSUB -> a - b;
            case Opcodes.LMUL -> a * b;
            case Opcodes.LDIV -> a / b;
            case Opcodes.LREM -> a % b;
            case Opcodes.LAND -> a & b;
            case Opcodes.LOR -> a | b;
            default -> a ^ b;
        };
    }

    // ---------------------------------------------------------------- arrays

    private ArrayRef array(Frame f, AbstractInsnNode insn, Object v) {
        if (v == NULL) {
            throw unsupported(f, insn, "null array at the example arguments");
        }
        if (!(v instanceof ArrayRef a)) {
            throw unsupported(f, insn, "array operation on a value that is not a traced array");
        }
        return a;
    }

    private void checkIndex(Frame f, AbstractInsnNode insn, ArrayRef a, int index) {
        if (index < 0 || index >= a.elements.length) {
            throw unsupported(f, insn, "array index " + index + " out of bounds for length " + a.elements.length
                    + " at the example arguments");
        }
    }

    /**
     * {@code Arrays.fill} (whole or a range), {@code System.arraycopy}, {@code Arrays.copyOf} and
     * {@code Arrays.copyOfRange} on traced arrays: done on the traced elements, so differentiated
     * values move like any store and load. Returns false for another call. Ranges out of bounds at
     * the example arguments are refused, as the JVM would throw.
     */
    private boolean arrayCall(Frame f, MethodInsnNode insn, Object[] args) {
        String call = insn.owner + "." + insn.name;
        switch (call) {
            case "java/util/Arrays.fill" -> {
                if (!(args[0] instanceof ArrayRef a)) {
                    return false;
                }
                Object value = args[args.length - 1];
                value = value instanceof Comparison c ? intValue(f, c) : value;
                int from = args.length == 4 ? intValue(f, args[1]) : 0;
                int to = args.length == 4 ? intValue(f, args[2]) : a.elements.length;
                checkRange(f, insn, from, to, a.elements.length);
                for (int i = from; i < to; i++) {
                    a.elements[i] = a.kind == 'Z' ? (Integer) value & 1 : value;
                }
                return true;
            }
            case "java/lang/System.arraycopy" -> {
                ArrayRef src = array(f, insn, args[0]);
                ArrayRef dst = array(f, insn, args[2]);
                int srcPos = intValue(f, args[1]);
                int dstPos = intValue(f, args[3]);
                int length = intValue(f, args[4]);
                if (src.kind != dst.kind) {
                    throw unsupported(f, insn, "arraycopy between arrays of different types");
                }
                checkRange(f, insn, srcPos, srcPos + length, src.elements.length);
                checkRange(f, insn, dstPos, dstPos + length, dst.elements.length);
                System.arraycopy(src.elements, srcPos, dst.elements, dstPos, length);   // overlaps as the JVM does
                return true;
            }
            case "java/util/Arrays.sort" -> {
                if (!(args[0] instanceof ArrayRef a) || (a.kind != 'D' && a.kind != 'F')
                        || !(insn.desc.equals("([D)V") || insn.desc.equals("([F)V") || insn.desc.equals("([DII)V")
                            || insn.desc.equals("([FII)V"))) {
                    return false;
                }
                int from = args.length == 3 ? intValue(f, args[1]) : 0;
                int to = args.length == 3 ? intValue(f, args[2]) : a.elements.length;
                checkRange(f, insn, from, to, a.elements.length);
                sort(f, insn, a, from, to);
                return true;
            }
            case "java/util/Arrays.copyOf", "java/util/Arrays.copyOfRange" -> {
                if (!(args[0] instanceof ArrayRef a) || !Type.getReturnType(insn.desc).equals(Type.getArgumentTypes(insn.desc)[0])) {
                    return false;
                }
                boolean range = insn.name.equals("copyOfRange");
                int from = range ? intValue(f, args[1]) : 0;
                int to = range ? intValue(f, args[2]) : intValue(f, args[1]);
                if (from < 0 || from > a.elements.length || to < from) {
                    throw unsupported(f, insn, "copy range [" + from + ", " + to + ") of an array of length "
                            + a.elements.length + " at the example arguments");
                }
                ArrayRef copy = newArray(f, insn, a.kind, to - from);
                System.arraycopy(a.elements, from, copy.elements, 0, Math.min(to, a.elements.length) - from);
                f.push(copy);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * {@code Double.compare} (or {@code Float.compare}) of differentiated values: returns the
     * example's result and records a guard that holds exactly where it is the same — {@code x < y}
     * or {@code x > y}, or {@code x == y} and the sign of the tie. A NaN or a tie of zeros at the
     * example is refused (compare orders them by their bits, which comparisons cannot see; the
     * latter with {@code zeroTie} as the reason). Also pins each neighbouring pair of a sort.
     */
    private int compare(Frame f, AbstractInsnNode insn, Num x, Num y, String zeroTie) {
        double xv = x.value();
        double yv = y.value();
        if (Double.isNaN(xv) || Double.isNaN(yv)) {
            throw unsupported(f, insn, "comparing a NaN at the example arguments (compare orders NaN by its bits)");
        }
        Num left = x.isConstant() ? y : x;                  // a guard's differentiated side for the tie's sign
        if (xv < yv) {
            guard(f, insn, x, y.operand(), yv, true, Guard.mask(-1));                         // x < y
            return -1;
        }
        if (xv > yv) {
            guard(f, insn, x, y.operand(), yv, false, Guard.mask(1));                         // x > y
            return 1;
        }
        if (xv == 0.0) {
            throw unsupported(f, insn, zeroTie);
        }
        guard(f, insn, x, y.operand(), yv, true, Guard.mask(0));                              // x == y
        bound(f, insn, left, 0.0, xv < 0, Guard.mask(xv > 0 ? 1 : -1));                      // the tie's sign
        return 0;
    }

    /**
     * {@code Arrays.sort} of a traced double or float array: orders the elements as the JDK does
     * at the example (by {@code Double.compare}; equal elements keep their order, which changes no
     * value) and records, for each neighbouring pair of the result, a guard that holds exactly
     * where the pair is in that order again ({@link #compare}): {@code x < y}, or {@code x == y}
     * for a tie (a kink, where the derivative of the order statistics is one of the one-sided ones,
     * as for max), with the tie's sign pinned too. A NaN among differentiated values (sorted by its
     * bits) and ties at zero (where the JDK orders −0.0 before 0.0, which comparisons cannot tell
     * apart) are refused at the example; a NaN or a zero tie at a later call fails a guard.
     */
    private void sort(Frame f, AbstractInsnNode insn, ArrayRef a, int from, int to) {
        Num[] part = new Num[to - from];
        boolean differentiated = false;
        boolean nan = false;
        for (int i = from; i < to; i++) {
            part[i - from] = (Num) a.elements[i];
            differentiated |= !part[i - from].isConstant();
            nan |= Double.isNaN(part[i - from].value());
        }
        if (differentiated && nan) {
            throw unsupported(f, insn, "sorting a NaN among differentiated values at the example arguments"
                    + " (its place depends on its bits)");
        }
        Num[] sorted = part.clone();
        Arrays.sort(sorted, (x, y) -> Double.compare(x.value(), y.value()));        // stable
        for (int k = 0; k + 1 < sorted.length; k++) {
            Num x = sorted[k];
            Num y = sorted[k + 1];
            if (!(x.isConstant() && y.isConstant())) {
                compare(f, insn, x, y, "sorting equal differentiated zeros at the example arguments"
                        + " (the JDK puts -0.0 first, which comparisons cannot see)");
            }
        }
        System.arraycopy(sorted, 0, a.elements, from, sorted.length);
    }

    private void checkRange(Frame f, AbstractInsnNode insn, int from, int to, int length) {
        if (from < 0 || to > length || from > to) {
            throw unsupported(f, insn, "range [" + from + ", " + to + ") out of bounds for length " + length
                    + " at the example arguments");
        }
    }

    private static Object narrowForStore(int op, ArrayRef a, Object value) {
        return switch (op) {
            case Opcodes.BASTORE -> a.kind == 'Z' ? (Integer) value & 1 : (int) (byte) (int) (Integer) value;
            case Opcodes.CASTORE -> (int) (char) (int) (Integer) value;
            case Opcodes.SASTORE -> (int) (short) (int) (Integer) value;
            default -> value;
        };
    }

    private static char arrayKind(int type) {
        return switch (type) {
            case Opcodes.T_DOUBLE -> 'D';
            case Opcodes.T_FLOAT -> 'F';
            case Opcodes.T_LONG -> 'J';
            case Opcodes.T_BOOLEAN -> 'Z';
            case Opcodes.T_BYTE -> 'B';
            case Opcodes.T_CHAR -> 'C';
            case Opcodes.T_SHORT -> 'S';
            default -> 'I';
        };
    }

    private ArrayRef newArray(Frame f, AbstractInsnNode insn, char kind, int length) {
        if (length < 0) {
            throw unsupported(f, insn, "negative array size " + length);
        }
        Object zero = switch (kind) {
            case 'D' -> Num.constant(0.0, false);
            case 'F' -> Num.constant(0.0, true);
            case 'J' -> 0L;
            case 'L' -> NULL;
            default -> 0;
        };
        Object[] e = new Object[length];
        java.util.Arrays.fill(e, zero);
        return new ArrayRef(kind, e);
    }

    private ArrayRef multiArray(Frame f, AbstractInsnNode insn, Type type, int[] dims, int level) {
        Type element = Type.getType(type.getDescriptor().substring(1));
        char kind = element.getSort() == Type.ARRAY || element.getSort() == Type.OBJECT ? 'L' : element.getDescriptor().charAt(0);
        ArrayRef a = newArray(f, insn, kind, dims[level]);
        if (level + 1 < dims.length) {
            for (int i = 0; i < a.elements.length; i++) {
                a.elements[i] = multiArray(f, insn, element, dims, level + 1);
            }
        }
        return a;
    }

    // ---------------------------------------------------------------- fields and calls

    private Object getStatic(Frame f, FieldInsnNode insn) {
        return concrete(Type.getType(insn.desc), finalFieldValue(f, insn, null,
                "reading a mutable static field is not supported (make it static final)"));
    }

    /**
     * The Java value of the final field {@code insn} names: static when {@code receiver} is null
     * (its class initialised first), else of {@code receiver}, an object that exists outside the
     * call. A field that is not final is refused with {@code mutableReason}.
     */
    private Object finalFieldValue(Frame f, FieldInsnNode insn, Object receiver, String mutableReason) {
        boolean isStatic = receiver == null;
        try {
            Field field = findField(Class.forName(insn.owner.replace('/', '.'), isStatic, loader), insn.name);
            if (field == null || Modifier.isStatic(field.getModifiers()) != isStatic) {
                throw unsupported(f, insn, "field not found");
            }
            if (!Modifier.isFinal(field.getModifiers())) {
                throw unsupported(f, insn, mutableReason);
            }
            field.setAccessible(true);
            return field.get(receiver);
        } catch (ClassNotFoundException | IllegalAccessException | RuntimeException e) {
            if (e instanceof UnsupportedBytecodeException u) {
                throw u;
            }
            throw unsupported(f, insn, "cannot read " + (isStatic ? "static field" : "field") + " (" + e + ")");
        }
    }

    private static Field findField(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Field field : k.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return field;
                }
            }
        }
        return null;
    }

    private void invokeStatic(Frame f, MethodInsnNode insn, int depth) {
        Object[] args = new Object[Type.getArgumentTypes(insn.desc).length];
        for (int i = args.length - 1; i >= 0; i--) {
            args[i] = f.pop();
        }
        invokeStatic(f, insn, args, depth);
    }

    private void invokeStatic(Frame f, MethodInsnNode insn, Object[] args, int depth) {
        Type[] params = Type.getArgumentTypes(insn.desc);
        Optional<Op> intrinsic = Intrinsics.lookup(insn.owner, insn.name, insn.desc);
        if (intrinsic.isPresent()) {
            boolean single = Type.getReturnType(insn.desc).getSort() == Type.FLOAT;
            // float StrictMath functions equal Math's, except copySign's reading of a NaN sign
            boolean strict = insn.owner.equals("java/lang/StrictMath") && (!single || intrinsic.get() == Op.COPY_SIGN);
            Num[] nums = new Num[args.length];
            for (int i = 0; i < args.length; i++) {
                nums[i] = (Num) args[i];
            }
            f.push(vertex(f, insn, intrinsic.get(), single, strict, nums));
            return;
        }
        boolean math = insn.owner.equals("java/lang/Math") || insn.owner.equals("java/lang/StrictMath");
        if (math && insn.name.equals("scalb") && (insn.desc.equals("(DI)D") || insn.desc.equals("(FI)F"))
                && !((Num) args[0]).isConstant()) {
            f.push(scalb(f, insn, (Num) args[0], intValue(f, args[1]), insn.desc.equals("(FI)F")));
            return;
        }
        if (math && insn.name.equals("clamp") && (insn.desc.equals("(DDD)D") || insn.desc.equals("(FFF)F"))
                && !(((Num) args[0]).isConstant() && ((Num) args[1]).isConstant() && ((Num) args[2]).isConstant())) {
            f.push(clamp(f, insn, (Num) args[0], (Num) args[1], (Num) args[2], insn.desc.equals("(FFF)F")));
            return;
        }
        if (math && (insn.desc.equals("(D)D") || insn.desc.equals("(F)F"))
                && (insn.name.equals("nextUp") || insn.name.equals("nextDown")) && !((Num) args[0]).isConstant()) {
            // nextUp(x) is nextAfter(x, +∞) and nextDown(x) nextAfter(x, −∞), as their Javadoc says
            double direction = insn.name.equals("nextUp") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            boolean single = insn.desc.equals("(F)F");
            f.push(vertex(f, insn, Op.NEXT_AFTER, single, false, (Num) args[0], Num.constant(direction, false)));
            return;
        }
        if (math && insn.desc.equals("(D)D") && (insn.name.equals("toRadians") || insn.name.equals("toDegrees"))) {
            // x times the JDK's own constant: Math.toRadians(x) is x * DEGREES_TO_RADIANS, and
            // Math.toRadians(1.0) that constant (TracerOpsTest checks the identity bit for bit)
            double factor = insn.name.equals("toRadians") ? Math.toRadians(1.0) : Math.toDegrees(1.0);
            f.push(vertex(f, insn, Op.MUL, false, (Num) args[0], Num.constant(factor, false)));
            return;
        }
        if (math && insn.name.equals("getExponent") && args[0] instanceof Num a && !a.isConstant()) {
            f.push(exponent(f, insn, a, insn.desc.equals("(F)I")));
            return;
        }
        if (math && insn.name.equals("round") && args[0] instanceof Num a && !a.isConstant()) {
            boolean toInt = insn.desc.equals("(F)I");
            long k = toInt ? Math.round((float) a.value()) : Math.round(a.value());
            pinInteger(f, insn, a, k, toInt, true);
            f.push(toInt ? (Object) (int) k : (Object) k);
            return;
        }
        if (insn.owner.equals("java/lang/Double") && insn.desc.equals("(D)Z") && args[0] instanceof Num a
                && !a.isConstant() && classify(f, insn, a, insn.name)) {
            return;
        }
        if (insn.name.equals("compare") && (insn.owner.equals("java/lang/Double") && insn.desc.equals("(DD)I")
                || insn.owner.equals("java/lang/Float") && insn.desc.equals("(FF)I"))
                && args[0] instanceof Num x && args[1] instanceof Num y && !(x.isConstant() && y.isConstant())) {
            f.push(compare(f, insn, x, y, "comparing equal zeros at the example arguments"
                    + " (compare puts -0.0 below 0.0, which comparisons cannot see)"));
            return;
        }
        if (arrayCall(f, insn, args)) {
            return;
        }
        if (insn.owner.equals("java/util/Objects") && insn.name.equals("requireNonNull") && args.length >= 1) {
            if (args[0] == NULL) {
                throw unsupported(f, insn, "null argument at the example arguments");
            }
            f.push(args[0]);
            return;
        }
        if (Intrinsics.isLibrary(insn.owner)) {
            pushResult(f, insn, callConcrete(f, insn, params, args));
            return;
        }
        for (String owner = insn.owner; owner != null; ) {
            ClassNode cn = classNode(owner);
            for (MethodNode m : cn.methods) {
                if (m.name.equals(insn.name) && m.desc.equals(insn.desc) && (m.access & Opcodes.ACC_STATIC) != 0) {
                    pushResult(f, insn, invoke(owner, m, args, depth + 1));
                    return;
                }
            }
            owner = cn.superName == null || Intrinsics.isLibrary(cn.superName) ? null : cn.superName;
        }
        throw unsupported(f, insn, "called static method not found");
    }

    private void pushResult(Frame f, MethodInsnNode insn, Object r) {
        if (Type.getReturnType(insn.desc).getSort() != Type.VOID) {
            f.push(r);
        }
    }

    /** A library call on concrete values only (e.g. {@code Math.max(int, int)}): evaluated now. */
    private Object callConcrete(Frame f, MethodInsnNode insn, Type[] params, Object[] args) {
        Object[] real = new Object[args.length];
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = javaClass(f, insn, params[i]);
            real[i] = unwrapConcrete(f, insn, params[i], args[i]);
        }
        try {
            Class<?> owner = Class.forName(insn.owner.replace('/', '.'), false, loader);
            Method m = owner.getMethod(insn.name, types);
            Object r = m.invoke(null, real);
            return Type.getReturnType(insn.desc).getSort() == Type.VOID ? VOID : concrete(Type.getReturnType(insn.desc), r);
        } catch (InvocationTargetException e) {
            throw unsupported(f, insn, "library call threw " + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw unsupported(f, insn, "library call is not supported (" + e + ")");
        }
    }

    private Object unwrapConcrete(Frame f, MethodInsnNode insn, Type t, Object v) {
        if (v instanceof Num n) {
            if (!n.isConstant()) {
                throw unsupported(f, insn, "library call on a differentiated value is not supported");
            }
            return t.getSort() == Type.FLOAT ? (Object) (float) n.value() : (Object) n.value();
        }
        if (v instanceof ArrayRef) {
            throw unsupported(f, insn, "library call with an array argument is not supported");
        }
        if (v == NULL) {
            return null;
        }
        if (v instanceof Comparison) {
            v = intValue(f, v);
        }
        return switch (t.getSort()) {
            case Type.BOOLEAN -> (Integer) v != 0;
            case Type.CHAR -> (char) (int) (Integer) v;
            case Type.BYTE -> (byte) (int) (Integer) v;
            case Type.SHORT -> (short) (int) (Integer) v;
            default -> v;
        };
    }

    private Class<?> javaClass(Frame f, MethodInsnNode insn, Type t) {
        return switch (t.getSort()) {
            case Type.BOOLEAN -> boolean.class;
            case Type.CHAR -> char.class;
            case Type.BYTE -> byte.class;
            case Type.SHORT -> short.class;
            case Type.INT -> int.class;
            case Type.LONG -> long.class;
            case Type.FLOAT -> float.class;
            case Type.DOUBLE -> double.class;
            default -> {
                try {
                    yield Class.forName(t.getSort() == Type.ARRAY ? t.getDescriptor().replace('/', '.') : t.getClassName(), false, loader);
                } catch (ClassNotFoundException e) {
                    throw unsupported(f, insn, "unknown parameter type " + t.getClassName());
                }
            }
        };
    }

    // ---------------------------------------------------------------- objects

    /**
     * {@code new C} of a user class: an {@link ObjectRef} whose fields are traced; its constructor
     * runs as an inlined call.
     */
    private ObjectRef newObject(Frame f, TypeInsnNode insn) {
        if (Intrinsics.isLibrary(insn.desc)) {
            throw unsupported(f, insn, "creating objects of library classes is not supported (objects of your own classes are)");
        }
        ClassNode cn = userClass(f, insn, insn.desc);
        if ((cn.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) != 0) {
            throw unsupported(f, insn, "cannot instantiate an abstract class or interface");
        }
        return new ObjectRef(insn.desc);
    }

    private ClassNode userClass(Frame f, AbstractInsnNode insn, String internalName) {
        try {
            return classNode(internalName);
        } catch (IllegalArgumentException e) {
            throw unsupported(f, insn, e.getMessage());
        }
    }

    /**
     * The field an instruction names, as the JVM resolves it: declared by {@code owner} or its
     * nearest superclass that declares it; {@code declaringClass.name}, or empty when no user class
     * on the way declares it.
     */
    private Optional<String> fieldKey(Frame f, FieldInsnNode insn) {
        for (String owner = insn.owner; owner != null && !Intrinsics.isLibrary(owner); ) {
            ClassNode cn = userClass(f, insn, owner);
            for (org.objectweb.asm.tree.FieldNode field : cn.fields) {
                if (field.name.equals(insn.name) && (field.access & Opcodes.ACC_STATIC) == 0) {
                    return Optional.of(owner + "." + insn.name);
                }
            }
            owner = cn.superName;
        }
        return Optional.empty();
    }

    private Object getField(Frame f, FieldInsnNode insn, Object receiver) {
        if (receiver instanceof ObjectRef o) {
            String key = fieldKey(f, insn).orElseThrow(() -> unsupported(f, insn, "field not found"));
            Object v = o.get(key);
            return v != null ? v : defaultValue(Type.getType(insn.desc));
        }
        if (receiver == NULL) {
            throw unsupported(f, insn, "field of a null reference at the example arguments");
        }
        if (!isOutsideObject(receiver)) {
            throw unsupported(f, insn, "field access on a value that is not an object");
        }
        // an object that exists outside the call (a static final field, an argument): final fields are constants
        Object value = finalFieldValue(f, insn, receiver, "reading a mutable field of an object created outside the "
                + "traced call is not supported (make the field final, or create the object inside)");
        if (argumentObjects.containsKey(receiver) && value != null) {
            if (value.getClass().isArray()) {
                throw unsupported(f, insn, "reading an array field of an object argument is not supported (its "
                        + "elements could change between calls unseen: pass the array as a parameter)");
            }
            argumentObjects.put(value, Boolean.TRUE);
        }
        return concrete(Type.getType(insn.desc), value);
    }

    /**
     * Whether {@code v} is a Java object that exists outside the call (from a static final field
     * or an argument), not a value of the tracing (a number, array, traced object, comparison or null).
     */
    private static boolean isOutsideObject(Object v) {
        return v != NULL && !(v instanceof Num || v instanceof ArrayRef || v instanceof ObjectRef || v instanceof Number
                || v instanceof Comparison || v instanceof LambdaRef);
    }

    private void putField(Frame f, FieldInsnNode insn, Object receiver, Object value) {
        if (!(receiver instanceof ObjectRef o)) {
            throw unsupported(f, insn, receiver == NULL ? "field of a null reference at the example arguments"
                    : "writing a field of an object created outside the traced call is not supported");
        }
        String key = fieldKey(f, insn).orElseThrow(() -> unsupported(f, insn, "field not found"));
        o.put(key, switch (insn.desc) {
            // the JVM narrows these on putfield
            case "Z" -> intValue(f, value) & 1;
            case "B" -> (int) (byte) intValue(f, value);
            case "C" -> (int) (char) intValue(f, value);
            case "S" -> (int) (short) intValue(f, value);
            case "I" -> intValue(f, value);
            default -> value;
        });
    }

    private static Object defaultValue(Type t) {
        return switch (t.getSort()) {
            case Type.DOUBLE -> Num.constant(0.0, false);
            case Type.FLOAT -> Num.constant(0.0f, true);
            case Type.LONG -> 0L;
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> 0;
            default -> NULL;
        };
    }

    /** Whether {@code ref} is an instance of the class or interface {@code type} (internal name). */
    private boolean instanceOf(Frame f, AbstractInsnNode insn, Object ref, String type) {
        if (ref == NULL) {
            return false;
        }
        if (ref instanceof ObjectRef o) {
            return isSubtype(f, insn, o.className, type);
        }
        if (ref instanceof LambdaRef l) {
            return isSubtype(f, insn, l.interfaceName(), type);
        }
        if (!isOutsideObject(ref)) {
            throw unsupported(f, insn, "a type test on an array or a number is not supported");
        }
        try {
            return Class.forName(Type.getObjectType(type).getClassName(), false, loader).isInstance(ref);
        } catch (ClassNotFoundException e) {
            throw unsupported(f, insn, "unknown class " + type);
        }
    }

    /** {@code checkcast} of an object: the cast the method makes must succeed at the example. */
    private void checkCast(Frame f, TypeInsnNode insn, Object ref) {
        boolean object = ref instanceof ObjectRef || ref instanceof LambdaRef || isOutsideObject(ref);
        if (object && !insn.desc.startsWith("[") && !instanceOf(f, insn, ref, insn.desc)) {
            throw unsupported(f, insn, "the cast fails at the example arguments (ClassCastException)");
        }
    }

    /**
     * {@code invokedynamic} of javac's pattern {@code switch} ({@code SwitchBootstraps.typeSwitch}
     * and {@code enumSwitch}, Java 21): on the concrete selector, the index of the first case
     * label from the restart index on that matches (a class or interface the selector is an
     * instance of, or an enum constant's name), -1 for {@code null}, the number of labels when
     * none does. Guards ({@code when}) restart the search from the next label, as javac's code
     * does.
     */
    private void invokeDynamic(Frame f, InvokeDynamicInsnNode insn) {
        String bootstrap = insn.bsm.getOwner() + "." + insn.bsm.getName();
        switch (bootstrap) {
            case "java/lang/runtime/SwitchBootstraps.typeSwitch", "java/lang/runtime/SwitchBootstraps.enumSwitch" ->
                    patternSwitch(f, insn);
            case "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory" ->
                    f.push(lambda(f, insn));
            default -> throw unsupported(f, insn, "unsupported instruction (string concatenation and other call sites"
                    + " than lambdas, method references and pattern switches are not traced)");
        }
    }

    private void patternSwitch(Frame f, InvokeDynamicInsnNode insn) {
        int restart = f.popInt();
        Object selector = f.pop();
        Object[] labels = insn.bsmArgs;
        int index = labels.length;
        if (selector == NULL) {
            index = -1;
        } else {
            for (int i = Math.max(restart, 0); i < labels.length && index == labels.length; i++) {
                if (caseMatches(f, insn, selector, labels[i])) {
                    index = i;
                }
            }
        }
        f.push(index);
    }

    /**
     * A lambda or method reference ({@code LambdaMetafactory}): the captured values and the method
     * it runs, as a {@link LambdaRef}. Only lambdas that pass values through unchanged are
     * supported: the metafactory's boxing and widening conversions ({@code Function<Double, Double>},
     * an {@code IntToDoubleFunction} of {@code Math::sqrt}) and constructor references are refused.
     */
    private LambdaRef lambda(Frame f, InvokeDynamicInsnNode insn) {
        Type[] capturedTypes = Type.getArgumentTypes(insn.desc);
        Object[] captured = new Object[capturedTypes.length];
        for (int i = captured.length - 1; i >= 0; i--) {
            captured[i] = f.pop();
        }
        Type functional = (Type) insn.bsmArgs[0];
        Handle impl = (Handle) insn.bsmArgs[1];
        Type instantiated = (Type) insn.bsmArgs[2];
        if (impl.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
            throw unsupported(f, insn, "constructor references (Type::new) are not supported");
        }
        List<Type> given = new ArrayList<>(List.of(capturedTypes));
        given.addAll(List.of(instantiated.getArgumentTypes()));
        List<Type> wanted = new ArrayList<>();
        if (impl.getTag() != Opcodes.H_INVOKESTATIC) {
            wanted.add(Type.getObjectType(impl.getOwner())); // the receiver
        }
        wanted.addAll(List.of(Type.getArgumentTypes(impl.getDesc())));
        boolean same = given.size() == wanted.size();
        for (int i = 0; same && i < given.size(); i++) {
            same = sameKind(given.get(i), wanted.get(i));
        }
        Type returned = instantiated.getReturnType();
        same &= returned.getSort() == Type.VOID || sameKind(returned, Type.getReturnType(impl.getDesc()));
        if (!same) {
            throw unsupported(f, insn, "a lambda or method reference that converts its arguments or result (boxing,"
                    + " widening) is not supported; use a primitive functional interface such as DoubleUnaryOperator");
        }
        return new LambdaRef(Type.getReturnType(insn.desc).getInternalName(), insn.name, functional.getDescriptor(), impl,
                java.util.Arrays.asList(captured));
    }

    /** The same primitive type, or both references. */
    private static boolean sameKind(Type a, Type b) {
        boolean refA = a.getSort() == Type.OBJECT || a.getSort() == Type.ARRAY;
        boolean refB = b.getSort() == Type.OBJECT || b.getSort() == Type.ARRAY;
        return refA ? refB : a.getSort() == b.getSort();
    }

    /**
     * A call of a lambda's functional method: its implementation runs with the captured values
     * and then the call's arguments ({@code args[0]} is the lambda). Errors at the call name the
     * line of the call.
     */
    private void callLambda(Frame f, MethodInsnNode insn, LambdaRef l, Object[] args, int depth) {
        Handle h = l.implementation();
        Object[] all = new Object[l.captured().size() + args.length - 1];
        for (int i = 0; i < l.captured().size(); i++) {
            all[i] = l.captured().get(i);
        }
        System.arraycopy(args, 1, all, l.captured().size(), args.length - 1);
        int opcode = switch (h.getTag()) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            case Opcodes.H_INVOKESPECIAL -> Opcodes.INVOKESPECIAL;
            default -> throw unsupported(f, insn, "a method reference of this kind is not supported");
        };
        MethodInsnNode call = new MethodInsnNode(opcode, h.getOwner(), h.getName(), h.getDesc(), h.isInterface());
        int line = line(f, insn);
        lines.get(f.method).put(call, line);
        if (opcode == Opcodes.INVOKESTATIC) {
            invokeStatic(f, call, all, depth);
        } else {
            invokeInstance(f, call, all, depth);
        }
        boolean discards = Type.getReturnType(l.methodDesc()).getSort() == Type.VOID
                && Type.getReturnType(h.getDesc()).getSort() != Type.VOID;
        if (discards) {
            f.pop(); // a functional method returning void drops the implementation's result
        }
    }

    private boolean caseMatches(Frame f, InvokeDynamicInsnNode insn, Object selector, Object label) {
        if (label instanceof Type type && type.getSort() == Type.OBJECT) {
            return instanceOf(f, insn, selector, type.getInternalName());
        }
        if (label instanceof String name && selector instanceof Enum<?> e) {
            return e.name().equals(name);
        }
        if (label instanceof String text && selector instanceof String s) {
            return s.equals(text);
        }
        throw unsupported(f, insn, "a case label of this kind (" + label + ") is not supported in a pattern switch");
    }

    /** Whether user class {@code c} is {@code target} or extends or implements it. */
    private boolean isSubtype(Frame f, AbstractInsnNode insn, String c, String target) {
        if (c.equals(target) || target.equals("java/lang/Object")) {
            return true;
        }
        if (Intrinsics.isLibrary(c)) {
            return false; // a library supertype other than the target: its own supertypes are not followed
        }
        ClassNode cn = userClass(f, insn, c);
        if (cn.superName != null && isSubtype(f, insn, cn.superName, target)) {
            return true;
        }
        for (String i : cn.interfaces) {
            if (isSubtype(f, insn, i, target)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code invokevirtual}, {@code invokeinterface}, {@code invokespecial}: methods of user classes
     * are inlined, resolved on the receiver's class as the JVM does (constructors and
     * {@code super}/private calls on the named class); {@code Object}'s and {@code Record}'s
     * constructors do nothing.
     */
    private void invokeInstance(Frame f, MethodInsnNode insn, int depth) {
        Object[] args = new Object[Type.getArgumentTypes(insn.desc).length + 1];
        for (int i = args.length - 1; i >= 0; i--) {
            args[i] = f.pop();
        }
        invokeInstance(f, insn, args, depth);
    }

    /** An instance call; {@code args[0]} is the receiver. */
    private void invokeInstance(Frame f, MethodInsnNode insn, Object[] args, int depth) {
        Object receiver = args[0];
        if (insn.getOpcode() == Opcodes.INVOKEVIRTUAL && insn.owner.startsWith("[") && insn.name.equals("clone")
                && insn.desc.equals("()Ljava/lang/Object;")) {
            f.push(array(f, insn, receiver).copy());
            return;
        }
        if (receiver == NULL) {
            throw unsupported(f, insn, "method call on a null reference at the example arguments");
        }
        if (insn.getOpcode() == Opcodes.INVOKESPECIAL && insn.name.equals("<init>") && insn.desc.equals("()V")
                && (insn.owner.equals("java/lang/Object") || insn.owner.equals("java/lang/Record"))) {
            return;
        }
        if (receiver instanceof Enum<?> e && insn.name.equals("ordinal") && insn.desc.equals("()I")) {
            f.push(e.ordinal()); // an enum switch
            return;
        }
        if (receiver instanceof LambdaRef l && insn.name.equals(l.methodName()) && insn.desc.equals(l.methodDesc())) {
            callLambda(f, insn, l, args, depth);
            return;
        }
        String runtimeClass;
        if (receiver instanceof ObjectRef o) {
            runtimeClass = o.className;
        } else if (receiver instanceof LambdaRef l && !Intrinsics.isLibrary(l.interfaceName())) {
            runtimeClass = l.interfaceName(); // a default method of your functional interface
        } else if (isOutsideObject(receiver) && receiver.getClass().isHidden()) {
            throw unsupported(f, insn, "a lambda created outside the traced call (in a static final field or passed as"
                    + " an argument) cannot be traced: create it inside the method");
        } else if (isOutsideObject(receiver) && !Intrinsics.isLibrary(Type.getInternalName(receiver.getClass()))) {
            runtimeClass = Type.getInternalName(receiver.getClass());
        } else {
            throw unsupported(f, insn, "instance method calls on library objects are not supported (methods of your own "
                    + "classes are)");
        }
        String[] owner = new String[1];
        MethodNode m = insn.getOpcode() == Opcodes.INVOKESPECIAL
                ? findInClasses(f, insn, insn.owner, owner)
                : findVirtual(f, insn, runtimeClass, owner);
        if (m == null) {
            throw unsupported(f, insn, "instance method not found in user code (methods of library classes, such as "
                    + "Object's, are not supported)");
        }
        pushResult(f, insn, invoke(owner[0], m, args, depth + 1));
    }

    /**
     * Virtual dispatch on {@code runtimeClass}: a private method of the named class, else the
     * first implementation up the superclasses, else a default method of an interface.
     */
    private MethodNode findVirtual(Frame f, MethodInsnNode insn, String runtimeClass, String[] owner) {
        if (!Intrinsics.isLibrary(insn.owner)) {
            MethodNode own = declared(userClass(f, insn, insn.owner), insn);
            if (own != null && (own.access & Opcodes.ACC_PRIVATE) != 0) {
                owner[0] = insn.owner;
                return own;
            }
        }
        MethodNode m = findInClasses(f, insn, runtimeClass, owner);
        if (m != null) {
            return m;
        }
        for (String c = runtimeClass; c != null && !Intrinsics.isLibrary(c); ) {
            ClassNode cn = userClass(f, insn, c);
            for (String i : cn.interfaces) {
                m = findDefault(f, insn, i, owner);
                if (m != null) {
                    return m;
                }
            }
            c = cn.superName;
        }
        return null;
    }

    /** The first non-abstract declaration from user class {@code start} up its superclasses. */
    private MethodNode findInClasses(Frame f, MethodInsnNode insn, String start, String[] owner) {
        for (String c = start; c != null && !Intrinsics.isLibrary(c); ) {
            ClassNode cn = userClass(f, insn, c);
            MethodNode m = declared(cn, insn);
            if (m != null && (m.access & Opcodes.ACC_ABSTRACT) == 0) {
                owner[0] = c;
                return m;
            }
            c = cn.superName;
        }
        return null;
    }

    private MethodNode findDefault(Frame f, MethodInsnNode insn, String iface, String[] owner) {
        if (Intrinsics.isLibrary(iface)) {
            return null;
        }
        ClassNode cn = userClass(f, insn, iface);
        MethodNode m = declared(cn, insn);
        if (m != null && (m.access & Opcodes.ACC_ABSTRACT) == 0) {
            owner[0] = iface;
            return m;
        }
        for (String sup : cn.interfaces) {
            m = findDefault(f, insn, sup, owner);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static MethodNode declared(ClassNode cn, MethodInsnNode insn) {
        for (MethodNode m : cn.methods) {
            if (m.name.equals(insn.name) && m.desc.equals(insn.desc) && (m.access & Opcodes.ACC_STATIC) == 0) {
                return m;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- errors

    private int line(Frame f, AbstractInsnNode insn) {
        Map<AbstractInsnNode, Integer> map = lines.computeIfAbsent(f.method, m -> {
            Map<AbstractInsnNode, Integer> result = new IdentityHashMap<>();
            int current = -1;
            Map<LabelNode, Integer> labelLines = new IdentityHashMap<>();
            for (AbstractInsnNode n : m.instructions) {
                if (n instanceof LineNumberNode ln) {
                    labelLines.put(ln.start, ln.line);
                }
            }
            for (AbstractInsnNode n : m.instructions) {
                if (n instanceof LabelNode label && labelLines.containsKey(label)) {
                    current = labelLines.get(label);
                }
                result.put(n, current);
            }
            return result;
        });
        return insn == null ? -1 : map.getOrDefault(insn, -1);
    }

    private UnsupportedBytecodeException unsupported(Frame f, AbstractInsnNode insn, String reason) {
        return new UnsupportedBytecodeException(describe(insn), f.id, line(f, insn), reason);
    }

    private static String describe(AbstractInsnNode insn) {
        if (insn == null) {
            return "(end of method)";
        }
        String name = insn.getOpcode() >= 0 ? Printer.OPCODES[insn.getOpcode()] : "?";
        if (insn instanceof MethodInsnNode m) {
            return name + " " + m.owner + "." + m.name + m.desc;
        }
        if (insn instanceof FieldInsnNode fi) {
            return name + " " + fi.owner + "." + fi.name + " : " + fi.desc;
        }
        if (insn instanceof TypeInsnNode t) {
            return name + " " + t.desc;
        }
        if (insn instanceof LdcInsnNode l) {
            return name + " " + l.cst;
        }
        return name;
    }
}
