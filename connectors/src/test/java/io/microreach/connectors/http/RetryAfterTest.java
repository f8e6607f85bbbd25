package io.microreach.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2024-11-20T12:00:00Z");

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Wed, 20 Nov 2024 12:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 20 Nov 2024 11:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    }
}
