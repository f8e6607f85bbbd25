package io.microreach.app.campaigns;

import io.microreach.app.planner.PlanPageController;
import io.microreach.app.shortlists.Shortlist;
import io.microreach.app.shortlists.ShortlistEntry;
import io.microreach.app.shortlists.ShortlistService;
import io.microreach.app.tracking.WebhookEndpoint;
import io.microreach.app.tracking.WebhookSecrets;
import io.microreach.planner.PlanningException;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The campaign pages: the list with the form that starts a campaign from a shortlist, the start from a plan (the
 * shortlist page's plan result posts here), and the board of one campaign, where deliverables move through their
 * statuses and posts, notes and promo codes are entered. Plain form posts that redirect back, so everything works
 * without JavaScript; a problem is shown on the page next to what caused it, never as a stack trace.
 */
@Controller
public class CampaignPageController {
    private final CampaignService campaigns;
    private final CampaignStarter starter;
    private final ShortlistService shortlists;
    private final CampaignReports reports;
    private final WebhookSecrets secrets;
    private final JsonMapper json;

    public CampaignPageController(
            CampaignService campaigns,
            CampaignStarter starter,
            ShortlistService shortlists,
            CampaignReports reports,
            WebhookSecrets secrets,
            JsonMapper json) {
        this.campaigns = campaigns;
        this.starter = starter;
        this.shortlists = shortlists;
        this.reports = reports;
        this.secrets = secrets;
        this.json = json;
    }

    @GetMapping("/campaigns")
    public String list(@RequestParam(required = false) Long shortlist, Model model) {
        model.addAttribute("campaigns", campaigns.list());
        List<Shortlist> lists = shortlists.lists();
        model.addAttribute("shortlists", lists);
        model.addAttribute("selectedShortlist", shortlist);
        model.addAttribute("maxName", CampaignService.MAX_NAME_LENGTH);
        model.addAttribute("form", Map.of());
        return "campaigns";
    }

    @PostMapping("/campaigns")
    public String createFromShortlist(
            @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        try {
            long shortlistId = parseId(form.get("shortlistId"));
            Campaign c = starter.fromShortlist(shortlistId, settings(form));
            return "redirect:/campaigns/" + c.id();
        } catch (CampaignProblem e) {
            response.setStatus(status(e).value());
            list(null, model);
            model.addAttribute("form", form);
            model.addAttribute("error", e);
            return "campaigns";
        }
    }

    /** Starts a campaign from the plan of a shortlist: the plan form's fields come back with the campaign's. */
    @PostMapping("/campaigns/from-plan")
    public String createFromPlan(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        long shortlistId = parseId(form.get("shortlistId"));
        List<Long> accounts = shortlists.entries(shortlistId).stream()
                .map(ShortlistEntry::accountId)
                .toList();
        try {
            Campaign c = starter.fromPlanAmong(PlanPageController.brief(form), accounts, settings(form));
            return "redirect:/campaigns/" + c.id();
        } catch (CampaignProblem e) {
            response.setStatus(status(e).value());
            list(shortlistId, model);
            model.addAttribute("form", form);
            model.addAttribute("error", e);
            return "campaigns";
        }
    }

    @GetMapping("/campaigns/{id}")
    public String board(@PathVariable long id, Model model) {
        Campaign c = campaigns.get(id);
        model.addAttribute("campaign", c);
        model.addAttribute("timeline", campaigns.timeline(id));
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("campaignStatuses", List.of("draft", "running", "finished", "cancelled"));
        CampaignReport report = reports.report(id);
        model.addAttribute("report", report);
        model.addAttribute("chartJson", json.writeValueAsString(chart(report)));
        WebhookEndpoint endpoint = secrets.current();
        model.addAttribute("ordersUrl", endpoint.ordersUrl());
        model.addAttribute("shopifyUrl", endpoint.shopifyUrl());
        return "campaign";
    }

    /** The numbers of the board's charts: clicks and orders per day, and the creators side by side. */
    record Chart(
            List<String> days,
            List<Long> clicks,
            List<Long> orders,
            List<String> creators,
            List<Long> engagements,
            List<Long> creatorClicks,
            List<Long> conversions) {}

    static Chart chart(CampaignReport r) {
        return new Chart(
                r.perDay().stream().map(d -> d.day().toString()).toList(),
                r.perDay().stream().map(CampaignReport.Day::clicks).toList(),
                r.perDay().stream().map(CampaignReport.Day::orders).toList(),
                r.creators().stream().map(c -> "@" + c.handle()).toList(),
                r.creators().stream()
                        .map(CampaignReport.CreatorResult::engagements)
                        .toList(),
                r.creators().stream().map(CampaignReport.CreatorResult::clicks).toList(),
                r.creators().stream()
                        .map(CampaignReport.CreatorResult::conversions)
                        .toList());
    }

    /** A new signing secret for the workspace's order webhooks, shown this once on the board. */
    @PostMapping("/campaigns/{id}/webhook-secret")
    public String rotateSecret(@PathVariable long id, Model model) {
        campaigns.get(id);
        WebhookEndpoint rotated = secrets.rotateCurrent();
        board(id, model);
        model.addAttribute("newSecret", rotated.secret());
        return "campaign";
    }

    @PostMapping("/campaigns/{id}/ugc/{postId}")
    public String markUgc(
            @PathVariable long id, @PathVariable long postId, @RequestParam(defaultValue = "") String status) {
        campaigns.markUgc(id, postId, status);
        return "redirect:/campaigns/" + id + "#ugc";
    }

    @PostMapping("/campaigns/{id}/deliverables/{deliverableId}/status")
    public String move(
            @PathVariable long id,
            @PathVariable long deliverableId,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String note) {
        campaigns.move(id, deliverableId, status, note);
        return "redirect:/campaigns/" + id + "#deliverable-" + deliverableId;
    }

    @PostMapping("/campaigns/{id}/deliverables/{deliverableId}/post")
    public String post(
            @PathVariable long id, @PathVariable long deliverableId, @RequestParam(defaultValue = "") String post) {
        campaigns.linkPost(id, deliverableId, post);
        return "redirect:/campaigns/" + id + "#deliverable-" + deliverableId;
    }

    @PostMapping("/campaigns/{id}/creators/{creatorId}/promo-code")
    public String promoCode(
            @PathVariable long id, @PathVariable long creatorId, @RequestParam(defaultValue = "") String promoCode) {
        campaigns.setPromoCode(id, creatorId, promoCode);
        return "redirect:/campaigns/" + id + "#creator-" + creatorId;
    }

    @PostMapping("/campaigns/{id}/notes")
    public String note(
            @PathVariable long id,
            @RequestParam(required = false) Long creatorId,
            @RequestParam(defaultValue = "") String note) {
        campaigns.addNote(id, creatorId, note);
        return "redirect:/campaigns/" + id + "#timeline";
    }

    @PostMapping("/campaigns/{id}/status")
    public String status(@PathVariable long id, @RequestParam(defaultValue = "") String status) {
        campaigns.setStatus(id, status);
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/delete")
    public String delete(@PathVariable long id) {
        campaigns.delete(id);
        return "redirect:/campaigns";
    }

    /** A problem on the board (a move not allowed, a bad promo code) shows on the board with the right status. */
    @ExceptionHandler(CampaignProblem.class)
    public String problem(
            CampaignProblem e,
            jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setStatus(status(e).value());
        Long id = campaignIdOf(request.getRequestURI());
        if (id != null && e.kind() != CampaignProblem.Kind.NOT_FOUND) {
            board(id, model);
            model.addAttribute("error", e);
            return "campaign";
        }
        model.addAttribute("status", status(e).value());
        model.addAttribute("title", "Not found");
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    @ExceptionHandler(PlanningException.class)
    public String planning(PlanningException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        list(null, model);
        model.addAttribute("error", CampaignProblem.invalid(e.field(), e.getMessage()));
        return "campaigns";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public String badId(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("status", 404);
        model.addAttribute("title", "Not found");
        model.addAttribute("message", "There is no such campaign.");
        return "problem";
    }

    private static Long campaignIdOf(String uri) {
        String[] parts = uri.split("/");
        if (parts.length > 2 && parts[1].equals("campaigns")) {
            try {
                return Long.parseLong(parts[2]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static CampaignSettings settings(Map<String, String> form) {
        return new CampaignSettings(
                form.get("name"),
                form.get("landingUrl"),
                blankToNull(form.get("hashtag")),
                form.get("brandHandles") == null
                        ? List.of()
                        : Arrays.stream(form.get("brandHandles").split("[,\\s]+"))
                                .filter(s -> !s.isBlank())
                                .toList(),
                date(form, "startsOn"),
                date(form, "endsOn"),
                integer(form, "attributionWindowDays"),
                decimal(form, "campaignBudget"),
                blankToNull(form.get("campaignCurrency")));
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id == null ? "" : id.trim());
        } catch (NumberFormatException e) {
            throw CampaignProblem.invalid("shortlistId", "choose a shortlist");
        }
    }

    private static LocalDate date(Map<String, String> form, String field) {
        String v = blankToNull(form.get(field));
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw CampaignProblem.invalid(field, "'" + v + "' is not a date like 2026-05-01");
        }
    }

    private static Integer integer(Map<String, String> form, String field) {
        String v = blankToNull(form.get(field));
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw CampaignProblem.invalid(field, "'" + v + "' is not a whole number");
        }
    }

    private static BigDecimal decimal(Map<String, String> form, String field) {
        String v = blankToNull(form.get(field));
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", ""));
        } catch (NumberFormatException e) {
            throw CampaignProblem.invalid(field, "'" + v + "' is not an amount");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static HttpStatus status(CampaignProblem e) {
        return switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }
}
