package com.propcloud.pms.asset.importing;

import com.propcloud.pms.common.problem.ProblemCode;
import com.propcloud.pms.common.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload past {@code spring.servlet.multipart.*} (50 MiB a file) is refused while the request is
 * parsed, before any controller runs; this answers it as a 413 problem, with the import's own code on
 * import routes. (The gateway refuses the same sizes first; this holds for calls around it.)
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
        boolean importing = request.getRequestURI().contains("/imports");
        ProblemDetail problem = Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                importing ? ImportCodes.TOO_LARGE : ProblemCode.PAYLOAD_TOO_LARGE,
                importing ? "Import files may be at most 50 MiB" : "The upload is too large");
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }
}
