package io.crmlake.api.problems;

import io.crmlake.api.catalog.NoCatalogException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem+json. Bad parameters name the parameter in
 * {@code parameter}; Spring MVC's own errors (wrong method, unreadable request) come through
 * {@link ResponseEntityExceptionHandler}, which already speaks ProblemDetail.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException e) {
        ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", e.getMessage());
        p.setTitle("Bad parameter '" + e.parameter() + "'");
        p.setProperty("parameter", e.parameter());
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(NoCatalogException.class)
    ProblemDetail noCatalog(NoCatalogException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "no-catalog", e.getMessage());
    }

    @ExceptionHandler(SQLException.class)
    ProblemDetail sql(SQLException e) {
        log.error("catalog query failed", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "catalog-query",
                "the catalog query failed: " + e.getMessage());
    }
}
