package com.propcloud.pms.common.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problems with the platform's extra {@code code} member, and writes them where no
 * controller advice runs (servlet filters, security entry points).
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemCode.type(code));
        problem.setProperty("code", code);
        return problem;
    }

    /** Writes a problem straight to the response, for code that runs outside Spring MVC. */
    public static void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String code, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemCode.type(code).toString());
        body.put("title", title(status));
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", URI.create(request.getRequestURI()).toString());
        body.put("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    private static String title(HttpStatusCode status) {
        var known = org.springframework.http.HttpStatus.resolve(status.value());
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
