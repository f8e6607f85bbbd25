package io.microreach.connectors.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.microreach.connectors.ConnectorException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * GETs JSON from one source, politely and persistently.
 *
 * <p>Each attempt first waits for its slot under the source's rate limit (retries count against the limit too: the
 * server sees them). An attempt is retried when the server answers 429 or 5xx, when it times out or the connection
 * breaks, and when a 2xx body is empty or ends before the JSON does (a truncated transfer); a whole body that is not
 * JSON is final. Delays grow exponentially from {@link HttpSettings#initialBackoff()} to {@link
 * HttpSettings#maxBackoff()} with ±25% jitter, so that many clients that failed together do not come back together.
 * When the server sends {@code Retry-After}, that delay wins (a 429 without it but with an {@code X-RateLimit-Reset}
 * timestamp, as Mastodon sends, waits until that time); it is divided by 0.75 before Failsafe applies the
 * jitter, so that the jittered wait is never shorter than asked. Other 4xx answers are final: retrying a bad request
 * only spends the budget. After {@link HttpSettings#maxAttempts()} attempts the last failure is thrown as a {@link
 * ConnectorException}.
 *
 * <p>Credentials travel as query parameters with some sources (YouTube's {@code key}); every message this class
 * builds, and the error body it hands on, shows the values of the parameters {@code key}, {@code access_token} and
 * {@code token} as {@code ***}, so that a crawl report or a log never leaks them.
 */
public final class JsonHttpClient {
    private static final double JITTER = 0.25;
    private static final Pattern SECRET_PARAMS =
            Pattern.compile("([?&](?:key|access_token|token)=)[^&\\s#\"']*", Pattern.CASE_INSENSITIVE);

    private final HttpSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final RateLimiter limiter;
    private final InlineScheduler scheduler;
    private final RetryPolicy<Attempt> retry;
    private final AtomicLong attempts = new AtomicLong();

    public JsonHttpClient(HttpSettings settings, Clock clock, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.limiter = new RateLimiter(settings.requestsPerPeriod(), settings.period(), clock, sleeper);
        this.scheduler = new InlineScheduler(sleeper);
        this.retry = RetryPolicy.<Attempt>builder()
                .handle(IOException.class)
                .handleResultIf(a -> a.status() == 429 || a.status() >= 500)
                .withBackoff(settings.initialBackoff(), settings.maxBackoff())
                .withJitter(JITTER)
                .withDelayFn(ctx -> retryAfter(ctx.getLastResult()))
                .withMaxAttempts(settings.maxAttempts())
                .build();
    }

    /** Sends {@code GET baseUrl/path?query} and returns the parsed body of a 2xx answer. */
    public JsonNode get(String path, Map<String, List<String>> query) {
        return fetch(path, query).body();
    }

    /**
     * Like {@link #get}, on the same retry path, but also returns the headers of the 2xx answer, for sources that
     * page through a header (Mastodon's {@code Link}) or report their quota in one.
     */
    public JsonResponse fetch(String path, Map<String, List<String>> query) {
        URI uri = uri(path, query);
        Attempt last;
        try {
            last = Failsafe.with(retry)
                    .with(scheduler)
                    .getAsync(() -> attempt(uri))
                    .get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ConnectorException failed) {
                throw failed;
            }
            throw new ConnectorException(
                    redact("GET " + uri + " failed after retries: "
                            + cause.getClass().getSimpleName() + ": " + cause.getMessage()),
                    -1,
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(redact("interrupted while fetching " + uri), -1, e);
        }
        if (last.body() != null) {
            return new JsonResponse(last.body(), last.headers().map());
        }
        throw new ConnectorException(
                redact("GET " + uri + " answered " + last.status() + ": " + abbreviate(last.text())),
                last.status(),
                null,
                last.text() == null ? null : redact(last.text()));
    }

    /** Attempts sent so far, retries included (the requests the server saw). */
    public long attempts() {
        return attempts.get();
    }

    private Attempt attempt(URI uri) throws IOException, InterruptedException {
        limiter.acquire();
        attempts.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", settings.userAgent())
                .GET()
                .build();
        // bytes, not a String: Jackson reads UTF-8 itself, which saves decoding every body to UTF-16 first
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        byte[] body = response.body();
        if (status < 200 || status >= 300) {
            return new Attempt(status, response.headers(), new String(body, StandardCharsets.UTF_8), null);
        }
        if (blank(body)) {
            throw new TruncatedBodyException(redact("the body of " + uri + " is empty"), null);
        }
        try {
            return new Attempt(status, response.headers(), null, json.readTree(body));
        } catch (JsonEOFException e) {
            throw new TruncatedBodyException(redact("the body of " + uri + " ends inside the JSON"), e);
        } catch (JsonProcessingException e) {
            // whole but not JSON: asking again would get the same answer, so this is final (not an IOException)
            throw new ConnectorException(
                    redact("the body of " + uri + " is not JSON: " + e.getOriginalMessage()), status, e);
        }
    }

    private Duration retryAfter(Attempt last) {
        if (last == null) {
            return Duration.ofNanos(-1); // an exception, not an answer: Failsafe's backoff applies
        }
        Instant now = clock.instant();
        return last.headers()
                .firstValue("Retry-After")
                .flatMap(v -> RetryAfter.parse(v, now))
                .or(() -> last.status() == 429
                        ? last.headers().firstValue("X-RateLimit-Reset").flatMap(v -> RetryAfter.resetAt(v, now))
                        : Optional.empty())
                .map(d -> d.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : d)
                .map(d -> Duration.ofNanos((long) Math.ceil(d.toNanos() / (1 - JITTER))))
                .orElse(Duration.ofNanos(-1));
    }

    private URI uri(String path, Map<String, List<String>> query) {
        StringBuilder sb = new StringBuilder(settings.baseUrl().toString());
        if (sb.charAt(sb.length() - 1) == '/') {
            sb.setLength(sb.length() - 1);
        }
        sb.append(path.startsWith("/") ? path : "/" + path);
        char sep = '?';
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            for (String v : e.getValue()) {
                sb.append(sep)
                        .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return URI.create(sb.toString());
    }

    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The text with the values of credential query parameters ({@code key}, {@code access_token}, {@code token})
     * replaced by {@code ***}. */
    static String redact(String text) {
        return text == null ? null : SECRET_PARAMS.matcher(text).replaceAll("$1***");
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** One answer: a parsed 2xx body, or the status, headers and text of anything else. */
    private record Attempt(int status, HttpHeaders headers, String text, JsonNode body) {}

    /** A 2xx body that ends inside the JSON: the transfer was cut, so another attempt may get it whole. */
    static final class TruncatedBodyException extends IOException {
        TruncatedBodyException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
