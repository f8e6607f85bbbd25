package io.microreach.app.creators;

import io.microreach.domain.Platform;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The creators list (the creator page is {@link CreatorPageController}). Bad parameters get a 400 page that names the
 * parameter.
 */
@Controller
public class CreatorController {
    static final int MAX_PAGE_SIZE = 200;

    private final CreatorQueries queries;

    public CreatorController(CreatorQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/creators";
    }

    @GetMapping("/creators")
    public String list(
            @RequestParam(defaultValue = "") String platform,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "followers") String sort,
            @RequestParam(defaultValue = "desc") String dir,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Model model) {
        CreatorSort order = CreatorSort.fromId(sort)
                .orElseThrow(() -> new BadParameter("sort", "unknown sort column '" + sort + "'"));
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw new BadParameter("dir", "must be asc or desc, got '" + dir + "'");
        }
        if (!platform.isBlank() && Platform.fromId(platform).isEmpty()) {
            throw new BadParameter(
                    "platform", "unknown platform '" + platform + "'; expected one of " + Platform.allowedIds());
        }
        if (page < 0) {
            throw new BadParameter("page", "must be 0 or more, got " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadParameter("size", "must be between 1 and " + MAX_PAGE_SIZE + ", got " + size);
        }
        CreatorPage result = queries.list(platform, q, order, dir.equals("desc"), page, size);
        model.addAttribute("result", result);
        model.addAttribute("platform", platform);
        model.addAttribute("q", q);
        model.addAttribute("sort", order.id());
        model.addAttribute("dir", dir);
        model.addAttribute("size", size);
        model.addAttribute("platforms", Platform.values());
        return "creators";
    }

    @ExceptionHandler(BadParameter.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String badParameter(BadParameter e, Model model) {
        model.addAttribute("title", "Bad request");
        model.addAttribute("message", "Parameter '" + e.parameter + "': " + e.getMessage());
        return "problem";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String typeMismatch(MethodArgumentTypeMismatchException e, Model model) {
        model.addAttribute("title", "Bad request");
        model.addAttribute(
                "message",
                "Parameter '" + e.getName() + "': '" + e.getValue() + "' is not a valid "
                        + (e.getRequiredType() == null
                                ? "value"
                                : e.getRequiredType().getSimpleName().toLowerCase()) + ".");
        return "problem";
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound(NotFound e, Model model) {
        model.addAttribute("title", "Not found");
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    static final class BadParameter extends RuntimeException {
        final String parameter;

        BadParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
