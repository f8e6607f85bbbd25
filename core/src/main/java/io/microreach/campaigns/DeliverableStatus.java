package io.microreach.campaigns;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a creator's deliverable stands. The moves follow the work: an invitation is accepted, declined or left
 * unanswered (ghosted); accepted work is submitted; submitted content is approved or sent back for revisions; approved
 * content is published, then paid. Paid, declined and ghosted are final. Ghosting is possible until the content is
 * published, because a creator can stop answering at any point before that.
 */
public enum DeliverableStatus {
    INVITED,
    ACCEPTED,
    SUBMITTED,
    REVISIONS_REQUESTED,
    APPROVED,
    PUBLISHED,
    PAID,
    DECLINED,
    GHOSTED;

    private static final DeliverableStatus[] ALL = values();

    /** The value stored in the database (lower snake case, as in the check constraint), also its JSON form. */
    @JsonValue
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** For people: "revisions requested". */
    public String label() {
        return dbValue().replace('_', ' ');
    }

    /**
     * @throws IllegalArgumentException naming the allowed values when {@code value} is none of them
     */
    public static DeliverableStatus fromDb(String value) {
        if (value != null) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            for (DeliverableStatus s : ALL) {
                if (s.dbValue().equals(v)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown deliverable status '" + value + "'; expected one of "
                + Arrays.stream(ALL).map(DeliverableStatus::dbValue).collect(Collectors.joining(", ")));
    }

    /** The statuses this one may move to; empty for the final ones. A move to the same status is not a move. */
    public Set<DeliverableStatus> next() {
        return switch (this) {
            case INVITED -> EnumSet.of(ACCEPTED, DECLINED, GHOSTED);
            case ACCEPTED -> EnumSet.of(SUBMITTED, DECLINED, GHOSTED);
            case SUBMITTED -> EnumSet.of(APPROVED, REVISIONS_REQUESTED, GHOSTED);
            case REVISIONS_REQUESTED -> EnumSet.of(SUBMITTED, GHOSTED, DECLINED);
            case APPROVED -> EnumSet.of(PUBLISHED, GHOSTED);
            case PUBLISHED -> EnumSet.of(PAID);
            case PAID, DECLINED, GHOSTED -> EnumSet.noneOf(DeliverableStatus.class);
        };
    }

    public boolean canMoveTo(DeliverableStatus next) {
        Objects.requireNonNull(next, "next");
        return next().contains(next);
    }

    /** Paid, declined and ghosted: nothing follows. */
    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Published or paid: the content is out. */
    public boolean isPublished() {
        return this == PUBLISHED || this == PAID;
    }

    /**
     * Late: the due date has passed and the content is not out yet, and the deliverable is still expected (not
     * declined or ghosted, which are shown as such rather than as late).
     *
     * @param dueOn the due date, or null when none was agreed (never late)
     */
    public boolean isLate(LocalDate dueOn, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (dueOn == null || isPublished() || this == DECLINED || this == GHOSTED) {
            return false;
        }
        return today.isAfter(dueOn);
    }
}
