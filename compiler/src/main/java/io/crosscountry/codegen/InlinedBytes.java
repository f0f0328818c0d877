package io.crosscountry.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * An estimate of the bytecode C2 adds to a chunk method's compilation when it inlines a call.
 *
 * <p>HotSpot stops inlining into a compilation once the root method's bytecode plus everything
 * inlined so far reaches {@code DesiredMethodLimit} (8,000 bytes). A chunk of 7,500 bytes therefore
 * keeps its calls to small helpers ({@code Math.atan2}, {@code MathX.atanh}, {@link Derivatives})
 * as real calls ({@code -XX:+PrintInlining}: "size &gt; DesiredMethodLimit"), each of which makes
 * C2 spill every live double around it: task g's min-Markowitz Jacobian, one 7,525-byte chunk,
 * measured 1.39–1.92 µs against 1.12–1.67 µs cut this way (each pair in one JVM, three JVMs).
 * So chunks are cut by their own bytes plus the bytes their calls inline, estimated here from the
 * callees' class files: a callee's code length plus, recursively, that of the static methods it
 * calls; natives count 0, and so does a callee over {@value #INLINE_LIMIT} bytes (C2's
 * {@code FreqInlineSize}: it is not inlined). The {@code Math} methods in {@link #INTRINSICS}
 * count 0 too: C2 replaces their calls by its own code or a stub call and compiles none of their
 * bytecode. That matters since JDK 21, where {@code StrictMath}'s functions, which {@code Math.sin}
 * and the others delegate to, are Java code (on JDK 25 {@code Math.sin}'s bytecode and callees
 * come to 889 bytes; on JDK 17 to 5, ending in a native). Other intrinsics are counted like
 * ordinary methods. A callee whose class file cannot be read counts {@value #UNKNOWN} bytes.
 */
final class InlinedBytes {

    /** C2 does not inline hot callees larger than this ({@code -XX:FreqInlineSize} default). */
    static final int INLINE_LIMIT = 325;
    /** The estimate for a callee whose class file cannot be read. */
    static final int UNKNOWN = 64;
    /**
     * {@code java.lang.Math} methods that C2 intrinsifies on x86-64 (HotSpot's {@code vmIntrinsics}
     * {@code _dsin}, {@code _dcos}, {@code _dtan}, {@code _dlog}, {@code _dlog10}, {@code _dexp},
     * {@code _dpow}, {@code _dsqrt}, {@code _dabs}, {@code _fmaD}, {@code _maxD}, {@code _minD});
     * no bytecode of theirs is inlined. Where one is not intrinsified (another platform, or
     * {@code -XX:-UseLibmIntrinsic}), a chunk may pass the inlining budget: slower, never wrong.
     */
    static final Set<String> INTRINSICS = Set.of("sin(D)D", "cos(D)D", "tan(D)D", "log(D)D", "log10(D)D",
            "exp(D)D", "pow(DD)D", "sqrt(D)D", "abs(D)D", "fma(DDD)D", "max(DD)D", "min(DD)D").stream()
            .map(m -> "java/lang/Math." + m).collect(Collectors.toUnmodifiableSet());
    /** How deep calls are followed (C2 goes deeper, but the helpers used here are shallow). */
    private static final int MAX_DEPTH = 4;

    /** A method's code length and the static methods it calls. */
    private record Body(int codeLength, List<String> staticCallees) {
    }

    /** The methods of each class read so far, by owner (empty for a class that cannot be read). */
    private static final Map<String, Map<String, Body>> CLASSES = new ConcurrentHashMap<>();
    private static final Map<String, Integer> ESTIMATES = new ConcurrentHashMap<>();

    private InlinedBytes() {
    }

    /** The estimated bytes inlined for a call of static {@code owner.name descriptor}. */
    static int of(String owner, String name, String descriptor) {
        return estimate(key(owner, name, descriptor), 0);
    }

    /** {@link #of} for a call expression. */
    static int of(Expr.Call call) {
        return of(call.owner(), call.name(), call.descriptor());
    }

    private static String key(String owner, String name, String descriptor) {
        return owner + '.' + name + descriptor;
    }

    private static int estimate(String method, int depth) {
        if (INTRINSICS.contains(method)) {
            return 0;
        }
        Integer known = ESTIMATES.get(method);
        if (known != null) {
            return known;
        }
        Body body = body(method);
        int bytes;
        if (body == null) {
            bytes = UNKNOWN;
        } else if (body.codeLength() > INLINE_LIMIT) {
            bytes = 0;
        } else {
            bytes = body.codeLength();
            if (depth < MAX_DEPTH) {
                for (String callee : body.staticCallees()) {
                    bytes += callee.equals(method) ? 0 : estimate(callee, depth + 1);
                }
            }
        }
        if (depth == 0) {
            ESTIMATES.put(method, bytes);
        }
        return bytes;
    }

    /** The method's body, or null when its class file or the method cannot be found. */
    private static Body body(String method) {
        String owner = method.substring(0, method.indexOf('.'));
        return CLASSES.computeIfAbsent(owner, InlinedBytes::read).get(method);
    }

    /** Every method of {@code owner}'s class file, by key (empty when it cannot be read). */
    private static Map<String, Body> read(String owner) {
        ClassLoader loader = InlinedBytes.class.getClassLoader();
        String resource = owner + ".class";
        try (InputStream in = loader != null ? loader.getResourceAsStream(resource)
                : ClassLoader.getSystemResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            ClassReader reader = new ClassReader(in);
            Map<String, Integer> lengths = CodeLengths.of(reader);
            Map<String, Body> bodies = new HashMap<>();
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    String key = key(owner, name, descriptor);
                    List<String> callees = new ArrayList<>();
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String calleeOwner, String calleeName,
                                                    String calleeDescriptor, boolean isInterface) {
                            if (opcode == Opcodes.INVOKESTATIC) {
                                callees.add(key(calleeOwner, calleeName, calleeDescriptor));
                            }
                        }

                        @Override
                        public void visitEnd() {
                            bodies.put(key, new Body(lengths.getOrDefault(name + descriptor, 0), List.copyOf(callees)));
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return bodies;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }
}
