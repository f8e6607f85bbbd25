package io.microreach.app.security;

import io.microreach.app.users.AuditLog;
import io.microreach.app.users.OneTimeLink;
import io.microreach.app.users.OneTimeLinks;
import io.microreach.app.users.Role;
import io.microreach.app.users.User;
import io.microreach.app.users.Users;
import io.microreach.app.users.Workspace;
import io.microreach.app.users.Workspaces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages a person sees before they are signed in: the sign-in form (Spring Security checks the posted password),
 * the first-run setup of the first administrator (only from this machine, only while there is no user), one-time
 * sign-in links, invitations and password resets. Every answer about a link is the same whether it never existed,
 * was used or expired.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class SignInPages {
    static final Duration RESET_VALID = Duration.ofHours(1);
    private static final String LINK_GONE = "Link not valid";
    private static final String INVITATION_GONE = "This invitation was used already, withdrawn or expired.";
    private static final String RESET_GONE = "This reset link was used already or has expired.";

    private final Users users;
    private final Workspaces workspaces;
    private final OneTimeLinks links;
    private final AuditLog audit;
    private final SessionSignIn sessions;
    private final PasswordResetMail mail;
    private final ObjectProvider<ClientRegistrationRepository> oidcClients;

    SignInPages(
            Users users,
            Workspaces workspaces,
            OneTimeLinks links,
            AuditLog audit,
            SessionSignIn sessions,
            PasswordResetMail mail,
            ObjectProvider<ClientRegistrationRepository> oidcClients) {
        this.users = users;
        this.workspaces = workspaces;
        this.links = links;
        this.audit = audit;
        this.sessions = sessions;
        this.mail = mail;
        this.oidcClients = oidcClients;
    }

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            HttpServletRequest request,
            Model model) {
        if (users.count() == 0 && fromThisMachine(request)) {
            return "redirect:/setup";
        }
        model.addAttribute("error", error == null ? null : PasswordSignIn.REFUSED);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("providers", providers());
        model.addAttribute("resetByMail", mail.available());
        return "login";
    }

    /** The configured OpenID Connect providers, as (registration id, name) for the sign-in buttons. */
    private java.util.List<ClientRegistration> providers() {
        ClientRegistrationRepository repository = oidcClients.getIfAvailable();
        if (!(repository instanceof Iterable<?> all)) {
            return java.util.List.of();
        }
        java.util.List<ClientRegistration> out = new java.util.ArrayList<>();
        for (Object r : all) {
            out.add((ClientRegistration) r);
        }
        return out;
    }

    @GetMapping("/setup")
    String setup(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!setupOpen(request)) {
            return setupClosed(response, model);
        }
        model.addAttribute("workspace", "default");
        return "setup";
    }

    @PostMapping("/setup")
    String createFirstAdmin(
            @RequestParam String email,
            @RequestParam String password,
            @RequestParam(required = false) String workspace,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!setupOpen(request)) {
            return setupClosed(response, model);
        }
        try {
            String actor = "setup";
            User admin = users.add(email, password.toCharArray(), true, actor);
            Workspace w = workspaces.findOrCreate(
                    workspace == null || workspace.isBlank() ? "default" : workspace, admin.email());
            users.join(admin.email(), w, Role.OWNER, actor);
            sessions.signIn(admin, w.id(), request, response);
            return "redirect:/discover";
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("email", email);
            model.addAttribute("workspace", workspace);
            return "setup";
        }
    }

    @GetMapping("/signin/link/{token}")
    String signInLink(
            @PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<OneTimeLink> link = links.use(OneTimeLink.Purpose.SIGN_IN, token, null);
        Optional<User> user = link.map(OneTimeLink::userId).flatMap(users::find).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            return notFound(
                    response,
                    model,
                    "Link not valid",
                    "This sign-in link was used already, has expired or never existed. Start 'microreach demo'"
                            + " again for a new one, or sign in with your password.");
        }
        users.signedIn(user.get().id());
        audit.record(
                user.get().email(),
                link.get().workspaceId(),
                "signin",
                user.get().email(),
                "one-time link");
        sessions.signIn(user.get(), link.get().workspaceId(), request, response);
        return "redirect:/discover";
    }

    @GetMapping("/invite/{token}")
    String invitation(@PathVariable String token, HttpServletResponse response, Model model) {
        Optional<OneTimeLink> link = links.peek(OneTimeLink.Purpose.INVITATION, token);
        Optional<Workspace> workspace = link.map(OneTimeLink::workspaceId).flatMap(workspaces::find);
        if (workspace.isEmpty()) {
            return notFound(response, model, LINK_GONE, INVITATION_GONE);
        }
        model.addAttribute("workspace", workspace.get().name());
        model.addAttribute("role", link.get().role().id());
        model.addAttribute("token", token);
        return "invite";
    }

    @PostMapping("/invite/{token}")
    String acceptInvitation(
            @PathVariable String token,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<OneTimeLink> open = links.peek(OneTimeLink.Purpose.INVITATION, token);
        Optional<Workspace> workspace = open.map(OneTimeLink::workspaceId).flatMap(workspaces::find);
        if (workspace.isEmpty()) {
            return notFound(response, model, LINK_GONE, INVITATION_GONE);
        }
        Optional<Caller> caller = signedInCaller();
        User user;
        try {
            if (caller.isPresent()) {
                user = users.find(caller.get().userId()).orElseThrow();
            } else {
                if (users.find(email == null ? "" : email).isPresent()) {
                    throw new IllegalArgumentException(
                            "a user with this e-mail exists already: sign in first, then open the invitation again");
                }
                user = users.add(email, password == null ? null : password.toCharArray(), false, "invitation");
            }
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("workspace", workspace.get().name());
            model.addAttribute("role", open.get().role().id());
            model.addAttribute("token", token);
            model.addAttribute("email", email);
            model.addAttribute("error", e.getMessage());
            return "invite";
        }
        Optional<OneTimeLink> used = links.use(OneTimeLink.Purpose.INVITATION, token, user.id());
        if (used.isEmpty()) {
            return notFound(response, model, LINK_GONE, INVITATION_GONE);
        }
        users.join(
                user.email(),
                workspace.get(),
                used.get().role(),
                "invitation by " + used.get().createdBy());
        sessions.signIn(users.find(user.id()).orElseThrow(), workspace.get().id(), request, response);
        return "redirect:/discover";
    }

    @GetMapping("/reset")
    String resetRequest(Model model) {
        model.addAttribute("available", mail.available());
        return "reset-request";
    }

    @PostMapping("/reset")
    String sendReset(@RequestParam String email, HttpServletRequest request, Model model) {
        model.addAttribute("available", mail.available());
        if (mail.available()) {
            users.find(email).filter(u -> !u.disabled()).ifPresent(u -> {
                String token = links.passwordReset(u.id(), RESET_VALID, "anonymous");
                mail.send(u.email(), baseUrl(request) + "/reset/" + token);
            });
            model.addAttribute("sent", true);
        }
        return "reset-request";
    }

    @GetMapping("/reset/{token}")
    String resetForm(@PathVariable String token, HttpServletResponse response, Model model) {
        if (links.peek(OneTimeLink.Purpose.PASSWORD_RESET, token).isEmpty()) {
            return notFound(response, model, LINK_GONE, RESET_GONE);
        }
        model.addAttribute("token", token);
        return "reset";
    }

    @PostMapping("/reset/{token}")
    String reset(
            @PathVariable String token,
            @RequestParam String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<OneTimeLink> open = links.peek(OneTimeLink.Purpose.PASSWORD_RESET, token);
        Optional<User> user = open.map(OneTimeLink::userId).flatMap(users::find);
        if (user.isEmpty()) {
            return notFound(response, model, LINK_GONE, RESET_GONE);
        }
        try {
            users.resetPassword(
                    user.get().id(), password.toCharArray(), user.get().email());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("token", token);
            model.addAttribute("error", e.getMessage());
            return "reset";
        }
        links.use(OneTimeLink.Purpose.PASSWORD_RESET, token, user.get().id());
        sessions.signIn(user.get(), null, request, response);
        return "redirect:/discover";
    }

    private static Optional<Caller> signedInCaller() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller c ? Optional.of(c) : Optional.empty();
    }

    private boolean setupOpen(HttpServletRequest request) {
        return users.count() == 0 && fromThisMachine(request);
    }

    /**
     * Whether the request comes from this machine. Behind a proxy on the same machine Tomcat takes the client's
     * address from X-Forwarded-For (server.forward-headers-strategy=native), so the internet does not count as local.
     */
    static boolean fromThisMachine(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private String baseUrl(HttpServletRequest request) {
        return mail.publicUrl()
                .orElseGet(() -> request.getScheme() + "://" + request.getHeader("Host") + request.getContextPath());
    }

    private String setupClosed(HttpServletResponse response, Model model) {
        return users.count() > 0
                ? notFound(
                        response,
                        model,
                        "Setup is done",
                        "microreach has users already: sign in, or ask an administrator.")
                : notFound(
                        response,
                        model,
                        "Setup only on the server",
                        "The first administrator is created on the server itself: open /setup there, or run"
                                + " 'microreach user add --admin'.");
    }

    /** The same answer whether a link never existed, was used or expired: nothing to learn from probing. */
    private static String notFound(HttpServletResponse response, Model model, String title, String message) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return problem(model, title, message);
    }

    private static String problem(Model model, String title, String message) {
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "problem";
    }
}
