package com.propcloud.pms.gateway.problem;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Turns every failure the gateway itself raises (no route, wrong method, body limits, a downstream
 * that is down or slow) into problem JSON. Runs before Boot's default handler (order -1), which
 * would answer with its own error shape. Responses produced by a downstream service never pass
 * through here: they are relayed as they are.
 */
@Component
@Order(-2)
class GatewayErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorWebExceptionHandler.class);

    private final ProblemResponses problems;

    GatewayErrorWebExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        String path = exchange.getRequest().getPath().value();
        Resolved resolved = resolve(ex, path);
        if (resolved.problem() == GatewayProblem.INTERNAL_ERROR) {
            log.error("Unhandled failure for {} {}", exchange.getRequest().getMethod(), path, ex);
        } else if (resolved.problem().status().is5xxServerError()) {
            // expected operational trouble (a service restarting): one line, no stack trace
            log.warn(
                    "{} for {} {}: {}",
                    resolved.problem().code(),
                    exchange.getRequest().getMethod(),
                    path,
                    ex.toString());
        }
        return problems.write(
                exchange, resolved.problem(), resolved.detail(), headers -> headers.addAll(resolved.headers()));
    }

    private static Resolved resolve(Throwable ex, String path) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            Resolved resolved = resolveOne(cause, path);
            if (resolved != null) {
                return resolved;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return new Resolved(GatewayProblem.INTERNAL_ERROR, "The gateway failed to handle the request.");
    }

    private static Resolved resolveOne(Throwable ex, String path) {
        if (ex instanceof ResponseStatusException rse) {
            return fromStatus(rse, path);
        }
        if (ex instanceof ConnectException
                || ex instanceof ConnectTimeoutException
                || ex instanceof UnknownHostException) {
            return new Resolved(
                    GatewayProblem.DOWNSTREAM_UNAVAILABLE,
                    "The service that answers " + path + " cannot be reached right now; try again shortly.");
        }
        if (ex instanceof PrematureCloseException) {
            return new Resolved(
                    GatewayProblem.DOWNSTREAM_BAD_GATEWAY,
                    "The service that answers " + path + " closed the connection without a response.");
        }
        if (ex instanceof TimeoutException || ex instanceof ReadTimeoutException) {
            return downstreamTimeout(path);
        }
        if (ex instanceof AuthenticationServiceException) {
            return new Resolved(
                    GatewayProblem.AUTH_UNAVAILABLE, "The token could not be checked right now; try again shortly.");
        }
        if (ex instanceof AuthenticationException) {
            return new Resolved(GatewayProblem.UNAUTHENTICATED, "A valid bearer token is required.");
        }
        if (ex instanceof AccessDeniedException) {
            return new Resolved(GatewayProblem.FORBIDDEN, "The token does not grant access to " + path + ".");
        }
        return null;
    }

    private static Resolved fromStatus(ResponseStatusException ex, String path) {
        int status = ex.getStatusCode().value();
        GatewayProblem problem = GatewayProblem.forStatus(status);
        String detail =
                switch (problem) {
                    case NOT_FOUND -> "No resource at " + path + ".";
                    case METHOD_NOT_ALLOWED -> "This method is not supported on " + path + ".";
                    case DOWNSTREAM_TIMEOUT -> downstreamTimeout(path).detail();
                    case DOWNSTREAM_UNAVAILABLE, DOWNSTREAM_BAD_GATEWAY ->
                        "The service that answers " + path + " cannot be reached right now; try again shortly.";
                    case INTERNAL_ERROR -> "The gateway failed to handle the request.";
                    // our own exceptions and Spring's 4xx carry a reason meant for the caller
                    default -> ex.getReason() != null ? ex.getReason() : problem.title();
                };
        return new Resolved(problem, detail, ex.getHeaders());
    }

    private static Resolved downstreamTimeout(String path) {
        return new Resolved(
                GatewayProblem.DOWNSTREAM_TIMEOUT, "The service that answers " + path + " did not answer in time.");
    }

    private record Resolved(GatewayProblem problem, String detail, HttpHeaders headers) {
        Resolved(GatewayProblem problem, String detail) {
            this(problem, detail, HttpHeaders.EMPTY);
        }
    }
}
