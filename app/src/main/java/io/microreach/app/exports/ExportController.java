package io.microreach.app.exports;

import io.microreach.app.campaigns.CampaignProblem;
import io.microreach.app.campaigns.CampaignReport;
import io.microreach.app.campaigns.CampaignReports;
import io.microreach.app.discover.DiscoverController;
import io.microreach.app.niches.NicheService;
import io.microreach.app.planner.PlanPageController;
import io.microreach.app.planner.PlanResponse;
import io.microreach.app.planner.PlanService;
import io.microreach.app.scoring.ScorecardReader;
import io.microreach.app.search.InvalidSearchParameter;
import io.microreach.app.search.NicheScore;
import io.microreach.app.search.SearchHit;
import io.microreach.app.search.SearchRequest;
import io.microreach.app.search.SearchResult;
import io.microreach.app.search.SearchService;
import io.microreach.app.security.AuditTrail;
import io.microreach.app.shortlists.Shortlist;
import io.microreach.app.shortlists.ShortlistEntry;
import io.microreach.app.shortlists.ShortlistProblem;
import io.microreach.app.shortlists.ShortlistService;
import io.microreach.app.users.AuditEvent;
import io.microreach.forecast.Band;
import io.microreach.niches.Niche;
import io.microreach.planner.PlanningException;
import io.microreach.signals.scorecard.Scorecard;
import io.microreach.signals.trust.ScoredComponent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * CSV downloads of what the pages show: a search (the same parameters as Discover and {@code /api/search}), a
 * shortlist, a plan computed from a shortlist (the same fields as the page's budget form) and a creator's scorecard.
 * Headers are in plain words with the unit in brackets, rates are percentages, and every row links back to the
 * creator's page. The cell rules (RFC 4180, UTF-8 with a byte order mark, formula neutralisation) are {@link
 * CsvWriter}'s. A bad parameter is answered before any byte of CSV is written, as problem JSON naming it.
 */
@Controller
public class ExportController {
    /**
     * The most search results one export holds: the first {@value} by the chosen order. Deeper lists are rarely read;
     * narrow the filters instead (the same cap as the exact total count of a keyword search).
     */
    static final int SEARCH_EXPORT_CAP = 1_000;

    private static final int PAGE = SearchRequest.MAX_LIMIT;

    private final SearchService search;
    private final NicheService niches;
    private final ShortlistService shortlists;
    private final PlanService planner;
    private final ScorecardReader scorecards;
    private final AuditTrail audit;
    private final CampaignReports campaignReports;

    public ExportController(
            SearchService search,
            NicheService niches,
            ShortlistService shortlists,
            PlanService planner,
            ScorecardReader scorecards,
            AuditTrail audit,
            CampaignReports campaignReports) {
        this.search = search;
        this.niches = niches;
        this.shortlists = shortlists;
        this.planner = planner;
        this.scorecards = scorecards;
        this.audit = audit;
        this.campaignReports = campaignReports;
    }

