/**
 * People and access: users (e-mail, password hash, installation admin, disabled), workspaces and each member's role
 * (owner, member, viewer), API tokens scoped to one workspace (read or write, stored as hashes, revocable), and the
 * audit log of who changed what. Uses Spring's JDBC and Spring Security's password encoders; no web types, so the
 * command line and the web app share it.
 */
package io.microreach.app.users;
