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
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> db =
                SharedInfra.startShared("postgres", database == null ? Map.of() : Map.of("database", database));
        return Map.of(
                "quarkus.datasource.jdbc.url", db.get(SharedInfra.DB_URL),
                "quarkus.datasource.username", db.get(SharedInfra.DB_USERNAME),
                "quarkus.datasource.password", db.get(SharedInfra.DB_PASSWORD));
    }

    /** Nothing: the server serves every test of the JVM and stops when it exits. */
    @Override
    public void stop() {}

    /** The superuser JDBC URL of the shared server ({@code postgres} database), once a resource has started it. */
    public static String jdbcUrl() {
        return SharedInfra.required(SharedInfra.DB_URL, "PostgresTestResource");
    }
}
