package io.microreach.app.search;

import io.microreach.domain.Platform;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST search and lookalikes; documented in the OpenAPI description at /v3/api-docs. */
@RestController
public class SearchController {
    /** A blank sort never gets here: the parameter's default fills it in. */
    private static final PageSortParser<SearchSort> PAGING = PageSortParser.forSearch("sort", "sort", null);

    private final SearchService search;

    public SearchController(SearchService search) {
        this.search = search;
    }

    @Operation(
            summary = "Search creator accounts",
            description =
                    "Filters, keywords (BM25 over bio, captions and hashtags, stemmed for en/de/es/fr/it/pt) and a"
                            + " brand brief matched semantically, combined into one hybrid score: see 'formula' in the"
                            + " answer and docs/search.md. Every hit explains its rank. Filter parameters: platform, tier,"
                            + " followers_min, followers_max, er_min, er_max (fractions), er_percentile_min,"
                            + " er_percentile_max, trust_min, suspicious_max, reply_rate_min, niche (comma list),"
                            + " niche_confidence_min, country, language, price_min, price_max, has_contact, text (handle or"
                            + " name contains), include_demo (true/false; by default the generated demo creators are left out"
                            + " as soon as a real creator exists; 'demo' in the result says how many there are and"
                            + " whether they were hidden). Contradictory ranges give an empty result with 'emptyReason'."
                            + " A missing trust score is ranked as the pool's median (trustMissing, trustAssumed in"
                            + " each hit's explanation), never as 0. A brief's stated country, language, platform and"
                            + " creator size are read into 'interpretedBrief' chips (filters or boosts);"
                            + " brief_ignore=field:value,... removes chips. 'order' says how the results are sorted.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        content = @Content(schema = @Schema(implementation = SearchResult.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "a malformed parameter (named in the problem's detail), or a brief while"
                                + " semantic search is unavailable")
            })
    @GetMapping(value = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
    public SearchResult search(
            @Parameter(description = "keywords (simple query syntax: \"a phrase\", -exclude, prefix*)")
                    @RequestParam(required = false)
                    String query,
            @Parameter(description = "a brand brief in free text, matched semantically") @RequestParam(required = false)
                    String brief,
            @Parameter(
                            description = "relevance (default) or a metric: " + "followers, following, posts, er,"
                                    + " er_percentile, trust, suspicious_share, reply_rate, last_seen, handle, platform,"
                                    + " country")
                    @RequestParam(defaultValue = "relevance")
                    String sort,
            @Parameter(description = "asc or desc; default: the sort's natural direction")
                    @RequestParam(required = false)
                    String dir,
            @Parameter(description = "results to skip") @RequestParam(defaultValue = "0") String offset,
            @Parameter(description = "results to return, 1..500") @RequestParam(defaultValue = "20") String limit,
            @Parameter(description = "count niches, tiers, platforms and countries over all matches")
                    @RequestParam(defaultValue = "true")
                    String facets,
            @Parameter(hidden = true) @RequestParam Map<String, String> all) {
        Map<String, String> filters = new LinkedHashMap<>(all);
        for (String k : new String[] {"query", "brief", "sort", "dir", "offset", "limit", "facets"}) {
            filters.remove(k);
        }
        SearchSort order = PAGING.sort(sort);
        Boolean descending = PAGING.descending(dir);
        boolean withFacets = bool("facets", facets);
        SearchFilters parsed = SearchParameters.parse(filters);
        PageSortParser.Page page = PAGING.byOffset(
                PageSortParser.wholeNumber("offset", offset), PageSortParser.wholeNumber("limit", limit));
        return search.search(
                new SearchRequest(query, brief, parsed, order, descending, page.offset(), page.limit(), withFacets));
    }

    @Operation(
            summary = "Creators like @x, by content embedding",
            description = "Accounts whose bio, captions and hashtags are most similar to the given account's (cosine"
                    + " of the content embeddings), excluding it. The same filter parameters as /api/search apply."
                    + " Audience-based lookalikes come with the planner.",
            responses = {
                @ApiResponse(responseCode = "200"),
                @ApiResponse(responseCode = "400", description = "bad platform or parameter, or no embedding"),
                @ApiResponse(responseCode = "404", description = "unknown account")
            })
    @GetMapping(value = "/api/accounts/{platform}/{handle}/lookalikes", produces = MediaType.APPLICATION_JSON_VALUE)
    public SearchService.Lookalikes lookalikes(
            @PathVariable String platform,
            @PathVariable String handle,
            @RequestParam(defaultValue = "20") String limit,
            @Parameter(hidden = true) @RequestParam Map<String, String> all) {
        Platform p = Platform.fromId(platform)
                .orElseThrow(() -> new InvalidSearchParameter(
                        "platform", "unknown platform '" + platform + "'; expected one of " + Platform.allowedIds()));
        Map<String, String> filters = new LinkedHashMap<>(all);
        filters.remove("limit");
        return search.lookalikes(
                p, handle, SearchParameters.parse(filters), PageSortParser.wholeNumber("limit", limit));
    }

    private static boolean bool(String name, String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSearchParameter(name, "must be true or false, got '" + value + "'");
        };
    }

    @ExceptionHandler(InvalidSearchParameter.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSearchParameter e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.describe());
        problem.setProperty("parameter", e.parameter());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(SearchService.AccountNotFound.class)
    ResponseEntity<ProblemDetail> notFound(SearchService.AccountNotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
    }
}
