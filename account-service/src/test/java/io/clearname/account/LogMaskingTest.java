package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.LogManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** The running service masks ID numbers, phones and emails in its console log lines (service-kit's filter). */
@QuarkusTest
class LogMaskingTest {

    @Test
    void consoleHandlerMasksPersonalDataInLogLines() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.log.console.filter", String.class))
                .isEqualTo("pii-mask");
        var filters = Arrays.stream(LogManager.getLogManager().getLogger("").getHandlers())
                .flatMap(LogMaskingTest::withNested)
                .map(java.util.logging.Handler::getFilter)
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(filters).isNotEmpty();

        var record = new ExtLogRecord(Level.INFO, "id 11010519491231002X", LogMaskingTest.class.getName());
        filters.forEach(f -> f.isLoggable(record));

        assertThat(record.getFormattedMessage()).isEqualTo("id 110***********002X");
    }

    private static java.util.stream.Stream<java.util.logging.Handler> withNested(java.util.logging.Handler handler) {
        if (handler instanceof org.jboss.logmanager.ExtHandler ext && ext.getHandlers().length > 0) {
            return java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(handler),
                    Arrays.stream(ext.getHandlers()).flatMap(LogMaskingTest::withNested));
        }
        return java.util.stream.Stream.of(handler);
    }
}
