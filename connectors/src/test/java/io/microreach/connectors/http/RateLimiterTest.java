package io.microreach.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void spacesRequestsEvenlyAtTheAppViewRate() throws Exception {
        FakeTime time = new FakeTime(Instant.parse("2024-11-20T12:00:00Z"));
        RateLimiter limiter = new RateLimiter(3_000, Duration.ofMinutes(5), time, time);

        for (int i = 0; i < 11; i++) {
            limiter.acquire();
        }

        // the first request goes at once, each further one 100 ms later: 10 per second, 3,000 per 5 minutes
        assertThat(time.waits()).hasSize(10).allMatch(d -> d.equals(Duration.ofMillis(100)));
        assertThat(time.instant()).isEqualTo(Instant.parse("2024-11-20T12:00:01Z"));
    }

    @Test
    void doesNotWaitWhenRequestsAreSlowerThanTheLimit() throws Exception {
        FakeTime time = new FakeTime(Instant.parse("2024-11-20T12:00:00Z"));
        RateLimiter limiter = new RateLimiter(10, Duration.ofSeconds(1), time, time);

        limiter.acquire();
        time.sleep(Duration.ofMillis(250)); // the caller took longer than the interval by itself
        limiter.acquire();

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(250));
    }
}
