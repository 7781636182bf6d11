package io.clearname.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * java.util.logging for the runnables: one line per record on stderr, Kafka at WARNING. SLF4J (Kafka, zonky,
 * GreenMail) reaches it through slf4j-jdk14. A {@code -Djava.util.logging.config.file} given on the command line wins.
 */
final class ConsoleLogging {
    private ConsoleLogging() {}

    static void install() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        try (InputStream config = ConsoleLogging.class.getResourceAsStream("local-stack-logging.properties")) {
            if (config != null) {
                LogManager.getLogManager().readConfiguration(config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 12:00:01.234 WARNING [BrokerServer] message}. */
    public static final class OneLineFormatter extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

        @Override
        public String format(LogRecord record) {
            String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
            StringBuilder line = new StringBuilder()
                    .append(TIME.format(LocalTime.ofInstant(record.getInstant(), ZoneId.systemDefault())))
                    .append(' ')
                    .append(record.getLevel().getName())
                    .append(" [")
                    .append(logger.substring(logger.lastIndexOf('.') + 1))
                    .append("] ")
                    .append(formatMessage(record))
                    .append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
