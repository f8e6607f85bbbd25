package io.microreach.app.discover;

import io.microreach.app.niches.NicheService;
import io.microreach.app.search.InvalidSearchParameter;
import io.microreach.app.search.PageSortParser;
import io.microreach.app.search.SearchFilters;
import io.microreach.app.search.SearchParameters;
import io.microreach.app.search.SearchRequest;
import io.microreach.app.search.SearchResult;
import io.microreach.app.search.SearchService;
import io.microreach.app.search.SearchSort;
import io.microreach.app.shortlists.ShortlistProblem;
import io.microreach.app.shortlists.ShortlistService;
import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Discover: every search parameter is a plain GET parameter with the same name as in {@code /api/search}, so a result
 * page is a shareable URL and the form works without JavaScript (htmx only swaps the results in place). A bad
 * parameter shows the form again with a message naming the field, answered with 400.
 */
@Controller
public class DiscoverController {
    static final int PAGE_SIZE = 25;
    /** The form sends an empty sort for relevance. */
    private static final PageSortParser<SearchSort> PAGING =
            PageSortParser.forSearch("sort", "order", SearchSort.RELEVANCE);

    private static final List<String> NON_FILTERS = List.of("query", "brief", "sort", "dir", "page");

    private final SearchService search;
    private final NicheService niches;
    private final ShortlistService shortlists;

    public DiscoverController(SearchService search, NicheService niches, ShortlistService shortlists) {
        this.search = search;
        this.niches = niches;
        this.shortlists = shortlists;
    }

    @GetMapping("/discover")
    public ModelAndView discover(@RequestParam Map<String, String> params) {
        Map<String, String> form = new LinkedHashMap<>();
        params.forEach((k, v) -> form.put(k, v == null ? "" : v.strip()));
        ModelAndView page = new ModelAndView("discover");
        page.addObject("form", form);
        page.addObject("platforms", Platform.values());
        page.addObject("tiers", Tier.values());
        page.addObject("niches", niches.taxonomy());
        page.addObject("sorts", SearchSort.values());
        page.addObject("lists", shortlists.lists());
        page.addObject("pageSize", PAGE_SIZE);
        page.addObject(
                "filtersUsed",
                form.entrySet().stream()
                        .anyMatch(e -> !NON_FILTERS.contains(e.getKey())
                                && !e.getValue().isBlank()));
        try {
            SearchRequest request = request(form);
            SearchResult result = search.search(request);
            page.addObject("result", result);
            page.addObject("page", request.offset() / PAGE_SIZE);
            page.addObject("csvHref", csvHref(form));
        } catch (InvalidSearchParameter e) {
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject("error", e.describe());
            page.addObject("errorField", e.parameter());
        }
        return page;
    }

    /** The CSV export of the same search, every page (the export's cap applies). */
    static String csvHref(Map<String, String> form) {
        java.util.StringJoiner query =
                new java.util.StringJoiner("&", "/api/search.csv?", "").setEmptyValue("/api/search.csv");
        form.forEach((k, v) -> {
            if (!"page".equals(k) && v != null && !v.isBlank()) {
                query.add(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** The search a Discover form asks for (also what its CSV export runs, page by page). */
    public static SearchRequest request(Map<String, String> form) {
        Map<String, String> filters = new LinkedHashMap<>(form);
        NON_FILTERS.forEach(filters::remove);
        SearchSort sort = PAGING.sort(form.getOrDefault("sort", ""));
        Boolean descending = PAGING.descending(form.getOrDefault("dir", ""));
        int page = PAGING.pageNumber(form.getOrDefault("page", ""));
        SearchFilters parsed = SearchParameters.parse(filters);
        // Past the deepest result the error names the offset, as the search's own check always did here.
        PageSortParser.Page window = PAGING.byOffset((long) page * PAGE_SIZE, PAGE_SIZE);
        return new SearchRequest(
                form.get("query"), form.get("brief"), parsed, sort, descending, window.offset(), window.limit(), true);
    }

    /** "Add to shortlist" from a result row: to the chosen list, or to a new one named in the same form. */
    @PostMapping("/discover/shortlist")
    public String addToShortlist(
            @RequestParam long accountId,
            @RequestParam(required = false) Long list,
            @RequestParam(defaultValue = "") String newName,
            Model model) {
        if (newName.isBlank() && list == null) {
            model.addAttribute("message", "Choose a shortlist above, or type a name for a new one.");
            return "discover-fragments :: add-problem";
        }
        ShortlistService.Addition addition = shortlists.addToListOrNew(accountId, list, newName);
        model.addAttribute("target", addition.target());
        model.addAttribute("added", addition.added());
        model.addAttribute("lists", shortlists.lists());
        return "discover-fragments :: added";
    }

    @ExceptionHandler(ShortlistProblem.class)
    public String shortlistProblem(ShortlistProblem e, HttpServletResponse response, Model model) {
        response.setStatus(
                e.kind() == ShortlistProblem.Kind.NOT_FOUND
                        ? HttpStatus.NOT_FOUND.value()
                        : HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message", e.field() + ": " + e.getMessage());
        return "discover-fragments :: add-problem";
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    public String badParameter(Exception e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute(
                "message",
                e instanceof MethodArgumentTypeMismatchException m
                        ? m.getName() + ": '" + m.getValue() + "' is not a valid number"
                        : ((MissingServletRequestParameterException) e).getParameterName() + ": missing");
        return "discover-fragments :: add-problem";
    }
}
