package io.clearname.local;

import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The runnable jar's {@code main}: runs a {@link LocalStack} until SIGTERM or SIGINT, for {@code ./clearname up}.
 *
 * <pre>
 * java -jar deploy/local/target/local-stack-runner.jar [--state DIR] [--kafka-port 9092] [--db-port 15432]
 *     [--smtp-port 2525] [--mail-port 8025] [--sms-port 8089]
 * </pre>
 *
 * Exit code 2 for bad arguments (see {@link Cli}), 1 when a part fails to start.
 */
@Command(
        name = "java -jar local-stack-runner.jar",
        sortOptions = false,
        sortSynopsis = false,
        description = "Runs the embedded stack (PostgreSQL, Kafka, SMTP, the SMS gateway stand-in, JWT keys) until"
                + " SIGTERM or SIGINT. A port 0 picks a free port; stack.env has the ports in use.")
public final class LocalStackCli implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(LocalStackCli.class.getName());

    @Mixin
    private Cli.StateOption state;

    @Option(
            names = "--kafka-port",
            paramLabel = "PORT",
            defaultValue = "9092",
            converter = Cli.Port.class,
            description = "Kafka PLAINTEXT on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(
            names = "--db-port",
            paramLabel = "PORT",
            defaultValue = "15432",
            converter = Cli.Port.class,
            description = "PostgreSQL (default: ${DEFAULT-VALUE}).")
    private int dbPort;

    @Option(
            names = "--smtp-port",
            paramLabel = "PORT",
            defaultValue = "2525",
            converter = Cli.Port.class,
            description = "SMTP (default: ${DEFAULT-VALUE}).")
    private int smtpPort;

    @Option(
            names = "--mail-port",
            paramLabel = "PORT",
            defaultValue = "8025",
            converter = Cli.Port.class,
            description = "Mailbox inspection, GET /messages (default: ${DEFAULT-VALUE}).")
    private int mailPort;

    @Option(
            names = "--sms-port",
            paramLabel = "PORT",
            defaultValue = "8089",
            converter = Cli.Port.class,
            description = "SMS gateway stand-in (default: ${DEFAULT-VALUE}).")
    private int smsPort;

    @Mixin
    private Cli.HelpOption help;

    /**
     * Runs the stack until the JVM is asked to stop.
     *
     * @param args see {@link LocalStackCli}
     */
    public static void main(String[] args) {
        Cli.main(new LocalStackCli(), args);
    }

    /** The options {@code args} give, without running anything; a {@link CommandLine.ParameterException} if bad. */
    static LocalStack.Options parse(String... args) {
        LocalStackCli cli = new LocalStackCli();
        new CommandLine(cli).parseArgs(args);
        return cli.options();
    }

    private LocalStack.Options options() {
        return new LocalStack.Options(state.dir(), kafkaPort, dbPort, smtpPort, mailPort, smsPort);
    }

    @Override
    public Integer call() {
        LocalStack stack = new LocalStack(options(), System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "clearname-stack-shutdown"));
        try {
            stack.start();
        } catch (LocalStack.AlreadyRunningException e) {
            System.out.println("clearname stack not started: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the stack failed to start", e);
            System.out.println("clearname stack failed to start: " + e.getMessage());
            return 1;
        }
        stack.awaitStopped();
        return 0;
    }
}
