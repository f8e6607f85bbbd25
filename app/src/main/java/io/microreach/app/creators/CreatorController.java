package io.microreach.app.creators;

import io.microreach.app.search.InvalidSearchParameter;
import io.microreach.app.search.PageSortParser;
import io.microreach.app.search.SearchFilters;
import io.microreach.app.search.SearchRequest;
import io.microreach.app.search.SearchResult;
import io.microreach.app.search.SearchService;
import io.microreach.domain.Platform;
import java.util.List;
import java.util.Set;
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

    /**
     * Blank values never get here (the parameters' defaults fill them in), so a blank sort or direction is an error;
     * the choices are the table's column links, so an unknown sort does not list them.
     */
    private static final PageSortParser<CreatorSort> PAGING =
            new PageSortParser<>("sort", "sort column", CreatorSort::fromId, null, null, false, MAX_PAGE_SIZE);

    private final SearchService search;

    public CreatorController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/discover";
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
        CreatorSort order = PAGING.sort(sort);
        boolean descending = PAGING.descending(dir);
        if (!platform.isBlank() && Platform.fromId(platform).isEmpty()) {
            throw new BadParameter(
                    "platform", "unknown platform '" + platform + "'; expected one of " + Platform.allowedIds());
        }
        PageSortParser.Page window = PAGING.byPage(page, size);
        CreatorPage result = list(platform, q, order, descending, window);
        model.addAttribute("result", result);
        model.addAttribute("platform", platform);
        model.addAttribute("q", q);
        model.addAttribute("sort", order.id());
        model.addAttribute("dir", descending ? "desc" : "asc");
        model.addAttribute("size", size);
        model.addAttribute("platforms", Platform.values());
        return "creators";
    }

    /** The list is a search with the platform and handle/name filters, sorted by a metric (ties by account id). */
    private CreatorPage list(
            String platform, String text, CreatorSort sort, boolean descending, PageSortParser.Page window) {
        SearchFilters.Builder filters = SearchFilters.builder().text(text);
        if (!platform.isBlank()) {
            filters.platforms(Set.of(Platform.fromId(platform).orElseThrow().id()));
        }
        SearchResult found = search.search(new SearchRequest(
                null, null, filters.build(), sort.search(), descending, window.offset(), window.limit(), false));
        List<CreatorRow> rows = found.hits().stream()
                .map(h -> new CreatorRow(
                        h.accountId(),
                        h.platform(),
                        h.handle(),
                        h.displayName(),
                        h.followers(),
                        h.following(),
                        h.postsCount(),
                        h.country(),
                        h.language(),
                        h.verified(),
                        h.tier(),
                        h.demo()))
                .toList();
        return new CreatorPage(rows, found.total(), window.number(), window.limit());
    }

    @ExceptionHandler(BadParameter.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String badParameter(BadParameter e, Model model) {
        model.addAttribute("title", "Bad request");
        model.addAttribute("message", "Parameter '" + e.parameter + "': " + e.getMessage());
        return "problem";
    }

    @ExceptionHandler(InvalidSearchParameter.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String invalidParameter(InvalidSearchParameter e, Model model) {
        return badParameter(new BadParameter(e.parameter(), e.getMessage()), model);
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
