package io.clearname.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends emails through the SMTP server with a stable {@code Message-ID}. A 4xx SMTP reply, a timeout or a refused
 * connection is transient; a 5xx SMTP reply (mailbox unavailable, relaying denied, authentication failed) or an
 * address the mailer cannot use is permanent.
 */
@ApplicationScoped
public class EmailSender {

    private final Mailer mailer;

    public EmailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    public SendResult send(Dispatch dispatch) {
        Mail mail = Mail.withText(
                        dispatch.to(),
                        dispatch.email().subject(),
                        dispatch.email().body())
                .addHeader("Message-ID", dispatch.idempotencyKey());
        try {
            mailer.send(mail);
            return new SendResult.Delivered(dispatch.idempotencyKey());
        } catch (RuntimeException e) {
            return classify(e);
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
        return new SendResult.Transient(SendResult.describe(failure), null, null);
    }
}
