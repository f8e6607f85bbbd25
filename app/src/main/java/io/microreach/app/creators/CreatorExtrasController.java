package io.microreach.app.creators;

import io.microreach.app.niches.NicheService;
import io.microreach.app.niches.UnknownNicheException;
import io.microreach.app.planner.PlanService;
import io.microreach.app.search.InvalidSearchParameter;
import io.microreach.app.search.SearchFilters;
import io.microreach.app.search.SearchService;
import io.microreach.domain.Platform;
import io.microreach.planner.PlanningException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The creator page's niche and lookalike sections, loaded by htmx after the page (so a slow similarity search never
 * holds the page back) and refreshed in place after a niche correction.
 */
@Controller
public class CreatorExtrasController {
    static final int LOOKALIKES = 8;
    /** An overlap interval wider than this (as a share, 50 points) says too little to draw as a bar. */
    static final double WIDEST_INFORMATIVE_INTERVAL = 0.5;

    /**
     * One shared-audience lookalike as the page shows it.
     *
     * @param accountId the lookalike's account id, {@code null} when it is not stored (no link)
     * @param share the share of this creator's audience also in the lookalike's, with its bounds (0..1)
     * @param enoughData whether the interval is narrow enough to show the share; otherwise the page says "not enough
     *     data" instead of a bar
     */
    public record AudienceMatch(
            Long accountId, String handle, double share, double low, double high, boolean enoughData) {
        public String range() {
            return String.format(java.util.Locale.ROOT, "%.0f–%.0f%%", low * 100, high * 100);
        }

        public String estimate() {
            return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
        }
    }

    /**
     * The page's rows for audience lookalikes: only the creator's own platform, the raw ids turned into handles, the
     * overlaps measured well enough to show first (in the planner's order), then those that say "not enough data".
     */
    static List<AudienceMatch> matches(
            String platform, List<io.microreach.audience.Lookalike> lookalikes, Map<String, Long> ids) {
        String prefix = platform + ":";
        return lookalikes.stream()
                .filter(l -> l.id().startsWith(prefix))
                .map(l -> {
                    var share = l.overlap().shareOfAInB();
                    boolean enough =
                            l.overlap().known() && share.upper() - share.lower() <= WIDEST_INFORMATIVE_INTERVAL;
                    return new AudienceMatch(
                            ids.get(l.id()),
                            l.id().substring(prefix.length()),
                            share.estimate(),
                            share.lower(),
                            share.upper(),
                            enough);
                })
                .sorted(java.util.Comparator.comparing((AudienceMatch m) -> !m.enoughData()))
                .toList();
    }

    private final CreatorQueries queries;
    private final NicheService niches;
    private final SearchService search;
    private final PlanService planner;

    public CreatorExtrasController(
            CreatorQueries queries, NicheService niches, SearchService search, PlanService planner) {
        this.queries = queries;
        this.niches = niches;
        this.search = search;
        this.planner = planner;
    }

    private CreatorQueries.Handle handle(long id) {
        return queries.handle(id)
                .orElseThrow(() -> new CreatorController.NotFound("No creator account with id " + id + "."));
    }

    @GetMapping("/creators/{id}/niches")
    public String niches(@PathVariable long id, Model model) {
        handle(id);
        model.addAttribute("accountId", id);
        model.addAttribute("niches", niches.nichesOf(id));
        model.addAttribute("corrections", niches.correctionsOf(id));
        model.addAttribute("taxonomy", niches.taxonomy());
        return "creator-extras :: niches";
    }

    /**
     * One correction: {@code assigned=true} puts the account in the niche, {@code false} takes it out for good. The
     * account's derived data (niches, search index, audiences) is refreshed right away (the service publishes {@code
     * NicheCorrected}).
     */
    @PostMapping("/creators/{id}/niches")
    public String correct(
            @PathVariable long id, @RequestParam String niche, @RequestParam boolean assigned, Model model) {
        handle(id);
        niches.correct(id, assigned ? Set.of(niche) : Set.of(), assigned ? Set.of() : Set.of(niche));
        model.addAttribute("saved", (assigned ? "Added " : "Removed ") + niche + ".");
        return niches(id, model);
    }

    @GetMapping("/creators/{id}/lookalikes")
    public String lookalikes(@PathVariable long id, Model model) {
        CreatorQueries.Handle h = handle(id);
        model.addAttribute("accountId", id);
        try {
            SearchService.Lookalikes content = search.lookalikes(
                    Platform.fromId(h.platform()).orElseThrow(), h.handle(), SearchFilters.NONE, LOOKALIKES);
            model.addAttribute("content", content.hits());
            model.addAttribute("contentReason", content.emptyReason());
        } catch (InvalidSearchParameter | SearchService.AccountNotFound e) {
            // No embedding yet, or the account vanished: say so in the section instead of failing the page.
            model.addAttribute("content", List.of());
            model.addAttribute("contentReason", e.getMessage());
        }
        List<io.microreach.audience.Lookalike> audience = List.of();
        try {
            audience = planner.lookalikes(h.platform(), h.handle(), LOOKALIKES);
        } catch (PlanningException e) {
            model.addAttribute("audienceReason", "Not enough audience data: " + e.getMessage());
        }
        // Links for the audience lookalikes, which are named "platform:handle".
        Map<String, Long> ids = queries.idsByAudienceName(
                audience.stream().map(io.microreach.audience.Lookalike::id).toList());
        List<AudienceMatch> matches = matches(h.platform(), audience, ids);
        model.addAttribute("audience", matches);
        model.addAttribute("audienceSketched", queries.hasAudienceIds(id));
        return "creator-extras :: lookalikes";
    }

    @ExceptionHandler(UnknownNicheException.class)
    public String unknownNiche(UnknownNicheException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message", "niche: " + e.getMessage());
        return "creator-extras :: problem";
    }

    @ExceptionHandler(CreatorController.NotFound.class)
    public String notFound(CreatorController.NotFound e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("message", e.getMessage());
        return "creator-extras :: problem";
    }

    @ExceptionHandler({
        MethodArgumentTypeMismatchException.class,
        org.springframework.web.bind.MissingServletRequestParameterException.class
    })
    public String badParameter(Exception e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute(
                "message",
                e instanceof MethodArgumentTypeMismatchException m
                        ? m.getName() + ": '" + m.getValue() + "' is not valid"
                        : ((org.springframework.web.bind.MissingServletRequestParameterException) e).getParameterName()
                                + ": missing");
        return "creator-extras :: problem";
    }
}
