package io.microreach.app.security;

import io.microreach.app.users.ApiToken;
import io.microreach.app.users.ApiTokens;
import io.microreach.app.users.IssuedToken;
import io.microreach.app.users.OneTimeLinks;
import io.microreach.app.users.Role;
import io.microreach.app.users.TokenScope;
import io.microreach.app.users.User;
import io.microreach.app.users.Users;
import io.microreach.app.users.Workspace;
import io.microreach.app.users.Workspaces;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The workspace page: switch workspace, your API tokens for this workspace (a new one is shown once), and for
 * owners the members with their roles and invitations by link. Administrators create workspaces here too. An owner
 * cannot remove or demote the last owner, so a workspace always has someone who can manage it.
 */
@Controller
class WorkspacePages {
    static final Duration INVITATION_VALID = Duration.ofDays(7);

    private final CurrentWorkspace current;
    private final Users users;
    private final Workspaces workspaces;
    private final ApiTokens tokens;
    private final OneTimeLinks links;

    WorkspacePages(CurrentWorkspace current, Users users, Workspaces workspaces, ApiTokens tokens, OneTimeLinks links) {
        this.current = current;
        this.users = users;
        this.workspaces = workspaces;
        this.tokens = tokens;
        this.links = links;
    }

    @GetMapping("/workspace")
    String page(Model model) {
        Caller caller = current.caller().orElseThrow();
        User user = users.find(caller.userId()).orElseThrow();
        model.addAttribute("me", caller);
        model.addAttribute("memberships", user.memberships());
        if (caller.workspaceId() != null) {
            List<ApiToken> mine = tokens.list(caller.email()).stream()
                    .filter(t -> t.workspace().equals(caller.workspace()) && t.revokedAt() == null)
                    .toList();
            model.addAttribute("tokens", mine);
            model.addAttribute("members", workspaces.members(caller.workspaceId()));
            if (caller.owner()) {
                model.addAttribute("invitations", links.openInvitations(caller.workspaceId()));
            }
        }
        if (caller.admin()) {
            model.addAttribute("allWorkspaces", workspaces.list());
        }
        return "workspace";
    }

    @PostMapping("/workspace/switch")
    String switchTo(@RequestParam long workspace, HttpServletRequest request) {
        Caller caller = current.caller().orElseThrow();
        boolean member = users.find(caller.userId()).orElseThrow().memberships().stream()
                .anyMatch(m -> m.workspaceId() == workspace);
        if (!member) {
            throw notFound("you are not a member of that workspace");
        }
        request.getSession().setAttribute(CallerFilter.WORKSPACE_ATTRIBUTE, workspace);
        return "redirect:/discover";
    }

    @PostMapping("/workspace/tokens")
    String createToken(
            @RequestParam(defaultValue = "read") String scope,
            @RequestParam(required = false) String name,
            Model model) {
        Caller caller = current.caller().orElseThrow();
        IssuedToken issued = checked(() -> tokens.create(
                caller.email(), caller.workspace(), TokenScope.of(scope), blankToNull(name), caller.email()));
        model.addAttribute("issued", issued);
        return page(model);
    }

    @PostMapping("/workspace/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id) {
        Caller caller = current.caller().orElseThrow();
        boolean mine = tokens.list(caller.email()).stream().anyMatch(t -> t.id() == id);
        if (!mine || !tokens.revoke(id, caller.email())) {
            throw notFound("no token " + id + " of yours");
        }
        return "redirect:/workspace";
    }

    @PostMapping("/workspace/invitations")
    String invite(@RequestParam String role, HttpServletRequest request, Model model) {
        Caller caller = current.caller().orElseThrow();
        Role invited = checked(() -> Role.of(role));
        String token = links.invitation(caller.workspaceId(), invited, INVITATION_VALID, caller.email());
        model.addAttribute("invitationLink", baseUrl(request) + "/invite/" + token);
        return page(model);
    }

    @PostMapping("/workspace/invitations/{id}/withdraw")
    String withdraw(@PathVariable long id) {
        Caller caller = current.caller().orElseThrow();
        if (!links.withdraw(caller.workspaceId(), id, caller.email())) {
            throw notFound("no open invitation " + id + " in this workspace");
        }
        return "redirect:/workspace";
    }

    @PostMapping("/workspace/members/{userId}/role")
    String changeRole(@PathVariable long userId, @RequestParam String role) {
        Caller caller = current.caller().orElseThrow();
        Role next = checked(() -> Role.of(role));
        Workspace w = workspace(caller);
        User member = memberOf(w, userId);
        if (next != Role.OWNER) {
            keepAnOwner(w, userId);
        }
        users.join(member.email(), w, next, caller.email());
        return "redirect:/workspace";
    }

    @PostMapping("/workspace/members/{userId}/remove")
    String remove(@PathVariable long userId) {
        Caller caller = current.caller().orElseThrow();
        Workspace w = workspace(caller);
        memberOf(w, userId);
        keepAnOwner(w, userId);
        users.leave(userId, w, caller.email());
        return "redirect:/workspace";
    }

    @PostMapping("/workspace/create")
    String create(@RequestParam String name, HttpServletRequest request) {
        Caller caller = current.caller().orElseThrow();
        Workspace w = checked(() -> workspaces.create(name, caller.email()));
        users.join(caller.email(), w, Role.OWNER, caller.email());
        request.getSession().setAttribute(CallerFilter.WORKSPACE_ATTRIBUTE, w.id());
        return "redirect:/workspace";
    }

    private Workspace workspace(Caller caller) {
        return workspaces.find(caller.workspaceId()).orElseThrow();
    }

    private User memberOf(Workspace w, long userId) {
        return users.find(userId)
                .filter(u -> u.memberships().stream().anyMatch(m -> m.workspaceId() == w.id()))
                .orElseThrow(() -> notFound("no member " + userId + " in this workspace"));
    }

    private void keepAnOwner(Workspace w, long userId) {
        long otherOwners = workspaces.members(w.id()).stream()
                .filter(m -> m.role() == Role.OWNER && m.userId() != userId && !m.disabled())
                .count();
        if (otherOwners == 0) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "a workspace needs an owner: make someone else owner first");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String baseUrl(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getHeader("Host") + request.getContextPath();
    }

    /** A member, token or invitation of another workspace reads as unknown: 404, not 403. */
    private static ResponseStatusException notFound(String message) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, message);
    }

    /** A refused change (the message names the rule) is the caller's mistake: 400. */
    private static <T> T checked(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
