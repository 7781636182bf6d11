package io.clearname.kit.pii;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The second line of defence against personal data in logs: masks ID numbers, phone numbers and emails in every log
 * line, the messages of a logged exception and its causes included. Enabled for the console by service-kit's
 * {@code META-INF/microprofile-config.properties} ({@code quarkus.log.console.filter=pii-mask}); the first line of
 * defence is code that never logs such values.
 */
@LoggingFilter(name = "pii-mask")
public final class PiiLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (PiiMasking.containsPii(message)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(PiiMasking.mask(message), ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            } else {
                record.setMessage(PiiMasking.mask(message));
                record.setParameters(null);
            }
        }
        if (record.getThrown() != null && mentionsPii(record.getThrown())) {
            record.setThrown(MaskedThrowable.of(record.getThrown()));
        }
        return true;
    }

    private static boolean mentionsPii(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (PiiMasking.containsPii(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** A stand-in for a logged exception: same class name, stack and causes, masked messages. */
    static final class MaskedThrowable extends Throwable {

        private final String className;

        private MaskedThrowable(String className, String message, MaskedThrowable cause) {
            super(message, cause, false, true);
            this.className = className;
        }

        static MaskedThrowable of(Throwable original) {
            return of(original, 0);
        }

        private static MaskedThrowable of(Throwable original, int depth) {
            MaskedThrowable cause = null;
            if (original.getCause() != null && original.getCause() != original && depth < 20) {
                cause = of(original.getCause(), depth + 1);
            }
            var masked =
                    new MaskedThrowable(original.getClass().getName(), PiiMasking.mask(original.getMessage()), cause);
            masked.setStackTrace(original.getStackTrace());
            return masked;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? className : className + ": " + message;
        }
    }
}
