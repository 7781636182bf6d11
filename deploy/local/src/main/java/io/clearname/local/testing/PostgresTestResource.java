package io.clearname.local.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * PostgreSQL for {@code @QuarkusTest}s: the server in {@code TEST_DB_URL} ({@code TEST_DB_USERNAME}, {@code
 * TEST_DB_PASSWORD}, default {@code postgres}/{@code postgres}) if set, else one embedded PostgreSQL 17 per test JVM
 * on a free port (not durable: fsync off, which is fine for tests). Sets {@code quarkus.datasource.jdbc.url}, {@code
 * quarkus.datasource.username} and {@code quarkus.datasource.password}.
 *
 * <p>By default that is the superuser's {@code postgres} database. With the init argument {@code database} the
 * resource creates (if needed) a role and a database of that name, owned by it, like the local stack does, and
 * connects as that role:
 *
 * <pre>
 * &#64;QuarkusTestResource(value = PostgresTestResource.class,
 *         initArgs = &#64;ResourceArg(name = "database", value = "account"))
 * </pre>
 *
 * <p>With the init argument {@code datasource} it configures that named data source instead of the default one
 * ({@code quarkus.datasource.<name>.jdbc.url}, ...), for a service with a second database.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private String database;
    private String datasource;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        datasource = initArgs.get("datasource");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> db =
                SharedInfra.startShared("postgres", database == null ? Map.of() : Map.of("database", database));
        String prefix = datasource == null ? "quarkus.datasource." : "quarkus.datasource." + datasource + ".";
        return Map.of(
                prefix + "jdbc.url", db.get(SharedInfra.DB_URL),
                prefix + "username", db.get(SharedInfra.DB_USERNAME),
                prefix + "password", db.get(SharedInfra.DB_PASSWORD));
    }

    /** Nothing: the server serves every test of the JVM and stops when it exits. */
    @Override
    public void stop() {}

    /** The superuser JDBC URL of the shared server ({@code postgres} database), once a resource has started it. */
    public static String jdbcUrl() {
        return SharedInfra.required(SharedInfra.DB_URL, "PostgresTestResource");
    }
}
