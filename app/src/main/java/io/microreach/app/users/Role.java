package io.microreach.app.users;

import java.util.Locale;

/** What a member may do in a workspace. */
public enum Role {
    /** Reads and changes everything, manages members, tokens and the audit log. */
    OWNER,
    /** Reads and changes the workspace's data. */
    MEMBER,
    /** Reads only. */
    VIEWER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canWrite() {
        return this != VIEWER;
    }

    /** The role named {@code id} (owner, member, viewer), or an error that lists them. */
    public static Role of(String id) {
        for (Role r : values()) {
            if (r.id().equals(id == null ? "" : id.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + id + "': use owner, member or viewer");
    }
}
