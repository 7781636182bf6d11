package io.clearname.local;

/**
 * How a service connects to its database.
 *
 * @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:15432/account}
 * @param username the database's owner role
 * @param password the role's password
 */
public record DatabaseCredentials(String jdbcUrl, String username, String password) {
    @Override
    public String toString() {
        return "DatabaseCredentials[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=***]";
    }
}
