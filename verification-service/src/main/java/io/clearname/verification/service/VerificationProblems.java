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

    /** A complaint that was answered gets another answer. Extension: {@code answeredAt}. */
    public static final ProblemType COMPLAINT_ANSWERED =
            ProblemType.define("complaint-answered", "The complaint has already been answered", 409);

    /** Staff answer an APPEAL complaint, which its appeal's decision answers. Extension: {@code appealId}. */
    public static final ProblemType APPEAL_PENDING =
            ProblemType.define("appeal-pending", "The complaint is an appeal; its decision answers it", 409);

    /** The reviewer of the first decision claims, or is given, its appeal. Extension: {@code firstDecidedBy}. */
    public static final ProblemType APPEAL_REVIEWER_CONFLICT = ProblemType.define(
            "appeal-reviewer-conflict", "The reviewer of the first decision cannot review its appeal", 409);

    /** Another reviewer holds the appeal. Extension: {@code assignee}. */
    public static final ProblemType APPEAL_ASSIGNED =
            ProblemType.define("appeal-assigned", "Another reviewer holds this appeal", 409);

    /** An action on an appeal that is decided; the decision is final. Extension: {@code outcome}. */
    public static final ProblemType APPEAL_DECIDED =
            ProblemType.define("appeal-decided", "The appeal is decided; its decision is final", 409);

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
