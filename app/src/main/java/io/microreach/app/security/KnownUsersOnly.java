package io.microreach.app.security;

import io.microreach.app.users.AuditLog;
import io.microreach.app.users.User;
import io.microreach.app.users.Users;
import java.util.Optional;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * OpenID Connect sign-in for people who already have a microreach user (added by an administrator or through an
 * invitation), matched by a verified e-mail address. An identity provider vouches for who someone is, not for what
 * they may do here, so nobody gets in just by having a Google account.
 */
class KnownUsersOnly implements OAuth2UserService<OidcUserRequest, OidcUser> {
    private final OidcUserService delegate = new OidcUserService();
    private final Users users;
    private final AuditLog audit;

    KnownUsersOnly(Users users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = delegate.loadUser(request);
        String provider = request.getClientRegistration().getRegistrationId();
        if (oidc.getEmail() == null || !Boolean.TRUE.equals(oidc.getEmailVerified())) {
            audit.record("anonymous", null, "signin.failed", oidc.getSubject(), provider + ": no verified e-mail");
            throw refused("the identity provider did not vouch for an e-mail address");
        }
        Optional<User> user = users.find(oidc.getEmail()).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            audit.record("anonymous", null, "signin.failed", oidc.getEmail(), provider + ": no such user");
            throw refused("no microreach user has this e-mail address: ask an owner for an invitation");
        }
        users.signedIn(user.get().id());
        audit.record(user.get().email(), null, "signin", user.get().email(), provider);
        return oidc;
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
    }
}
