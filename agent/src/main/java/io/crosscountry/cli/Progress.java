package io.crosscountry.cli;

import java.io.PrintWriter;

/**
 * A one-line progress display on stderr for long commands: rewritten in place on a terminal, one
 * line per step otherwise (so logs stay readable); stdout stays clean for {@code --json}.
 */
final class Progress {

    private final PrintWriter err;
    private final int total;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private int done;

    Progress(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
        this.terminal = System.console() != null;
    }

    void step(String what) {
        done++;
        String line = String.format("[%d/%d] %s (%.1f s)", done, total, what, (System.nanoTime() - start) / 1e9);
        if (terminal) {
            err.printf("\r%-60s", line);
        } else {
            err.println(line);
        }
        err.flush();
    }

    void done() {
        if (terminal) {
            err.printf("\r%-60s\r", "");
            err.flush();
        }
    }
}
