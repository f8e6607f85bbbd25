package io.microreach.app.discover;

import io.microreach.app.niches.NicheService;
import io.microreach.app.search.InvalidSearchParameter;
import io.microreach.app.search.Labels;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * page is a shareable URL that holds the whole state (keywords, brief, filters, order, page) and the form works without
 * JavaScript (htmx only swaps the page body in place and pushes the URL). Links that change the search (facets, the
 * active-filter chips, pages, the demo switch) are built here from that state, so none of them drops what else was
 * chosen. A bad parameter shows the form again with a message at each field it concerns, answered with 400.
 */
@Controller
public class DiscoverController {
    static final int PAGE_SIZE = 25;
    /** The form sends an empty sort for relevance. */
    private static final PageSortParser<SearchSort> PAGING =
            PageSortParser.forSearch("sort", "order", SearchSort.RELEVANCE);

    private static final List<String> NON_FILTERS = List.of("query", "brief", "sort", "dir", "page");

    /** Filters that hold a comma-separated list, so a facet click adds to them or takes a value out. */
    private static final List<String> LIST_FILTERS = List.of("platform", "tier", "niche", "country", "language");

    /** Filters typed into a text box, in the form's order: key, element id, placeholder. */
    private static final List<String[]> TEXT_FILTERS = List.of(
            new String[] {"followers_min", "f-fmin", "e.g. 5,000 or 5k"},
            new String[] {"followers_max", "f-fmax", "e.g. 50,000 or 50k"},
            new String[] {"trust_min", "f-trust", "e.g. 60 (0–100)"},
            new String[] {"er_min", "f-ermin", "e.g. 3%"},
            new String[] {"er_max", "f-ermax", "e.g. 15%"},
            new String[] {"er_percentile_min", "f-erpct", "e.g. 50 (0–100)"},
            new String[] {"suspicious_max", "f-susp", "e.g. 10%"},
            new String[] {"reply_rate_min", "f-reply", "e.g. 20%"},
            new String[] {"niche_confidence_min", "f-niche-conf", "e.g. 50%"},
            new String[] {"country", "f-country", "e.g. Germany or DE"},
            new String[] {"language", "f-lang", "e.g. German or de"},
            new String[] {"price_min", "f-pmin", "e.g. 100"},
            new String[] {"price_max", "f-pmax", "e.g. 1,500"});

    private final SearchService search;
    private final NicheService niches;
    private final ShortlistService shortlists;
    private final Labels labels;

    public DiscoverController(SearchService search, NicheService niches, ShortlistService shortlists, Labels labels) {
        this.search = search;
        this.niches = niches;
        this.shortlists = shortlists;
        this.labels = labels;
    }

    /** A text filter of the form with what it shows. */
    public record TextField(
            String name, String id, String label, String placeholder, boolean rate, String value, String error) {}

    /**
     * A facet value as a link that toggles it within the current filters.
     *
     * @param active whether the value is already a filter (the link then takes it out)
     */
    public record FacetLink(String label, long count, String href, boolean active) {}