    @Operation(
            summary = "A campaign's results per creator, then the whole campaign, as CSV (money in the campaign's"
                    + " currency)")
    @GetMapping(value = "/api/campaigns/{id}/report.csv")
    public void campaignCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        CampaignReport r = campaignReports.report(id);
        try (CsvWriter csv = open(response, "campaign-" + slug(r.name()))) {
            csv.row(
                    "Campaign",
                    "Creator",
                    "Platform",
                    "Size",
                    "Spend (" + r.currency() + ")",
                    "Impressions",
                    "Impressions estimated",
                    "Engagements",
                    "Forecast engagements P10",
                    "Forecast engagements P50",
                    "Forecast engagements P90",
                    "Inside forecast",
                    "Clicks",
                    "Unique clicks",
                    "Conversions",
                    "Revenue (" + r.currency() + ")",
                    "CPE",
                    "CPM",
                    "CPC",
                    "CPA",
                    "ROAS",
                    "ROI (%)",
                    "Promo code leaked");
            for (CampaignReport.CreatorResult c : r.creators()) {
                csv.row(
                        r.name(),
                        c.handle(),
                        c.platform(),
                        c.tier(),
                        c.spend(),
                        c.impressions(),
                        c.impressionsEstimated(),
                        c.engagements(),
                        c.forecast() == null
                                ? null
                                : round(c.forecast().engagements().p10(), 0),
                        c.forecast() == null
                                ? null
                                : round(c.forecast().engagements().p50(), 0),
                        c.forecast() == null
                                ? null
                                : round(c.forecast().engagements().p90(), 0),
                        c.insideForecast(),
                        c.clicks(),
                        c.uniqueClicks(),
                        c.conversions(),
                        c.revenue(),
                        round(c.cpe(), 2),
                        round(c.cpm(), 2),
                        round(c.cpc(), 2),
                        round(c.cpa(), 2),
                        round(c.roas(), 2),
                        percent(c.roi(), 1),
                        c.codeCheck() == null ? null : c.codeCheck().leak());
            }
            csv.row(
                    r.name(),
                    "(campaign)",
                    null,
                    null,
                    r.spend(),
                    r.impressions(),
                    r.impressionsEstimated(),
                    r.engagements(),
                    r.forecast() == null
                            ? null
                            : round(r.forecast().engagements().p10(), 0),
                    r.forecast() == null
                            ? null
                            : round(r.forecast().engagements().p50(), 0),
                    r.forecast() == null
                            ? null
                            : round(r.forecast().engagements().p90(), 0),
                    r.insideForecast(),
                    r.clicks(),
                    r.uniqueClicks(),
                    r.conversions(),
                    r.revenue(),
                    round(r.cpe(), 2),
                    round(r.cpm(), 2),
                    round(r.cpc(), 2),
                    round(r.cpa(), 2),
                    round(r.roas(), 2),
                    percent(r.roi(), 1),
                    !r.leaks().isEmpty());
        }
    }

    @Operation(
            summary =
                    "The audit log as CSV (owners: the workspace's events; administrators with all=true: every event)")
    @GetMapping(value = "/audit.csv")
    public void auditCsv(
            @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "false") boolean all,
            HttpServletResponse response)
            throws IOException {
        java.util.List<AuditEvent> events = audit.visible(since, all);
        try (CsvWriter csv = open(response, "audit")) {
            csv.row("At (UTC)", "Actor", "Workspace", "Action", "Target", "Details");
            for (AuditEvent e : events) {
                csv.row(e.at().toString(), e.actor(), e.workspace(), e.action(), e.target(), e.details());
            }
        }
    }

    @Operation(
            summary = "Search results as CSV",
            description = "The same parameters as /api/search and the Discover page (query, brief, sort, dir and every"
                    + " filter); every page of results up to the first " + SEARCH_EXPORT_CAP + " in the chosen order."
                    + " UTF-8 with a byte order mark; text cells starting with = + - @ are prefixed with ' (numbers"
                    + " stay numeric).")
    @GetMapping(value = "/api/search.csv")
    public void searchCsv(
            @Parameter(hidden = true) @RequestParam Map<String, String> params, HttpServletResponse response)
            throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        params.forEach((k, v) -> form.put(k, v == null ? "" : v.strip()));
        form.remove("page");
        form.remove("offset");
        form.remove("limit");
        form.remove("facets");
        SearchRequest first = DiscoverController.request(form).withFacets(false);
        List<SearchHit> hits = new ArrayList<>();
        for (int offset = 0; offset < SEARCH_EXPORT_CAP; offset += PAGE) {
            SearchResult page = search.search(first.page(offset, Math.min(PAGE, SEARCH_EXPORT_CAP - offset)));
            hits.addAll(page.hits());
            if (page.hits().size() < page.limit()) {
                break;
            }
        }
        Map<String, String> nicheNames =
                niches.taxonomy().stream().collect(Collectors.toMap(Niche::id, Niche::name, (a, b) -> a));
        try (CsvWriter csv = open(response, "search")) {
            csv.row(
                    "Rank",
                    "Handle",
                    "Name",
                    "Platform",
                    "Size",
                    "Followers",
                    "Country",
                    "Language",
                    "Median engagement rate (%)",
                    "Engagement percentile among peers",
                    "Trust score (0-100)",
                    "Suspicious followers (%)",
                    "Reply rate (%)",
                    "Niches (confidence %)",
                    "Estimated price per post, low",
                    "Estimated price per post, high",
                    "Price currency",
                    "Demo data",
                    "Creator page");
            int rank = 1;
            for (SearchHit h : hits) {
                csv.row(
                        rank++,
                        h.handle(),
                        h.displayName(),
                        h.platform(),
                        h.tier(),
                        h.followers(),
                        h.country(),
                        h.language(),
                        percent(h.engagementRate(), 2),
                        round(h.engagementRatePercentile(), 0),
                        round(h.trustScore(), 0),
                        percent(h.suspiciousShare(), 0),
                        percent(h.replyRate(), 0),
                        niches(h.niches(), nicheNames),
                        h.price() == null ? null : round(h.price().low(), 0),
                        h.price() == null ? null : round(h.price().high(), 0),
                        h.price() == null ? null : h.price().currency(),
                        h.demo() ? "yes" : "no",
                        creatorPage(h.accountId()));
            }
        }
    }

    @Operation(summary = "A shortlist's accounts with their key metrics, as CSV")
    @GetMapping(value = "/api/shortlists/{id}.csv")
    public void shortlistCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        Shortlist list = shortlists.get(id);
        List<ShortlistEntry> entries = shortlists.entries(id);
        try (CsvWriter csv = open(response, "shortlist-" + slug(list.name()))) {
            csv.row(
                    "Shortlist",
                    "Handle",
                    "Name",
                    "Platform",
                    "Size",
                    "Followers",
                    "Trust score (0-100)",
                    "Median engagement rate (%)",
                    "Engagement percentile among peers",
                    "Suspicious followers (%)",
                    "Reply rate (%)",
                    "Added (UTC)",
                    "Creator page");
            for (ShortlistEntry e : entries) {
                csv.row(
                        list.name(),
                        e.handle(),
                        e.displayName(),
                        e.platform(),
                        e.tier(),
                        e.followers(),
                        round(e.trustScore(), 0),
                        percent(e.engagementRate(), 2),
                        round(e.engagementRatePercentile(), 0),
                        percent(e.suspiciousShare(), 0),
                        percent(e.replyRate(), 0),
                        e.addedAt() == null ? null : e.addedAt().toString(),
                        creatorPage(e.accountId()));
            }
        }
    }

    @Operation(
            summary = "A plan for a shortlist's accounts, as CSV",
            description = "The same fields as the shortlist page's budget form (budget, currency, objective,"
                    + " deliverable, minCreators, maxCreators, maxBudgetShare, minTrustScore, ctr, conversionRate,"
                    + " averageOrderValue, margin). One row per chosen creator of this plan and of each alternative,"
                    + " then one row per creator left out with the reason.")
    @GetMapping(value = "/shortlists/{id}/plan.csv")
    public void planCsv(
            @PathVariable long id,
            @Parameter(hidden = true) @RequestParam Map<String, String> form,
            HttpServletResponse response)
            throws IOException {
        Shortlist list = shortlists.get(id);
        List<Long> accounts =
                shortlists.entries(id).stream().map(ShortlistEntry::accountId).toList();
        PlanResponse plan = planner.planAmong(PlanPageController.brief(form), accounts);
        try (CsvWriter csv = open(response, "plan-" + slug(list.name()))) {
            csv.row(
                    "Plan",
                    "Handle",
                    "Platform",
                    "Deliverables",
                    "Cost",
                    "Currency",
                    "Price basis",
                    "Impressions P10",
                    "Impressions P50",
                    "Impressions P90",
                    "Engagements P50",
                    "Clicks P50",
                    "Conversions P50",
                    "Revenue P50",
                    "Marginal gain (" + plan.objective() + ")",
                    "Why");
            planRows(csv, "this plan", plan.creators(), plan.currency());
            for (PlanResponse.Alternative a : plan.alternatives()) {
                planRows(csv, a.name(), a.creators(), plan.currency());
            }
            for (var r : plan.rejected()) {
                csv.row(
                        "not chosen",
                        r.handle(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        r.reason());
            }
        }
    }

    private static void planRows(CsvWriter csv, String name, List<PlanResponse.Creator> creators, String currency) {
        for (PlanResponse.Creator c : creators) {
            var f = c.forecast();
            csv.row(
                    name,
                    c.handle(),
                    c.platform(),
                    String.join(" + ", c.deliverables()),
                    round(c.cost(), 2),
                    currency,
                    c.price() == null ? null : (c.price().estimated() ? "estimated" : "rate card"),
                    f == null ? null : round(f.impressions().p10(), 0),
                    f == null ? null : round(f.impressions().p50(), 0),
                    f == null ? null : round(f.impressions().p90(), 0),
                    p50(f == null ? null : f.engagements(), 0),
                    p50(f == null ? null : f.clicks(), 1),
                    p50(f == null ? null : f.conversions(), 2),
                    p50(f == null ? null : f.revenue(), 2),
                    round(c.marginalContribution(), 2),
                    c.reason());
        }
    }

    @Operation(summary = "A creator's trust scorecard, one row per figure, as CSV")
    @GetMapping(value = "/api/creators/{id}/scorecard.csv")
    public void scorecardCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        Scorecard s = scorecards
                .scorecard(id)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "no scorecard for creator account " + id + ": unknown account, or not scored yet"));
        try (CsvWriter csv = open(response, "scorecard-" + s.platform() + "-" + slug(s.handle()))) {
            csv.row(
                    "Section",
                    "Figure",
                    "Value",
                    "Unit",
                    "Peer percentile",
                    "Weight (%)",
                    "Trust points",
                    "Confidence",
                    "Basis or why missing");
            csv.row("account", "Handle", s.handle(), null, null, null, null, null, s.platform());
            csv.row("account", "Followers", s.followers(), "count", null, null, null, null, s.tier());
            csv.row(
                    "headline",
                    "Trust score",
                    round(s.trustScore(), 0),
                    "points of 100",
                    null,
                    null,
                    null,
                    s.trustConfidence() == null
                            ? null
                            : s.trustConfidence().name().toLowerCase(Locale.ROOT),
                    s.trustScore() == null
                            ? "not enough data for a score"
                            : "could be " + round(s.trustLow(), 0) + " to " + round(s.trustHigh(), 0)
                                    + " once the missing evidence is measured");
            csv.row(
                    "headline",
                    "Median engagement rate",
                    percent(s.engagementRate(), 2),
                    "% of followers",
                    round(s.engagementRatePercentile(), 0),
                    null,
                    null,
                    null,
                    s.engagementWindow());
            var sus = s.suspiciousShare();
            csv.row(
                    "headline",
                    "Suspicious followers",
                    sus == null ? null : percent(sus.estimate(), 0),
                    "% of followers",
                    null,
                    null,
                    null,
                    sus == null || sus.confidence() == null
                            ? null
                            : sus.confidence().name().toLowerCase(Locale.ROOT),
                    sus == null
                            ? null
                            : "95% interval " + percent(sus.low(), 0) + "-" + percent(sus.high(), 0) + " % from "
                                    + sus.sampleSize() + " sampled followers");
            csv.row("headline", "Reply rate", percent(s.replyRate(), 0), "% of fan comments answered within 7 days");
            csv.row("headline", "Reply delay (median)", round(s.replyDelayHours(), 1), "hours");
            csv.row("headline", "Sponsored posts", percent(s.sponsoredShare(), 0), "% of recent posts");
            csv.row("headline", "Community cohesion", round(s.cohesion(), 3), "index 0-1");
            csv.row(
                    "headline",
                    "Engagement anomalies",
                    s.anomalies() == null ? null : s.anomalies().count(),
                    "kinds found (of 3)");
            for (ScoredComponent c : s.components()) {
                Unit unit = Unit.of(c.component().id());
                csv.row(
                        "trust component",
                        unit.label(),
                        c.value() == null ? null : round(unit.scale().apply(c.value()), unit.decimals()),
                        unit.unit(),
                        round(c.percentile(), 0),
                        round(c.weight() * 100, 0),
                        round(c.contribution(), 1),
                        c.confidence() == null ? null : c.confidence().name().toLowerCase(Locale.ROOT),
                        c.value() == null ? c.unavailableReason() : c.basis());
            }
            for (Scorecard.MissingEvidence m : s.missingEvidence()) {
                csv.row(
                        "missing evidence",
                        Unit.of(m.component()).label(),
                        null,
                        null,
                        null,
                        round(m.weight() * 100, 0),
                        null,
                        null,
                        m.reason() + "; " + m.howToGet());
            }
        }
    }

    /** How a trust component's value reads: its name, the number shown and its unit. */
    record Unit(String label, Function<Double, Double> scale, String unit, int decimals) {
        static Unit of(String component) {
            Function<Double, Double> pct = v -> v * 100;
            return switch (component) {
                case "engagement" -> new Unit("Engagement", pct, "% median engagement rate", 2);
                case "real_followers" -> new Unit("Real followers", pct, "% of sampled followers", 0);
                case "replies" -> new Unit("Replies to fans", pct, "% of fan comments answered", 0);
                case "community" -> new Unit("Community cohesion", v -> v, "index 0-1", 3);
                case "inviting_content" -> new Unit("Inviting content", pct, "% of captions", 0);
                case "authenticity" -> new Unit("Not over-commercialised", pct, "% of posts not sponsored", 0);
                case "no_anomalies" -> new Unit("No anomalies", v -> v, "kinds of anomaly found", 0);
                default -> new Unit(humanised(component), v -> v, "", 3);
            };
        }
    }

    static String humanised(String id) {
        String words = id.replace('_', ' ').strip();
        return words.isEmpty() ? id : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String niches(List<NicheScore> scores, Map<String, String> names) {
        if (scores == null) {
            return null;
        }
        return scores.stream()
                .map(n -> names.getOrDefault(n.niche(), humanised(n.niche())) + " " + Math.round(n.confidence() * 100)
                        + "%")
                .collect(Collectors.joining("; "));
    }

    private static Double percent(Double fraction, int decimals) {
        return fraction == null ? null : round(fraction * 100, decimals);
    }

    private static Double round(Double value, int decimals) {
        if (value == null || !Double.isFinite(value)) {
            return null;
        }
        return java.math.BigDecimal.valueOf(value)
                .setScale(decimals, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static Double p50(Band band, int decimals) {
        return band == null ? null : round(band.p50(), decimals);
    }

    private static String creatorPage(long accountId) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/creators/{id}")
                .buildAndExpand(accountId)
                .toUriString();
    }

    /** A file name part from a list name or handle: letters, digits and dashes only. */
    static String slug(String name) {
        String s = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "list" : s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static CsvWriter open(HttpServletResponse response, String name) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"microreach-" + name + "-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
        return CsvWriter.utf8(response.getOutputStream());
    }

    @ExceptionHandler(InvalidSearchParameter.class)
    Object invalidSearch(InvalidSearchParameter e, HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, e.parameter(), e.describe());
    }

    @ExceptionHandler(PlanningException.class)
    Object invalidPlan(PlanningException e, HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
    }

    @ExceptionHandler(ShortlistProblem.class)
    Object shortlist(ShortlistProblem e, HttpServletRequest request) {
        HttpStatus status = e.kind() == ShortlistProblem.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return problem(request, status, e.field(), e.field() + ": " + e.getMessage());
    }

    @ExceptionHandler(CampaignProblem.class)
    Object campaign(CampaignProblem e, HttpServletRequest request) {
        HttpStatus status = e.kind() == CampaignProblem.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return problem(request, status, e.field(), e.field() + ": " + e.getMessage());
    }

    /**
     * Problem JSON for the API's exports; the plan export is a page's button (a browser navigation), so it gets the
     * problem page in the app's layout instead.
     */
    private static Object problem(HttpServletRequest request, HttpStatus status, String parameter, String detail) {
        if (!request.getRequestURI().startsWith("/api/")) {
            ModelAndView page = new ModelAndView("problem", status);
            page.addObject("title", "Cannot export this");
            page.addObject("message", detail);
            return page;
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        if (parameter != null) {
            body.setProperty("parameter", parameter);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
