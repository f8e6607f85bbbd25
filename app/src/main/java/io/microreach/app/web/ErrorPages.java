package io.microreach.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error that no feature answered itself ends here: unknown addresses, malformed parameters that Spring refused
 * before a controller ran, and server errors. It replaces Spring Boot's "Whitelabel" page. Browsers get the app's
 * layout with a plain-language message and links back into the app (htmx requests get just the message, to swap in
 * place); {@code /api/**} and clients that ask for JSON get RFC 7807 problem details. A server error never shows a
 * stack trace: it is logged once with a short reference id, and the page shows only that id, so a user can quote it
 * and the operator can find it in the log.
 *
 * <p>Features that know better (a parameter's meaning, an unknown creator) still answer with their own message; this
 * is the net under them. It is a servlet error page rather than controller advice so that it also sees what fails
 * outside Spring MVC (filters, the container's own 400s) and never competes with a feature's advice.
 */
@Controller
public class ErrorPages implements ErrorController {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final ObjectProvider<ErrorAttributes> errors;
    private final JsonMapper json;

    /** Error attributes exist only in a web application; the command line starts the same beans without one. */
    public ErrorPages(ObjectProvider<ErrorAttributes> errors, JsonMapper json) {
        this.errors = errors;
        this.json = json;
    }

    /** What went wrong, said for people: the status, a title, the message and the parameter at fault (or null). */
    record Problem(HttpStatus status, String title, String message, String parameter, String reference) {}

    @RequestMapping("/error")
    public ModelAndView error(HttpServletRequest request) {
        ErrorAttributes attributes = errors.getIfAvailable();
        Throwable error = attributes != null ? attributes.getError(new ServletWebRequest(request)) : null;
        if (error == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            error = t;
        }
        String path = path(request);
        Problem problem = describe(statusOf(request, error), error, path);
        if (problem.reference() != null) {
            LOG.error("{} {} failed; reference {}", request.getMethod(), path, problem.reference(), error);
        }
        if (wantsJson(request, path)) {
            ModelAndView answer = new ModelAndView(problemJson(problem, path));
            answer.setStatus(problem.status());
            return answer;
        }
        ModelAndView page = new ModelAndView(
                request.getHeader("HX-Request") != null ? "problem :: message" : "problem", problem.status());
        page.addObject("title", problem.title());
        page.addObject("message", problem.message());
        page.addObject("reference", problem.reference());
        page.addObject("status", problem.status().value());
        return page;
    }

    /** The problem for a status and the exception behind it (null when the container or a feature set the status). */
    static Problem describe(HttpStatus status, Throwable error, String path) {
        Throwable e = error;
        if (status.is5xxServerError()) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            return new Problem(
                    status,
                    "Something went wrong",
                    "This page could not be shown because of an error on the server. It was logged with reference "
                            + reference + "; quote it when you report the problem.",
                    null,
                    reference);
        }
        if ((e instanceof NoResourceFoundException || status == HttpStatus.NOT_FOUND && e == null) && isApi(path)) {
            return new Problem(
                    HttpStatus.NOT_FOUND,
                    "Not found",
                    "There is no API endpoint at " + shortened(path) + "; the endpoints are listed at /v3/api-docs.",
                    null,
                    null);
        }
        if (e instanceof NoResourceFoundException || status == HttpStatus.NOT_FOUND && e == null) {
            return new Problem(
                    HttpStatus.NOT_FOUND,
                    "Page not found",
                    "There is no page at " + shortened(path) + ". Check the address, or start again from Discover.",
                    null,
                    null);
        }
        if (e instanceof ResponseStatusException r && r.getReason() != null) {
            return new Problem(status, status.getReasonPhrase(), r.getReason(), null, null);
        }
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return badParameter(m.getName(), "'" + shortened(String.valueOf(m.getValue())) + "' is not " + kind(m));
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return badParameter(m.getParameterName(), "is missing");
        }
        if (e instanceof MissingServletRequestPartException m) {
            return badParameter(m.getRequestPartName(), "is missing");
        }
        if (e instanceof MissingPathVariableException m) {
            return badParameter(m.getVariableName(), "is missing");
        }
        if (e instanceof ConversionFailedException c) {
            return badParameter("value", "'" + shortened(String.valueOf(c.getValue())) + "' has the wrong format");
        }
        if (e instanceof HttpMessageNotReadableException) {
            return new Problem(
                    HttpStatus.BAD_REQUEST,
                    "Bad request",
                    "The request body could not be read: send JSON that matches the API description"
                            + " (/v3/api-docs).",
                    "body",
                    null);
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            return new Problem(
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "Not possible here",
                    "The address " + shortened(path) + " does not accept " + m.getMethod() + " requests"
                            + (m.getSupportedHttpMethods() == null
                                            || m.getSupportedHttpMethods().isEmpty()
                                    ? ""
                                    : " (it accepts " + m.getSupportedHttpMethods() + ")")
                            + ".",
                    null,
                    null);
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            return new Problem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Bad request",
                    "The content type " + m.getContentType() + " is not accepted here; expected one of "
                            + m.getSupportedMediaTypes() + ".",
                    "Content-Type",
                    null);
        }
        return switch (status) {
            case NOT_FOUND ->
                new Problem(status, "Not found", "Nothing was found at " + shortened(path) + ".", null, null);
            case BAD_REQUEST ->
                new Problem(
                        status,
                        "Bad request",
                        "The request could not be understood (a malformed address or parameter). Check the"
                                + " address, or start again from Discover.",
                        null,
                        null);
            default ->
                new Problem(
                        status,
                        status.getReasonPhrase(),
                        "The request was refused: " + status.value() + " " + status.getReasonPhrase() + ".",
                        null,
                        null);
        };
    }

    private static Problem badParameter(String name, String reason) {
        return new Problem(
                HttpStatus.BAD_REQUEST, "Bad request", "Parameter '" + name + "' " + reason + ".", name, null);
    }

    private static String kind(MethodArgumentTypeMismatchException m) {
        Class<?> type = m.getRequiredType();
        if (type == null) {
            return "a valid value";
        }
        if (Number.class.isAssignableFrom(type) || type == long.class || type == int.class || type == double.class) {
            return "a valid number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a valid value";
    }

    private static HttpStatus statusOf(HttpServletRequest request, Throwable error) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null || status.is2xxSuccessful()) {
            // An exception that escaped every handler reaches the container as a 500 (or no status at all).
            return error == null ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return status;
    }

    private static String path(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String s ? s : request.getRequestURI();
    }

    /** The API speaks JSON whatever the client accepts; elsewhere a client that asks for JSON and not HTML gets it. */
    private static boolean wantsJson(HttpServletRequest request, String path) {
        if (isApi(path)) {
            return true;
        }
        String accept = request.getHeader("Accept");
        if (accept == null || request.getHeader("HX-Request") != null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        return a.contains("json") && !a.contains("text/html");
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/v3/");
    }

    /** Paths are echoed back to the user; a 10,000-character one should not fill the page. */
    private static String shortened(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "…";
    }

    private View problemJson(Problem problem, String path) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.message());
        body.setTitle(problem.title());
        body.setInstance(java.net.URI.create(safeInstance(path)));
        if (problem.parameter() != null) {
            body.setProperty("parameter", problem.parameter());
        }
        if (problem.reference() != null) {
            body.setProperty("reference", problem.reference());
        }
        return new View() {
            @Override
            public String getContentType() {
                return MediaType.APPLICATION_PROBLEM_JSON_VALUE;
            }

            @Override
            public void render(
                    Map<String, ?> model, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
                    throws java.io.IOException {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(json.writeValueAsString(body));
            }
        };
    }

    /** The instance is a URI; a path with characters a URI cannot hold is left out rather than failing again. */
    private static String safeInstance(String path) {
        try {
            return java.net.URI.create(path).toString();
        } catch (IllegalArgumentException e) {
            return "about:blank";
        }
    }
}
