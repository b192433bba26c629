package com.propcloud.pms.common.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error a service raises as {@code application/problem+json} with a stable {@code
 * code}: Spring MVC's own errors (404, 405, 413, 415, malformed bodies), validation errors with the
 * list of offending fields, business rule violations, and anything unexpected as a 500 that reveals
 * nothing internal.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    /** One invalid input: where it is and what is wrong with it, never the rejected value itself. */
    public record FieldProblem(String field, String message) {}

    @ExceptionHandler(BusinessRuleViolation.class)
    ResponseEntity<Object> businessRule(BusinessRuleViolation ex, WebRequest request) {
        return problem(Problems.of(ex.status(), ex.code(), ex.getMessage()), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex, WebRequest request) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, ProblemCode.NOT_FOUND, ex.getMessage()), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldProblem> fields = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return problem(validationProblem(fields), request);
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> invalidParameter(InvalidParameterException ex, WebRequest request) {
        List<FieldProblem> fields = ex.problems().entrySet().stream()
                .map(entry -> new FieldProblem(entry.getKey(), entry.getValue()))
                .toList();
        return problem(validationProblem(fields), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException ex, WebRequest request) {
        return problem(
                Problems.of(
                        HttpStatus.CONFLICT,
                        ProblemCode.CONFLICT,
                        "The resource was changed by someone else; reload and retry"),
                request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        return problem(
                Problems.of(HttpStatus.FORBIDDEN, ProblemCode.FORBIDDEN, "You are not allowed to do this"), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        return problem(
                Problems.of(HttpStatus.UNAUTHORIZED, ProblemCode.UNAUTHENTICATED, "A valid access token is required"),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unhandled error on {}", describe(request), ex);
        return problem(
                Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR, ProblemCode.INTERNAL_ERROR, "An unexpected error occurred"),
                request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = ex.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldProblem(
                        error instanceof FieldError fe ? fe.getField() : error.getObjectName(),
                        error.getDefaultMessage()))
                .toList();
        return problem(validationProblem(fields), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(
                                error instanceof FieldError fe
                                        ? fe.getField()
                                        : result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return problem(validationProblem(fields), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedByOversizedBody(ex)) {
            return problem(
                    Problems.of(
                            HttpStatus.CONTENT_TOO_LARGE,
                            ProblemCode.PAYLOAD_TOO_LARGE,
                            "The request body is too large"),
                    request);
        }
        return problem(
                Problems.of(
                        HttpStatus.BAD_REQUEST, ProblemCode.MALFORMED_REQUEST, "The request body could not be read"),
                request);
    }

    /** Every other Spring MVC error already carries a ProblemDetail body: give it its code and type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            String code =
                    problem.getProperties() != null && problem.getProperties().get("code") instanceof String c
                            ? c
                            : ProblemCode.forStatus(statusCode);
            problem.setProperty("code", code);
            problem.setType(ProblemCode.type(code));
            setInstance(problem, request);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> problem(ProblemDetail problem, WebRequest request) {
        setInstance(problem, request);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ProblemDetail validationProblem(List<FieldProblem> fields) {
        ProblemDetail problem =
                Problems.of(HttpStatus.BAD_REQUEST, ProblemCode.VALIDATION_FAILED, "The request has invalid fields");
        problem.setProperty("errors", fields);
        return problem;
    }

    private static void setInstance(ProblemDetail problem, WebRequest request) {
        if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
            HttpServletRequest http = servlet.getRequest();
            problem.setInstance(java.net.URI.create(http.getRequestURI()));
        }
    }

    private static boolean causedByOversizedBody(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? Map.of(
                        "method",
                        servlet.getRequest().getMethod(),
                        "path",
                        servlet.getRequest().getRequestURI())
                : Map.of();
    }
}
