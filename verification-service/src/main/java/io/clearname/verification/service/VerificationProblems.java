package io.clearname.verification.service;

import io.clearname.kit.problem.Problem;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import java.util.List;
import java.util.Map;

/** Problem types of verification-service; documented in the service README. */
public final class VerificationProblems {

    /** A review action on a case that is decided or withdrawn. Extension: {@code state}. */
    public static final ProblemType CASE_NOT_OPEN =
            ProblemType.define("case-not-open", "The audit case is no longer open for review", 409);

    /** Another reviewer holds the case. Extension: {@code assignee}. */
    public static final ProblemType CASE_ASSIGNED =
            ProblemType.define("case-assigned", "Another reviewer holds this audit case", 409);

    private VerificationProblems() {}

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.Common.NOT_FOUND, detail);
    }

    /** A 422 naming the fields, shaped like the bean-validation answers of the kit. */
    public static ProblemException invalid(List<Map<String, String>> errors) {
        String fields = String.join(
                ", ", errors.stream().map(e -> e.get("field")).distinct().toList());
        return new ProblemException(Problem.of(ProblemType.Common.VALIDATION_FAILED, "Invalid fields: " + fields)
                .with("errors", errors));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(Map.of("field", field, "message", message)));
    }
}
