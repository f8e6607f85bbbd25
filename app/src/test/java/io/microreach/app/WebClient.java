package io.microreach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTP calls against the test server, and the check that an error answer is friendly. */
public final class WebClient {
    private final HttpClient http;
    private final int port;
    private final String token;

    /** A client acting as {@link TestIdentity} (its API token on every request). */
    public WebClient(int port) {
        this(port, TestIdentity.token(), HttpClient.newHttpClient());
    }

    private WebClient(int port, String token, HttpClient http) {
        this.port = port;
        this.token = token;
        this.http = http;
    }

    /** A client that sends no credentials. */
    public static WebClient anonymous(int port) {
        return new WebClient(port, null, HttpClient.newHttpClient());
    }

    /** A client that sends {@code token} as its bearer token. */
    public static WebClient withToken(int port, String token) {
        return new WebClient(port, token, HttpClient.newHttpClient());
    }

    /** A client that keeps cookies like a browser (a session once it signs in) and sends no token. */
    public static WebClient withCookies(int port) {
        return new WebClient(
                port,
                null,
                HttpClient.newBuilder()
                        .cookieHandler(new java.net.CookieManager())
                        .build());
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    public HttpResponse<String> form(String path, Map<String, String> fields, boolean htmx) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return send(b.build());
    }

    public HttpResponse<String> json(String method, String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    /** The answer has the status, names what is wrong and shows no stack trace. */
    public static void assertFriendly(HttpResponse<String> response, int status, String named) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body())
                .contains(named)
                .doesNotContain("Exception")
                .doesNotContain("at io.microreach")
                .doesNotContain("Whitelabel");
    }
}
