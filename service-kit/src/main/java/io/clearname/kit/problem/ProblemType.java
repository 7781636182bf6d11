package io.clearname.kit.problem;

/**
 * The problem types every service shares. A type's URI never changes once published: clients rely on it. Services add
 * their own types with {@link #define}.
 */
public interface ProblemType {

    /** Where the catalogue of problem types is documented (docs/problems.md). */
    String BASE = "https://clearname.io/problems/";

    /** The stable identifier, e.g. {@code https://clearname.io/problems/validation-failed}. */
    String uri();

    /** A short, fixed summary of the type. */
    String title();

    /** The HTTP status it is returned with. */
    int status();

    /** A service's own type, {@code BASE + slug}; keep the returned constant in one place of the service. */
    static ProblemType define(String slug, String title, int status) {
        return new Defined(BASE + slug, title, status);
    }

    /** A type defined by a service with {@link #define}. */
    record Defined(String uri, String title, int status) implements ProblemType {}

    /** The shared types. */
    enum Common implements ProblemType {
        MALFORMED_REQUEST("malformed-request", "The request body is not valid JSON of the expected shape", 400),
        VALIDATION_FAILED("validation-failed", "The request has invalid fields", 422),
        UNAUTHENTICATED("unauthenticated", "A valid bearer token is required", 401),
        INSUFFICIENT_USER_AUTHENTICATION(
                "insufficient-user-authentication", "A more recent sign-in is required for this action", 401),
        FORBIDDEN("forbidden", "The token does not grant access to this resource", 403),
        NOT_FOUND("not-found", "No such resource", 404),
        METHOD_NOT_ALLOWED("method-not-allowed", "The method is not allowed on this resource", 405),
        NOT_ACCEPTABLE("not-acceptable", "The requested media type cannot be produced", 406),
        PAYLOAD_TOO_LARGE("payload-too-large", "The request body is larger than this API accepts", 413),
        UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The request body's media type is not supported", 415),
        RATE_LIMITED("rate-limited", "Too many requests of this kind; retry after the time given", 429),
        CONFLICT("conflict", "The request conflicts with the current state of the resource", 409),
        IDEMPOTENCY_KEY_REQUIRED("idempotency-key-required", "The Idempotency-Key header is required", 400),
        IDEMPOTENCY_KEY_REUSED(
                "idempotency-key-reused", "The Idempotency-Key was already used with a different request", 422),
        INTERNAL_ERROR("internal-error", "The server could not complete the request", 500);

        private final String slug;
        private final String title;
        private final int status;

        Common(String slug, String title, int status) {
            this.slug = slug;
            this.title = title;
            this.status = status;
        }

        @Override
        public String uri() {
            return BASE + slug;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public int status() {
            return status;
        }
    }
}
