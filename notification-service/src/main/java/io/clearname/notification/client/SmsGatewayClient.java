package io.clearname.notification.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The SMS gateway's HTTP API ({@code quarkus.rest-client.sms-gateway.*}: base URL from {@code SMS_GATEWAY_URL},
 * connect and read timeouts). A status of 400 or more is thrown as a {@link jakarta.ws.rs.WebApplicationException};
 * a timeout or a refused connection as a {@link jakarta.ws.rs.ProcessingException}.
 */
@RegisterRestClient(configKey = "sms-gateway")
@Path("/v1/messages")
public interface SmsGatewayClient {

    /**
     * Sends one text. The gateway answers a repeated {@code Idempotency-Key} with its first result and sends nothing
     * again, which makes retrying a send whose answer was lost safe.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    SmsAccepted send(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            SmsRequest message);

    /** A text to send. */
    record SmsRequest(String to, String text, String sender) {}

    /** The gateway's answer: its message id and {@code ACCEPTED}; fields it may add later are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SmsAccepted(String messageId, String status) {}
}
