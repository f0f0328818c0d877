package io.crosscountry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code crosscountry} command line: {@code tasks}, {@code count}, {@code graph} and
 * {@code bench}. Every command with {@code --json} prints one JSON object on stdout.
 */
@Command(name = "crosscountry", mixinStandardHelpOptions = true, version = "crosscountry 0.1.0",
        description = "Exact Jacobians of JVM methods by optimised vertex elimination.",
        subcommands = {TasksCommand.class, CountCommand.class, GraphCommand.class, OptimizeCommand.class, BoundCommand.class, BenchCommand.class, TrainCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code: 0 success, 1 error, 2 usage error. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured picocli command line (tests redirect its output streams). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
