/**
 * Strimzi compiles its schema constraints (minimum, maximum, pattern, the API versions a property exists or is required
 * in) into {@code io.strimzi:api} as runtime annotations, but publishes the annotation types only with its own build,
 * not on Maven Central. Without the types, reflection silently drops those annotations. These declarations have the
 * same names and members, so the manifest checks can read the constraints as Strimzi wrote them. They are test code and
 * never shipped.
 */
package io.strimzi.crdgenerator.annotations;
