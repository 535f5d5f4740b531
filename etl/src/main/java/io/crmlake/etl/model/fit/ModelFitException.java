package io.crmlake.etl.model.fit;

/** A model could not be fitted: no convergence, non-finite likelihood, singular information, degenerate data. */
public class ModelFitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelFitException(String message) {
        super(message);
    }

    public ModelFitException(String message, Throwable cause) {
        super(message, cause);
    }
}
