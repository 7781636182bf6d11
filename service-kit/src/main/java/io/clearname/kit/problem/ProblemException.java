package io.clearname.kit.problem;

/**
 * Thrown by services to answer with a problem detail. The detail text is shown to clients: it must never contain a
 * legal name, an ID number or any other personal data.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.type() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public Problem problem() {
        return problem;
    }
}
