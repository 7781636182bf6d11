package io.clearname.verification.rest;

import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The reviewer of the bearer token: its {@code sub} claim, recorded as who assigned and decided. */
@RequestScoped
public class CurrentReviewer {

    static final int MAX_ID_LENGTH = 64;

    private final JsonWebToken token;

    public CurrentReviewer(JsonWebToken token) {
        this.token = token;
    }

    /** The reviewer id; 401 without a subject, 403 when it is too long to record. */
    public String id() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new UnauthorizedException();
        }
        if (subject.length() > MAX_ID_LENGTH) {
            throw new ProblemException(
                    ProblemType.Common.FORBIDDEN, "Reviewer ids longer than 64 characters cannot be recorded.");
        }
        return subject;
    }
}
