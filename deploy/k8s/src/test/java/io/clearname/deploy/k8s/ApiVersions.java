package io.clearname.deploy.k8s;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes API versions ({@code v1alpha1 < v1beta2 < v1 < v2alpha1}) and Strimzi's ranges of them. */
final class ApiVersions {
    private static final Pattern VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

    private ApiVersions() {}

    /** Whether {@code version} lies in {@code range}: {@code all}, {@code v1}, {@code v1beta2+} or {@code v1alpha1-v1}. */
    static boolean contains(String range, String version) {
        String r = range.trim();
        if (r.equals("all")) {
            return true;
        }
        long v = rank(version);
        if (r.endsWith("+")) {
            return v >= rank(r.substring(0, r.length() - 1));
        }
        int dash = r.indexOf('-');
        if (dash > 0) {
            return v >= rank(r.substring(0, dash)) && v <= rank(r.substring(dash + 1));
        }
        return v == rank(r);
    }

    static long rank(String version) {
        Matcher m = VERSION.matcher(version.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Kubernetes API version: " + version);
        }
        long major = Long.parseLong(m.group(1));
        long stability = m.group(2) == null ? 2 : m.group(2).equals("beta") ? 1 : 0;
        long minor = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return major * 1_000_000 + stability * 1_000 + minor;
    }
}
