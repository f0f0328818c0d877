package io.crosscountry.samples.bench;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The JIT compilers' work in progress, read like {@code jcmd <pid> Compiler.queue} through the
 * platform's {@code DiagnosticCommand} MBean: compilations running and queued. A warm-up that ends
 * while a compilation of the measured code is queued would measure interpreted or C1 code; on a
 * loaded machine the single C2 thread can lag the request by seconds. (The JVM's total compilation
 * time only grows when a compilation finishes, so it cannot tell a queued one.)
 */
final class JitQueue {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    private static final ObjectName COMMANDS = commands();

    private JitQueue() {
    }

    /** Compilations running or queued, or −1 when the JVM cannot tell. */
    static int pending() {
        if (COMMANDS == null) {
            return -1;
        }
        try {
            String queue = (String) SERVER.invoke(COMMANDS, "compilerQueue", new Object[] {null},
                    new String[] {String[].class.getName()});
            return (int) queue.lines().filter(l -> l.contains("::")).count();
        } catch (JMException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether nothing is being compiled or queued (also when the JVM cannot tell). */
    static boolean idle() {
        return pending() <= 0;
    }

    /**
     * Sleeps (leaving the CPU to the compiler threads) until the JIT is idle or {@code maxNanos} have
     * passed.
     *
     * @return whether it became idle
     */
    static boolean awaitIdle(long maxNanos) {
        long start = System.nanoTime();
        while (!idle()) {
            if (System.nanoTime() - start >= maxNanos) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static ObjectName commands() {
        try {
            ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
            return SERVER.isRegistered(name) ? name : null;
        } catch (JMException | RuntimeException e) {
            return null;
        }
    }
}
