/**
 * Who may do what on the web: sign-in (password with lockout, one-time links, optional OpenID Connect), sessions and
 * CSRF, API tokens on the REST API, the one table of route rules ({@link io.microreach.app.security.RouteAccess}),
 * the caller's current workspace ({@link io.microreach.app.security.CurrentWorkspace}) that workspace-private
 * features scope their rows by, and the pages for setup, workspaces, invitations, password reset and the audit log.
 * Uses Spring Security, Spring MVC and the {@code users} package; features use only {@code CurrentWorkspace} and
 * {@code Caller}.
 */
package io.microreach.app.security;
