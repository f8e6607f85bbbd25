package io.microreach.app.security;

import io.microreach.app.users.AuditEvent;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The audit log as a page and as JSON, for owners (the CSV export is in the exports feature). */
@Controller
class AuditPages {
    private final CurrentWorkspace current;
    private final AuditTrail trail;

    AuditPages(CurrentWorkspace current, AuditTrail trail) {
        this.current = current;
        this.trail = trail;
    }

    @GetMapping("/audit")
    String page(
            @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "false") boolean all,
            Model model) {
        model.addAttribute("events", trail.visible(since, all));
        model.addAttribute("since", since == null ? "" : since);
        model.addAttribute("all", all);
        model.addAttribute("admin", current.caller().map(Caller::admin).orElse(false));
        return "audit";
    }

    @GetMapping(value = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<AuditEvent> json(
            @RequestParam(required = false) String since, @RequestParam(defaultValue = "false") boolean all) {
        return trail.visible(since, all);
    }
}
