package io.clearname.local;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/**
 * How the runnables of this module ({@link LocalStackCli}, {@link TokenCli}, {@link DemoCli}) read their command lines,
 * with picocli. Each is a {@code @Command} class that
 *
 * <ul>
 *   <li>mixes in {@link HelpOption} and, where it needs the state directory, {@link StateOption};
 *   <li>implements {@code Callable<Integer>} returning its exit code (or has {@code @Command} methods as subcommands),
 *       and reports a bad argument value found there with {@link #badArgument};
 *   <li>has {@code public static void main(String[] args) { Cli.main(new ThisCli(), args); }}.
 * </ul>
 *
 * <p>Alike for all of them: {@code -h}/{@code --help} prints the usage on stdout, exit code 0; a bad argument prints
 * what is wrong and the usage on stderr, exit code 2; an exception from the command prints its stack trace on stderr,
 * exit code 1. Never ANSI colours: the launcher reads and relays this output.
 */
final class Cli {
    private Cli() {}

    /** Runs {@code command} with the JVM's standard streams and exits the JVM with its exit code. */
    static void main(Object command, String[] args) {
        ConsoleLogging.install();
        System.exit(run(command, args, System.out, System.err));
    }

    /** Runs {@code command}, writing to {@code out} and {@code err}; returns its exit code. */
    static int run(Object command, String[] args, PrintStream out, PrintStream err) {
        return commandLine(command, out, err).execute(args);
    }

    /** The picocli command line of {@code command}, set up as every runnable of this module is. */
    static CommandLine commandLine(Object command, PrintStream out, PrintStream err) {
        return new CommandLine(command)
                // Arguments are taken literally: an account id starting with @ is not a file to read arguments from.
                .setExpandAtFiles(false)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF))
                .setParameterExceptionHandler(Cli::reportBadArguments);
    }

    /** A bad argument that the command found after parsing (a value out of range, say): exit code 2 with usage. */
    static ParameterException badArgument(CommandLine commandLine, String message) {
        return new ParameterException(commandLine, message);
    }

    /**
     * What is wrong, then the usage, always: picocli's default handler shows spelling suggestions instead of the usage
     * for an unknown option.
     */
    private static int reportBadArguments(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(e.getMessage());
        commandLine.usage(err);
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** {@code -h}, {@code --help}. */
    static final class HelpOption {
        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                scope = ScopeType.INHERIT,
                description = "Print this help and exit.")
        boolean help;
    }

    /** {@code --state DIR}: where the local stack keeps everything; the runnables that work with it share it. */
    static final class StateOption {
        @Option(
                names = "--state",
                paramLabel = "DIR",
                defaultValue = ".clearname",
                scope = ScopeType.INHERIT,
                description = "The state directory: databases, broker logs, JWT keys, stack.env (default: "
                        + "${DEFAULT-VALUE}). Keep it outside target/ so that mvn clean keeps it.")
        private Path dir;

        /** The directory as given, or the default. */
        Path dir() {
            return dir;
        }
    }

    /** A TCP port, 0 to 65535 (0: a free one). */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("needs a port number (0-65535), not " + value);
        }
    }
}
