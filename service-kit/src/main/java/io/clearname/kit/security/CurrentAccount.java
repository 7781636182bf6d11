package io.clearname.kit.security;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The account of the bearer token: its {@code sub} claim is the account id. */
@RequestScoped
public class CurrentAccount {

    private final JsonWebToken token;

    public CurrentAccount(JsonWebToken token) {
        this.token = token;
    }

    /** The caller's account id; 401 when the token has no subject that is an account id. */
    public UUID id() {
        String subject = token.getSubject();
        if (subject == null) {
            throw new UnauthorizedException();
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException();
        }
    }
}
