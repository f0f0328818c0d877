package io.crosscountry.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/** Reads generated class files back: verification, code sizes, instruction counts. */
final class ClassFiles {

    private ClassFiles() {
    }

    /** Runs ASM's verifier ({@code CheckClassAdapter.verify}) on every class; fails on any problem. */
    static void verify(CompiledPath path) {
        for (byte[] bytes : path.classFiles()) {
            StringWriter out = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(bytes), ClassFiles.class.getClassLoader(), false, new PrintWriter(out));
            assertEquals("", out.toString(), "verifier output");
        }
    }

    /** The {@code opcode} instructions in methods whose name starts with {@code prefix}. */
    static long count(CompiledPath path, String prefix, int opcode) {
        return count(path, prefix, insn -> insn.getOpcode() == opcode);
    }

    /** The calls of {@code owner.name} (an internal class name, e.g. {@code java/lang/Math}) in all methods. */
    static long calls(CompiledPath path, String owner, String name) {
        return count(path, "", insn -> insn instanceof MethodInsnNode call && call.owner.equals(owner)
                && call.name.equals(name));
    }

    /** The instructions matching {@code match} in methods whose name starts with {@code prefix}. */
    private static long count(CompiledPath path, String prefix, Predicate<AbstractInsnNode> match) {
        long n = 0;
        for (MethodNode m : methods(path)) {
            if (m.name.startsWith(prefix)) {
                for (AbstractInsnNode insn : m.instructions) {
                    if (match.test(insn)) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** Every method of every generated class. */
    private static List<MethodNode> methods(CompiledPath path) {
        List<MethodNode> all = new ArrayList<>();
        for (byte[] bytes : path.classFiles()) {
            ClassNode cn = new ClassNode();
            new ClassReader(bytes).accept(cn, 0);
            all.addAll(cn.methods);
        }
        return all;
    }

    /**
     * The {@code dmul}s of the elimination: all in {@code elim…} methods, and those after the
     * fused chunk's boundary (its only {@code ifeq}) in {@code fused…} methods.
     */
    static long eliminationDmuls(CompiledPath path) {
        long n = count(path, "elim", Opcodes.DMUL);
        for (MethodNode m : methods(path)) {
            if (m.name.startsWith("fused")) {
                boolean after = false;
                for (AbstractInsnNode insn : m.instructions) {
                    after |= insn.getOpcode() == Opcodes.IFEQ;
                    if (after && insn.getOpcode() == Opcodes.DMUL) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** Every method's bytecode length, read from its Code attribute. */
    static Map<String, Integer> codeLengths(byte[] bytes) {
        return CodeLengths.of(new ClassReader(bytes));
    }

    /** Asserts every generated method is at most {@code limit} bytes; returns the largest. */
    static int assertMethodsAtMost(CompiledPath path, int limit) {
        int largest = 0;
        for (byte[] bytes : path.classFiles()) {
            for (Map.Entry<String, Integer> e : codeLengths(bytes).entrySet()) {
                assertTrue(e.getValue() <= limit, e.getKey() + " has " + e.getValue() + " bytes of bytecode");
                largest = Math.max(largest, e.getValue());
            }
            assertTrue(new ClassReader(bytes).getItemCount() < 65_535, "constant pool too large");
        }
        return largest;
    }
}
