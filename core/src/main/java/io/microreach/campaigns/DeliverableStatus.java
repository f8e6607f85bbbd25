package io.microreach.campaigns;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Where a deliverable stands, and which moves are allowed. */
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

    @JsonValue
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return dbValue().replace('_', ' ');
    }

    public static DeliverableStatus fromDb(String value) {
        for (DeliverableStatus s : values()) {
            if (s.dbValue().equalsIgnoreCase(value == null ? "" : value.trim().replace(' ', '_'))) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a status; one of "
                + Arrays.stream(values()).map(DeliverableStatus::dbValue).collect(Collectors.joining(", ")));
    }

    private Set<DeliverableStatus> next() {
        switch (this) {
            case INVITED:
                return EnumSet.of(ACCEPTED, DECLINED, GHOSTED);
            case ACCEPTED:
                return EnumSet.of(SUBMITTED, DECLINED, GHOSTED);
            case SUBMITTED:
                return EnumSet.of(APPROVED, REVISIONS_REQUESTED, GHOSTED);
            case REVISIONS_REQUESTED:
                return EnumSet.of(SUBMITTED, GHOSTED, DECLINED);
            case APPROVED:
                return EnumSet.of(PUBLISHED, GHOSTED);
            case PUBLISHED:
                return EnumSet.of(PAID);
            default:
                return EnumSet.noneOf(DeliverableStatus.class);
        }
    }

    public boolean canMoveTo(DeliverableStatus next) {
        return next().contains(next);
    }

    public boolean isLate(LocalDate dueOn, LocalDate today) {
        return dueOn != null
                && today.isAfter(dueOn)
                && this != PUBLISHED
                && this != PAID
                && this != DECLINED
                && this != GHOSTED;
    }
}