    /** A filter in force, with the link that removes only it. */
    public record ActiveFilter(String label, String value, String removeHref) {}

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
        page.addObject("maxQueryLength", SearchRequest.MAX_QUERY_LENGTH);
        page.addObject("maxBriefLength", SearchRequest.MAX_BRIEF_LENGTH);
        page.addObject(
                "filtersUsed",
                form.entrySet().stream()
                        .anyMatch(e -> !NON_FILTERS.contains(e.getKey())
                                && !e.getValue().isBlank()));
        Map<String, String> state = state(form);
        page.addObject("active", activeFilters(state));
        page.addObject("multiValue", multiValueLabels(state));
        page.addObject("demoShowHref", link(with(state, "include_demo", "true")));
        page.addObject("demoHideHref", link(with(state, "include_demo", "false")));
        page.addObject(
                "clearHref",
                link(without(
                        state, k -> !List.of("query", "brief", "include_demo").contains(k))));
        Map<String, String> fieldErrors = Map.of();
        try {
            SearchRequest request = request(form);
            SearchResult result = search.search(request);
            int number = request.offset() / PAGE_SIZE;
            page.addObject("result", result);
            page.addObject("chipLinks", BriefChipLinks.of(form, result.interpretedBrief()));
            page.addObject("page", number);
            page.addObject("emptyReason", result.emptyReason() == null ? null : plain(result.emptyReason()));
            page.addObject("facets", facets(result, state));
            page.addObject("prevHref", link(with(state, "page", Integer.toString(number - 1))));
            page.addObject("nextHref", link(with(state, "page", Integer.toString(number + 1))));
            page.addObject("csvHref", csvHref(form));
        } catch (InvalidSearchParameter e) {
            fieldErrors = fieldErrors(form, e);
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject("error", labels.parameter(e.parameter()) + ": " + plain(e.getMessage()));
            page.addObject("errorField", e.parameter());
            page.addObject(
                    "errors",
                    fieldErrors.entrySet().stream()
                            .map(x -> labels.parameter(x.getKey()) + ": " + x.getValue())
                            .toList());
        }
        page.addObject("fieldErrors", fieldErrors);
        Map<String, String> errors = fieldErrors;
        page.addObject(
                "textFields",
                TEXT_FILTERS.stream()
                        .map(f -> new TextField(
                                f[0],
                                f[1],
                                labels.parameter(f[0]) + (SearchParameters.isRate(f[0]) ? " (%)" : ""),
                                f[2],
                                SearchParameters.isRate(f[0]),
                                form.getOrDefault(f[0], ""),
                                errors.get(f[0])))
                        .toList());
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

