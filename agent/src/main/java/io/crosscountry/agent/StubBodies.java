package io.crosscountry.agent;

import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.implementation.bytecode.ByteCodeAppender;
import net.bytebuddy.implementation.bytecode.member.MethodVariableAccess;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The bodies that replace a {@code @JacobianOf} stub's. Neither adds members to the class, so they
 * can be applied while a class loads ({@link JacobianAgent}) or at build time ({@link JacobianPlugin}).
 */
final class StubBodies {

    private StubBodies() {
    }

    /** {@code return JacobianStubs.jacobian(Owner.class, "stub(descriptor)", new Object[] {args...});} */
    static Implementation callRuntime(Stub stub) {
        try {
            return MethodCall.invoke(JacobianStubs.class.getMethod("jacobian", Class.class, String.class, Object[].class))
                    .withOwnType().with(stub.key()).withArgumentArray();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code return Entry.jacobian(args...);} for the generated class {@code entryInternalName}. */
    static Implementation callEntry(Stub stub, String entryInternalName) {
        return new Implementation.Simple((ByteCodeAppender) (mv, context, method) -> {
            int stack = MethodVariableAccess.allArgumentsOf(method).apply(mv, context).getMaximalSize();
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, entryInternalName, EntryWriter.METHOD, stub.method().getDescriptor(),
                    false);
            mv.visitInsn(Opcodes.ARETURN);
            return new ByteCodeAppender.Size(Math.max(stack, 1), method.getStackSize());
        });
    }
}
