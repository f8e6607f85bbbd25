package io.microreach.app.outreach;

import io.microreach.app.campaigns.Campaign;
import io.microreach.app.campaigns.CampaignProblem;
import io.microreach.app.campaigns.CampaignService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's outreach page: the templates with a preview for the first creator (live with htmx, a button without
 * JavaScript), the creators with their contact e-mail and last message, "Send invitations" and the message log.
 * Plain form posts that redirect back; a problem shows on the page next to the form that caused it.
 */
@Controller
public class OutreachPageController {
    private final OutreachService outreach;
    private final OutreachTemplates templates;
    private final CampaignService campaigns;

    public OutreachPageController(OutreachService outreach, OutreachTemplates templates, CampaignService campaigns) {
        this.outreach = outreach;
        this.templates = templates;
        this.campaigns = campaigns;
    }

    @GetMapping("/campaigns/{id}/outreach")
    public String page(@PathVariable long id, Model model) {
        Campaign campaign = campaigns.get(id);
        List<OutreachMessage> messages = outreach.messages(id);
        Map<Long, OutreachMessage> last = new LinkedHashMap<>();
        for (OutreachMessage m : messages) {
            last.putIfAbsent(m.creatorId(), m);
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("messages", messages);
        model.addAttribute("lastMessage", last);
        model.addAttribute("mailConfigured", outreach.mailConfigured());
        model.addAttribute("notConfigured", OutreachMail.NOT_CONFIGURED);
        model.addAttribute("remindAfter", outreach.remindAfter());
        model.addAttribute("placeholders", Placeholders.NAMES);
        List<MessageTemplate> all = templates.all();
        model.addAttribute("templates", all);
        if (!model.containsAttribute("previews")) {
            Map<String, Preview> previews = new LinkedHashMap<>();
            for (MessageTemplate t : all) {
                previews.put(t.kind(), outreach.preview(id, t.kind(), t.subject(), t.body()));
            }
            model.addAttribute("previews", previews);
        }
        return "outreach";
    }

    @PostMapping("/campaigns/{id}/outreach/invitations")
    public String invite(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("result", outreach.invite(id, null));
        return "redirect:/campaigns/" + id + "/outreach#result";
    }

    @PostMapping("/campaigns/{id}/outreach/templates/{kind}")
    public String saveTemplate(
            @PathVariable long id,
            @PathVariable String kind,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body,
            RedirectAttributes redirect) {
        campaigns.get(id);
        templates.save(kind, subject, body);
        redirect.addFlashAttribute("saved", kind);
        return "redirect:/campaigns/" + id + "/outreach#template-" + kind;
    }

    /** The preview of a template being edited: the fragment for htmx, the whole page for a plain form post. */
    @PostMapping("/campaigns/{id}/outreach/preview")
    public String preview(
            @PathVariable long id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        campaigns.get(id);
        Preview p;
        String error = null;
        try {
            p = outreach.preview(id, kind, subject, body);
        } catch (OutreachProblem e) {
            p = null;
            error = e.field() + ": " + e.getMessage();
        }
        model.addAttribute("kind", kind);
        model.addAttribute("preview", p);
        model.addAttribute("previewError", error);
        if (htmx != null) {
            return "outreach-preview :: preview";
        }
        page(id, model);
        return "outreach";
    }

    @PostMapping("/campaigns/{id}/creators/{creatorId}/contact")
    public String contact(
            @PathVariable long id,
            @PathVariable long creatorId,
            @RequestParam(required = false) String email,
            RedirectAttributes redirect) {
        campaigns.setContactEmail(id, creatorId, email);
        return "redirect:/campaigns/" + id + "/outreach#contact-" + creatorId;
    }

    @ExceptionHandler(OutreachProblem.class)
    public String outreachProblem(
            OutreachProblem e,
            jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setStatus(
                e.kind() == OutreachProblem.Kind.NOT_CONFIGURED
                        ? HttpStatus.SERVICE_UNAVAILABLE.value()
                        : HttpStatus.BAD_REQUEST.value());
        return withError(
                request,
                model,
                e.kind() == OutreachProblem.Kind.NOT_CONFIGURED ? e.getMessage() : e.field() + ": " + e.getMessage());
    }

    @ExceptionHandler(CampaignProblem.class)
    public String campaignProblem(
            CampaignProblem e,
            jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (e.kind() == CampaignProblem.Kind.NOT_FOUND) {
            return notFound(response, model, e.getMessage());
        }
        response.setStatus(
                e.kind() == CampaignProblem.Kind.CONFLICT
                        ? HttpStatus.CONFLICT.value()
                        : HttpStatus.BAD_REQUEST.value());
        return withError(request, model, e.field() + ": " + e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public String badId(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
        return notFound(response, model, "There is no such campaign.");
    }

    private String withError(jakarta.servlet.http.HttpServletRequest request, Model model, String message) {
        Optional<Long> id = campaignIdOf(request.getRequestURI());
        if (id.isEmpty()) {
            model.addAttribute("status", 400);
            model.addAttribute("title", "Bad request");
            model.addAttribute("message", message);
            return "problem";
        }
        model.addAttribute("error", message);
        page(id.get(), model);
        return "outreach";
    }

    private static String notFound(HttpServletResponse response, Model model, String message) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("status", 404);
        model.addAttribute("title", "Not found");
        model.addAttribute("message", message);
        return "problem";
    }

    private static Optional<Long> campaignIdOf(String uri) {
        String[] parts = uri.split("/");
        if (parts.length > 2 && parts[1].equals("campaigns")) {
            try {
                return Optional.of(Long.parseLong(parts[2]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
