package io.microreach.app.shortlists;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The shortlists page and its form actions. Plain form posts redirect back (they work without JavaScript); htmx
 * requests ({@code HX-Request} header) get a fragment to swap in. Problems get a friendly page or fragment naming the
 * field, never a stack trace.
 */
@Controller
public class ShortlistPageController {
    private final ShortlistService shortlists;

    public ShortlistPageController(ShortlistService shortlists) {
        this.shortlists = shortlists;
    }

    @GetMapping("/shortlists")
    public String page(@RequestParam(required = false) Long list, Model model) {
        return show(list, model);
    }

    private String show(Long list, Model model) {
        List<Shortlist> all = shortlists.lists();
        Shortlist selected = null;
        if (list != null) {
            selected = shortlists.get(list);
        } else if (!all.isEmpty()) {
            selected = all.get(0);
        }
        model.addAttribute("lists", all);
        model.addAttribute("selected", selected);
        model.addAttribute("entries", selected == null ? List.of() : shortlists.entries(selected.id()));
        model.addAttribute("maxName", ShortlistService.MAX_NAME_LENGTH);
        return "shortlists";
    }

    @PostMapping("/shortlists")
    public String create(@RequestParam(defaultValue = "") String name, HttpServletResponse response, Model model) {
        try {
            return "redirect:/shortlists?list=" + shortlists.create(name).id();
        } catch (ShortlistProblem e) {
            if (!"name".equals(e.field())) {
                throw e;
            }
            // A taken or bad name is the user's to fix: keep them on the page, the message at the field.
            response.setStatus(status(e).value());
            model.addAttribute("createError", e.getMessage());
            model.addAttribute("createName", name);
            return show(null, model);
        }
    }

    @PostMapping("/shortlists/{id}/rename")
    public String rename(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            HttpServletResponse response,
            Model model) {
        try {
            return "redirect:/shortlists?list=" + shortlists.rename(id, name).id();
        } catch (ShortlistProblem e) {
            if (!"name".equals(e.field())) {
                throw e;
            }
            response.setStatus(status(e).value());
            model.addAttribute("renameError", e.getMessage());
            model.addAttribute("renameName", name);
            return show(id, model);
        }
    }

    @PostMapping("/shortlists/{id}/delete")
    public String delete(@PathVariable long id) {
        shortlists.delete(id);
        return "redirect:/shortlists";
    }

    @PostMapping("/shortlists/{id}/entries/{accountId}/delete")
    public String remove(
            @PathVariable long id,
            @PathVariable long accountId,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        shortlists.remove(id, accountId);
        if (htmx != null) {
            // The row is swapped out; the counts (heading and the list of lists) and the overlap are refreshed out of
            // band, and a plan made for the old list is cleared.
            Shortlist list = shortlists.get(id);
            model.addAttribute("selected", list);
            model.addAttribute("listEmpty", list.size() == 0);
            return "shortlist-fragments :: removed";
        }
        return "redirect:/shortlists?list=" + id;
    }

    /**
     * "Add to shortlist" from a creator page or a search result: to an existing list ({@code list}) or to a new one
     * ({@code newName}, created on the way).
     */
    @PostMapping("/shortlists/add")
    public String add(
            @RequestParam long accountId,
            @RequestParam(required = false) Long list,
            @RequestParam(defaultValue = "") String newName,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        Shortlist target;
        boolean added;
        try {
            ShortlistService.Addition addition = shortlists.addToListOrNew(accountId, list, newName);
            target = addition.target();
            added = addition.added();
        } catch (ShortlistProblem e) {
            if (htmx == null || !"list".equals(e.field()) && !"name".equals(e.field())) {
                throw e;
            }
            // The user can fix this in the form: show it again with the message instead of replacing it.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("accountId", accountId);
            model.addAttribute("lists", shortlists.lists());
            model.addAttribute("memberOf", shortlists.listsContaining(accountId));
            return "shortlist-add :: form";
        }
        if (htmx == null) {
            return "redirect:/shortlists?list=" + target.id();
        }
        model.addAttribute("target", target);
        model.addAttribute("added", added);
        model.addAttribute("accountId", accountId);
        model.addAttribute("lists", shortlists.lists());
        model.addAttribute("memberOf", shortlists.listsContaining(accountId));
        return "shortlist-add :: form";
    }

    private static HttpStatus status(ShortlistProblem e) {
        return switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    @ExceptionHandler(ShortlistProblem.class)
    public String problem(ShortlistProblem e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(status(e).value());
        return problemView(request.getHeader("HX-Request"), "Shortlist: " + e.field() + ": " + e.getMessage(), model);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    public String badParameter(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        String message = e instanceof MethodArgumentTypeMismatchException m
                ? "Parameter '" + m.getName() + "': '" + m.getValue() + "' is not a valid number."
                : "Parameter '" + ((MissingServletRequestParameterException) e).getParameterName() + "' is missing.";
        return problemView(request.getHeader("HX-Request"), message, model);
    }

    private static String problemView(String htmx, String message, Model model) {
        model.addAttribute("title", "Cannot do that");
        model.addAttribute("message", message);
        return htmx != null ? "problem :: message" : "problem";
    }
}
