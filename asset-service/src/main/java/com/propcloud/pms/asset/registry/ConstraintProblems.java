package com.propcloud.pms.asset.registry;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The constraints of another feature package of asset-service, named with the problems they stand for.
 * {@link RegistryConstraints} is the service's one handler of integrity violations (two advices on the
 * same exception would not both be asked), so features register theirs as a bean of this type instead
 * of writing a handler of their own.
 */
public interface ConstraintProblems {

    /** What a violated constraint answers: a 409 or 422 problem with a stable code. */
    record Problem(HttpStatus status, String code, String detail) {

        public static Problem conflict(String code, String detail) {
            return new Problem(HttpStatus.CONFLICT, code, detail);
        }

        public static Problem invalid(String code, String detail) {
            return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
        }
    }

    /** Constraint name (as the migration names it) to its problem. */
    Map<String, Problem> byConstraint();
}
