package io.microreach.app.security;

import java.io.Serializable;

/**
 * What a browser session remembers about its user: the id and e-mail only. Role, workspace and whether the user is
 * still enabled are read again on every request ({@link CallerFilter}), so a removal or a role change takes effect at
 * once, not at the next sign-in.
 */
record SignedInUser(long userId, String email) implements Serializable {}
