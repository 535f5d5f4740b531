package io.crmlake.api.reports;

import io.crmlake.api.problems.Problems;
import io.crmlake.reports.InvalidReportParameterException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The renderer's errors as problem+json: a bad parameter is a 400 naming it (the renderer's
 * message starts with the parameter), an unknown report a 404, a full render queue a 503 with
 * Retry-After.
 */
@RestControllerAdvice(basePackageClasses = ReportProblems.class)
class ReportProblems {

    @ExceptionHandler(InvalidReportParameterException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidReportParameterException e) {
        if ("report".equals(e.parameter())) {
            return problem(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage()));
        }
        ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", e.getMessage());
        p.setTitle("Bad parameter '" + e.parameter() + "'");
        p.setProperty("parameter", e.parameter());
        return problem(HttpStatus.BAD_REQUEST, p);
    }

    @ExceptionHandler(RenderQueueFullException.class)
    ResponseEntity<ProblemDetail> busy(RenderQueueFullException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "busy", e.getMessage()));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, ProblemDetail p) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
