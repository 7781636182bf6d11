package io.clearname.e2e;

/** The three services, each started from its packaged jar as a separate process. */
enum Service {
    ACCOUNT("account-service", "account"),
    VERIFICATION("verification-service", "verification"),
    NOTIFICATION("notification-service", "notification");

    private final String artifactId;
    private final String database;

    Service(String artifactId, String database) {
        this.artifactId = artifactId;
        this.database = database;
    }

    /** Directory, artifactId and application name, e.g. {@code account-service}. */
    String artifactId() {
        return artifactId;
    }

    /** The service's own database and role (deploy/local's naming). */
    String database() {
        return database;
    }

    @Override
    public String toString() {
        return artifactId;
    }
}
