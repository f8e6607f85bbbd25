package io.microreach.campaigns;

import static io.microreach.campaigns.DeliverableStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliverableStatusTest {
    private static final LocalDate DUE = LocalDate.of(2026, 5, 10);

    @Test
    void dbValuesAreLowerSnakeCaseAndReadBack() {
        assertThat(REVISIONS_REQUESTED.dbValue()).isEqualTo("revisions_requested");
        assertThat(GHOSTED.dbValue()).isEqualTo("ghosted");
        assertThat(REVISIONS_REQUESTED.label()).isEqualTo("revisions requested");
        for (DeliverableStatus s : values()) {
            assertThat(fromDb(s.dbValue())).isEqualTo(s);
        }
        assertThat(fromDb(" Published ")).isEqualTo(PUBLISHED);
    }

    @Test
    void unknownValuesNameTheAllowedOnes() {
        assertThatThrownBy(() -> fromDb("done"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'done'")
                .hasMessageContaining("invited, accepted, submitted, revisions_requested, approved, published, paid,"
                        + " declined, ghosted");
        assertThatThrownBy(() -> fromDb(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void movesFollowTheWorkAndFinalStatusesHaveNone() {
        Map<DeliverableStatus, Set<DeliverableStatus>> allowed = Map.of(
                INVITED, EnumSet.of(ACCEPTED, DECLINED, GHOSTED),
                ACCEPTED, EnumSet.of(SUBMITTED, DECLINED, GHOSTED),
                SUBMITTED, EnumSet.of(APPROVED, REVISIONS_REQUESTED, GHOSTED),
                REVISIONS_REQUESTED, EnumSet.of(SUBMITTED, GHOSTED, DECLINED),
                APPROVED, EnumSet.of(PUBLISHED, GHOSTED),
                PUBLISHED, EnumSet.of(PAID),
                PAID, EnumSet.noneOf(DeliverableStatus.class),
                DECLINED, EnumSet.noneOf(DeliverableStatus.class),
                GHOSTED, EnumSet.noneOf(DeliverableStatus.class));
        for (DeliverableStatus from : values()) {
            for (DeliverableStatus to : values()) {
                assertThat(from.canMoveTo(to))
                        .as(from + " -> " + to)
                        .isEqualTo(allowed.get(from).contains(to));
            }
            assertThat(from.canMoveTo(from)).isFalse();
        }
        assertThat(PAID.isFinal()).isTrue();
        assertThat(DECLINED.isFinal()).isTrue();
        assertThat(GHOSTED.isFinal()).isTrue();
        assertThat(APPROVED.isFinal()).isFalse();
    }

    @Test
    void lateMeansDuePassedAndNotOutAndStillExpected() {
        LocalDate after = DUE.plusDays(1);
        assertThat(ACCEPTED.isLate(DUE, after)).isTrue();
        assertThat(APPROVED.isLate(DUE, after)).isTrue();
        assertThat(ACCEPTED.isLate(DUE, DUE)).isFalse();
        assertThat(PUBLISHED.isLate(DUE, after)).isFalse();
        assertThat(PAID.isLate(DUE, after)).isFalse();
        assertThat(DECLINED.isLate(DUE, after)).isFalse();
        assertThat(GHOSTED.isLate(DUE, after)).isFalse();
        assertThat(INVITED.isLate(null, after)).isFalse();
    }
}