    /**
     * Every field the form cannot use, each with its own reason: the search stops at the first problem, so each
     * parameter is read again on its own here, and a user fixes them all in one go. A problem that no single field
     * has alone (two ranges that contradict) is kept under the parameter the search named.
     */
    static Map<String, String> fieldErrors(Map<String, String> form, InvalidSearchParameter first) {
        Map<String, String> errors = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (value.isBlank()) {
                return;
            }
            try {
                switch (key) {
                    case "sort" -> PAGING.sort(value);
                    case "dir" -> PAGING.descending(value);
                    case "page" -> PAGING.pageNumber(value);
                    case "query" -> SearchRequest.of(value, null, null, 1);
                    case "brief" -> {
                        if (value.length() > SearchRequest.MAX_BRIEF_LENGTH) {
                            SearchRequest.of(null, value, null, 1);
                        }
                    }
                    default -> SearchParameters.parse(Map.of(key, value));
                }
            } catch (InvalidSearchParameter e) {
                errors.put(e.parameter(), e.getMessage());
            }
        });
        errors.putIfAbsent(first.parameter(), first.getMessage());
        return errors;
    }

    /** The parameters that define the search, blanks left out, in a stable order (the form's). */
    static Map<String, String> state(Map<String, String> form) {
        Map<String, String> state = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (!v.isBlank()) {
                state.put(k, v);
            }
        });
        return state;
    }

    private List<ActiveFilter> activeFilters(Map<String, String> state) {
        List<ActiveFilter> active = new ArrayList<>();
        state.forEach((key, value) -> {
            if (NON_FILTERS.contains(key) || key.equals("include_demo")) {
                return;
            }
            if (LIST_FILTERS.contains(key)) {
                for (String item : items(value)) {
                    active.add(new ActiveFilter(
                            labels.parameter(key), label(key, item), link(withPage0(toggled(state, key, item)))));
                }
            } else {
                active.add(new ActiveFilter(
                        labels.parameter(key), shown(key, value), link(withPage0(without(state, key::equals)))));
            }
        });
        return active;
    }

    /** Labels of list filters holding more than one value, so a single-choice menu can still show them. */
    private Map<String, String> multiValueLabels(Map<String, String> state) {
        Map<String, String> multi = new LinkedHashMap<>();
        for (String key : LIST_FILTERS) {
            List<String> items = items(state.getOrDefault(key, ""));
            if (items.size() > 1) {
                multi.put(
                        key,
                        String.join(", ", items.stream().map(i -> label(key, i)).toList()));
            }
        }
        return multi;
    }

    private Map<String, List<FacetLink>> facets(SearchResult result, Map<String, String> state) {
        Map<String, List<FacetLink>> out = new LinkedHashMap<>();
        if (result.facets() == null) {
            return out;
        }
        out.put("niche", facet("niche", result.facets().niche(), state));
        out.put("tier", facet("tier", result.facets().tier(), state));
        out.put("platform", facet("platform", result.facets().platform(), state));
        out.put("country", facet("country", result.facets().country(), state));
        return out;
    }

    private List<FacetLink> facet(String key, List<SearchResult.FacetCount> counts, Map<String, String> state) {
        List<String> current = items(state.getOrDefault(key, "")).stream()
                .map(v -> normalised(key, v))
                .toList();
        return counts.stream()
                .map(c -> new FacetLink(
                        label(key, c.value()),
                        c.count(),
                        link(withPage0(toggled(state, key, c.value()))),
                        current.contains(normalised(key, c.value()))))
                .toList();
    }

    /** The state with {@code value} added to, or (when there) taken out of, the list filter {@code key}. */
    static Map<String, String> toggled(Map<String, String> state, String key, String value) {
        List<String> items = new ArrayList<>(items(state.getOrDefault(key, "")));
        boolean removed = items.removeIf(i -> normalised(key, i).equals(normalised(key, value)));
        if (!removed) {
            items.add(value);
        }
        return items.isEmpty() ? without(state, key::equals) : with(state, key, String.join(",", items));
    }

    private static String normalised(String key, String value) {
        String v = value.strip();
        if (key.equals("country")) {
            String code = SearchParameters.countryCode(v);
            return code == null ? v.toUpperCase(Locale.ROOT) : code;
        }
        return v.toLowerCase(Locale.ROOT);
    }

    private String label(String key, String value) {
        return switch (key) {
            case "niche" -> labels.niche(value);
            case "tier" -> labels.tier(value);
            case "platform" -> labels.platform(value);
            case "country" -> {
                String code = SearchParameters.countryCode(value);
                yield code == null ? value : labels.country(code);
            }
            case "language" -> labels.language(value);
            default -> value;
        };
    }

    private String shown(String key, String value) {
        return switch (key) {
            case "has_contact" -> value.equalsIgnoreCase("true") ? "has contact details" : "no contact details";
            default -> value;
        };
    }

    /**
     * A message with the parameters it names replaced by their labels ("followers_min" by "Followers from"). Only the
     * names with an underscore: the others are ordinary words ("text", "niche") that messages also use as words.
     */
    private String plain(String message) {
        String out = message;
        for (String key : SearchParameters.KEYS.stream()
                .filter(k -> k.contains("_"))
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) {
            out = out.replace(key, labels.parameter(key));
        }
        return out;
    }

    private static List<String> items(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static Map<String, String> with(Map<String, String> state, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(state);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, String> without(Map<String, String> state, java.util.function.Predicate<String> drop) {
        Map<String, String> copy = new LinkedHashMap<>(state);
        copy.keySet().removeIf(drop);
        return copy;
    }

    private static Map<String, String> withPage0(Map<String, String> state) {
        return without(state, "page"::equals);
    }

    /** The Discover URL of a state; page 0 is left out. */
    static String link(Map<String, String> state) {
        StringBuilder url = new StringBuilder("/discover");
        char sep = '?';
        for (Map.Entry<String, String> e : state.entrySet()) {
            if (e.getKey().equals("page") && e.getValue().equals("0")) {
                continue;
            }
            url.append(sep)
                    .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return url.toString();
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
