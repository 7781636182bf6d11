package io.clearname.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends emails through the SMTP server with a stable {@code Message-ID}. An SMTP reply decides: 4xx is transient, 5xx
 * (mailbox unavailable, relaying denied, authentication failed) permanent; so is an address the mailer cannot use. A
 * connection that could not be made is transient.
 *
 * <p>Anything else, above all a server that does not answer within {@code quarkus.mailer.timeout}, is {@link
 * SendResult.Unknown}: the mail client does not say how far the transaction got, so the mail may already be with the
 * server. The transaction is not abandoned when this sender stops waiting: Vert.x's mail client goes on waiting for the
 * server's reply on its connection, and {@link SendResult.Unknown#late()} completes with it, so that a reply after a
 * stall settles the notice without a second mail. (The blocking {@code Mailer} would drop that reply: its timeout only
 * bounds the wait.)
 */
@ApplicationScoped
public class EmailSender {

    private final ReactiveMailer mailer;
    private final Duration timeout;

    public EmailSender(ReactiveMailer mailer, @ConfigProperty(name = "quarkus.mailer.timeout") Duration timeout) {
        this.mailer = mailer;
        this.timeout = timeout;
    }

    public SendResult send(Dispatch dispatch) {
        Mail mail = Mail.withText(
                        dispatch.to(),
                        dispatch.email().subject(),
                        dispatch.email().body())
                .addHeader("Message-ID", dispatch.idempotencyKey());
        CompletableFuture<SendResult> answer;
        try {
            answer = mailer.send(mail)
                    .subscribeAsCompletionStage()
                    .handle((ok, failure) -> failure == null
                            ? (SendResult) new SendResult.Delivered(dispatch.idempotencyKey())
                            : classify(failure));
        } catch (RuntimeException e) {
            return classify(e);
        }
        try {
            // Zero means no timeout, as for the blocking Mailer.
            return timeout.isZero() || timeout.isNegative()
                    ? answer.get()
                    : answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new SendResult.Unknown("TIMEOUT", answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Unknown("INTERRUPTED", answer);
        } catch (ExecutionException e) {
            return classify(e.getCause());
        }
    }

    static SendResult classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException smtp) {
                String error = "SMTP_" + smtp.getReplyCode();
                return smtp.isPermanent()
                        ? new SendResult.Permanent(error, smtp.getReplyCode())
                        : new SendResult.Transient(error, smtp.getReplyCode(), null);
            }
            if (t instanceof IllegalArgumentException) {
                return new SendResult.Permanent("INVALID_ADDRESS", null);
            }
        }
        if (SendResult.beforeHandOver(failure)) {
            return new SendResult.Transient(SendResult.describe(failure), null, null);
        }
        // A connection closed or reset mid-transaction: maybe after the final dot.
        return new SendResult.Unknown(SendResult.describe(failure), null);
    }
}
