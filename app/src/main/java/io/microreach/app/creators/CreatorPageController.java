package io.microreach.app.creators;

import io.microreach.app.campaigns.CreatorReliability;
import io.microreach.app.crawl.AccountProvenance;
import io.microreach.app.shortlists.ShortlistService;
import io.microreach.campaigns.ReliabilityHistory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The creator page (profile, charts, trust breakdown, raw data, "add to shortlist") and the evidence pages behind
 * each trust component. Unknown ids get a 404 page, malformed ones a 400 page naming the parameter.
 */
@Controller
public class CreatorPageController {
    private final CreatorQueries queries;
    private final ShortlistService shortlists;
    private final JsonMapper json;
    private final AccountProvenance provenance;
    private final CreatorReliability reliability;

    public CreatorPageController(
            CreatorQueries queries,
            ShortlistService shortlists,
            JsonMapper json,
            AccountProvenance provenance,
            CreatorReliability reliability) {
        this.queries = queries;
        this.shortlists = shortlists;
        this.json = json;
        this.provenance = provenance;
        this.reliability = reliability;
    }

    /**
     * The creator page. {@code posts}, {@code comments} and {@code followers} pick the page of each long list (from
     * 0); {@code from} is the Discover query string the user came from, so "← Discover" goes back to their search
     * (without it, a Referer from Discover supplies it).
     */
    @GetMapping("/creators/{id}")
    public String creator(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int posts,
            @RequestParam(defaultValue = "0") int comments,
            @RequestParam(defaultValue = "0") int followers,
            @RequestParam(required = false) String from,
            @RequestHeader(value = "Referer", required = false) String referer,
            Model model) {
        CreatorDetail detail = queries.detail(id, new CreatorQueries.Pages(posts, comments, followers))
                .orElseThrow(() -> new CreatorController.NotFound("No creator account with id " + id + "."));
        String query = from != null ? from : DiscoverLink.queryOf(referer);
        model.addAttribute("from", query);
        model.addAttribute("discoverUrl", DiscoverLink.url(query));
        model.addAttribute("c", detail);
        // Chart data travels as JSON in a data attribute: Thymeleaf escapes it, the page script parses it.
        model.addAttribute("chartJson", json.writeValueAsString(detail.charts()));
        model.addAttribute("accountId", id);
        model.addAttribute("provenance", provenance.forAccount(id).orElse(null));
        model.addAttribute("lists", shortlists.lists());
        model.addAttribute("memberOf", shortlists.listsContaining(id));
        ReliabilityHistory record = reliability.forAccount(id).orElse(null);
        model.addAttribute("record", record);
        model.addAttribute("reliabilityWeight", reliability.weight());
        model.addAttribute("reliabilityFactor", record == null ? 1.0 : record.rankingFactor(reliability.weight()));
        return "creator";
    }

    /** The posts, comments or sampled followers behind one trust component of the creator's scorecard. */
    @GetMapping("/creators/{id}/evidence/{component}")
    public String evidence(@PathVariable long id, @PathVariable String component, Model model) {
        if (!component.matches("[a-z_]{1,40}")) {
            throw new CreatorController.BadParameter("component", "not a trust component id: '" + component + "'");
        }
        CreatorEvidence evidence = queries.evidence(id, component)
                .orElseThrow(() -> new CreatorController.NotFound("No scored creator account with id " + id
                        + " and trust component '" + component + "' (open the creator page for the list)."));
        model.addAttribute("e", evidence);
        return "evidence";
    }

    @ExceptionHandler(CreatorController.BadParameter.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String badParameter(CreatorController.BadParameter e, Model model) {
        model.addAttribute("title", "Bad request");
        model.addAttribute("message", "Parameter '" + e.parameter + "': " + e.getMessage());
        return "problem";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String typeMismatch(MethodArgumentTypeMismatchException e, Model model) {
        model.addAttribute("title", "Bad request");
        model.addAttribute("message", "Parameter '" + e.getName() + "': '" + e.getValue() + "' is not a valid number.");
        return "problem";
    }

    @ExceptionHandler(CreatorController.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound(CreatorController.NotFound e, Model model) {
        model.addAttribute("title", "Not found");
        model.addAttribute("message", e.getMessage());
        return "problem";
    }
}
