/**
 * Strimzi compiles its schema constraints (minimum, maximum, pattern, the API versions a property exists or is required
 * in) into {@code io.strimzi:api} as runtime annotations, but the annotation types are not published in a form this
 * build can use: {@code io.strimzi:crd-annotations} has them from 1.2.0 on, compiled for Java 21 (this build runs on
 * 17); {@code io.strimzi:crd-generator} 0.45.0 has them for Java 11 but bundles its own unrelocated Jackson and lacks
 * {@code RequiredInVersions}; 0.46 to 0.51 are not on Maven Central. Without the types, reflection silently drops the
 * annotations. These declarations have the same names and members as Strimzi's, so the manifest checks read the
 * constraints as Strimzi wrote them. They are test code and never shipped; replace them with {@code crd-annotations}
 * once the build runs on Java 21.
 */
package io.strimzi.crdgenerator.annotations;
