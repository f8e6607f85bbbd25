package io.microreach.app.users;

/** A newly created API token: {@code token} is shown this once and only its hash is stored. */
public record IssuedToken(long id, String token, String prefix, TokenScope scope, String workspace, String email) {}
