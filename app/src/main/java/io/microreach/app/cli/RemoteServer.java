package io.microreach.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A microreach server on another machine, reached through its REST API with an API token. Commands given
 * {@code --server} use it instead of the home's database, and never start Spring: the point is a machine that has
 * no database at all.
 */
final class RemoteServer {
    static final String SERVER_ENV = "MICROREACH_SERVER";
    static final String TOKEN_ENV = "MICROREACH_TOKEN";

    static final String REFUSED_TOKEN = "the server refused the token (unknown, revoked or expired): create one with"
            + " 'microreach token create'";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    // Long enough for a brief's semantic search or a plan on a large pool; an upload gets its own, per size.
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    /** {@code --server} and {@code --token}, shared by the commands that can work against a remote server. */
    static final class Options {
        @Option(
                names = "--server",
                paramLabel = "URL",
                description = "Work against the microreach server at URL (e.g. https://microreach.example.com) through"
                        + " its REST API instead of the local database (default: $" + SERVER_ENV + "); --home is"
                        + " then not used.")
        String server;

        @Option(
                names = "--token",
                paramLabel = "TOKEN",
                description = "API token for --server (from 'microreach token create'). Prefer the environment"
                        + " variable $" + TOKEN_ENV + ": an option is visible to other users in 'ps'.")
        String token;

        /** The server the command should use, or null to work on the local home. */
        RemoteServer remote(PrintWriter err) {
            String url = server != null ? server : System.getenv(SERVER_ENV);
            if (url == null || url.isBlank()) {
                return null;
            }
            String t = token != null ? token : System.getenv(TOKEN_ENV);
            return RemoteServer.of(url.strip(), t, err);
        }
    }

    /** A refusal or failure, with the command's exit code; the message never holds the token. */
    static final class Failure extends Exception {
        private final int exitCode;

        Failure(int exitCode, String message) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    private final URI base;
    private final String token;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http;

    private RemoteServer(URI base, String token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                // A redirect could carry the token to another host; a microreach API answers without one.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Checks the address and the token before anything is sent.
     *
     * @throws IllegalArgumentException with a message for people (never the token) when either is unusable
     */
    static RemoteServer of(String url, String token, PrintWriter err) {
        URI uri;
        try {
            uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--server: not a URL: '" + url + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "--server: expected http://HOST[:PORT] or https://HOST[:PORT], got '" + url + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--server: give the server's address only, without user, query or"
                    + " fragment, got '" + url + "'");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("--server needs an API token: set the environment variable " + TOKEN_ENV
                    + " (or give --token TOKEN, which other users can see in 'ps'); create one on the server with"
                    + " 'microreach token create'");
        }
        String t = token.strip();
        // A header value with a line break or a space would be refused by the HTTP client with the value in the
        // message; saying so here keeps the token out of any output.
        if (!t.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(
                    "the API token has characters a token cannot have (spaces, line breaks or non-ASCII)");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            err.println("microreach: warning: " + uri + " is not HTTPS: the API token and the data travel in clear"
                    + " text; use https:// for a server on another machine");
            err.flush();
        }
        return new RemoteServer(uri, t);
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        // Only literal addresses are checked: resolving a name here would trust whatever DNS answers.
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Reads and prints the answers; a plain mapper, since only trees and API records pass through it. */
    JsonMapper json() {
        return json;
    }

    /** Prints "microreach COMMAND: MESSAGE" on stderr and returns the failure's exit code. */
    static int report(PrintWriter err, String command, Failure f) {
        err.println("microreach " + command + ": " + f.getMessage());
        err.flush();
        return f.exitCode();
    }

    /** The server's address as people gave it, for messages. */
    String address() {
        return base.toString();
    }

    /** A path with its query parameters, each encoded; null values are left out. */
    static String path(String path, Map<String, String> query) {
        String q = query.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return q.isEmpty() ? path : path + "?" + q;
    }

    /** One path segment (a handle), encoded so that '/', '?' or '#' in it stay inside the segment. */
    static String segment(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    JsonNode get(String pathAndQuery) throws Failure {
        return send(request(pathAndQuery).GET().build());
    }

    JsonNode postJson(String path, Object body) throws Failure {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build());
    }

    /** Uploads {@code file} as the multipart field {@code field}, streaming it from disk. */
    JsonNode upload(String path, String field, Path file) throws Failure {
        String boundary = "microreach-" + UUID.randomUUID();
        String name = file.getFileName()
                .toString()
                .replace("\"", "_")
                .replace("\r", "_")
                .replace("\n", "_");
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        parts.add(HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8));
        long size;
        try {
            size = Files.size(file);
            parts.add(HttpRequest.BodyPublishers.ofFile(file));
        } catch (IOException e) {
            throw new Failure(ExitCodes.UNUSABLE, file + ": " + e.getMessage());
        }
        parts.add(HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
        // At least the usual timeout, plus a second per megabyte for slow links.
        Duration timeout = REQUEST_TIMEOUT.plusSeconds(size / 1_000_000);
        return send(request(path)
                .timeout(timeout)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)))
                .build());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    /**
     * Asks {@code path} (any answer but 401 and 403 will do) so that a refused token is reported before a large
     * upload: the server answers an upload's 401 before reading it, and past a few megabytes it closes the
     * connection instead of reading the rest, which the client would see as a broken connection.
     */
    void checkToken(String path) throws Failure {
        HttpResponse<String> response = exchange(request(path).GET().build());
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw refusal(status, parse(response.body()));
        }
    }

    private JsonNode send(HttpRequest request) throws Failure {
        HttpResponse<String> response = exchange(request);
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status / 100 == 2 && body != null) {
            return body;
        }
        if (status / 100 == 2) {
            throw new Failure(
                    ExitCodes.FAILURE,
                    address() + " did not answer with JSON: is it a microreach server (and the address its root)?");
        }
        throw refusal(status, body);
    }

    private HttpResponse<String> exchange(HttpRequest request) throws Failure {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new Failure(
                    ExitCodes.FAILURE,
                    "cannot connect to " + address() + " (connection refused or unreachable): is the server running"
                            + " there, and is the address right?");
        } catch (HttpTimeoutException e) {
            throw new Failure(ExitCodes.FAILURE, address() + " did not answer in time (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new Failure(
                    ExitCodes.FAILURE,
                    "cannot talk to " + address() + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(ExitCodes.FAILURE, "interrupted while waiting for " + address());
        }
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(text);
            return node.isObject() || node.isArray() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * Refusals leave nothing done, so they exit like unusable input (2); a server that fails, is overloaded or
     * answers something else exits 1, as an unexpected failure of a local command does.
     */
    private Failure refusal(int status, JsonNode body) {
        String said = said(body);
        return switch (status) {
            case 401 -> new Failure(ExitCodes.UNUSABLE, REFUSED_TOKEN);
            case 403 ->
                new Failure(
                        ExitCodes.UNUSABLE,
                        "the server refused: "
                                + (said != null
                                        ? said
                                        : "your role in this workspace does not allow"
                                                + " this (a read token cannot change data: create a write token)"));
            case 400, 404, 409, 413, 415, 422 ->
                new Failure(
                        ExitCodes.UNUSABLE, said != null ? said : "the server refused the request (" + status + ")");
            case 429 ->
                new Failure(
                        ExitCodes.FAILURE,
                        "the server is busy: " + (said != null ? said : "too many requests") + "; try again later");
            default ->
                new Failure(
                        ExitCodes.FAILURE,
                        address() + " answered " + status
                                + (said != null ? ": " + said : body == null ? " (not a microreach API answer)" : ""));
        };
    }

    /** The human part of an error answer: a problem's detail, or the security layer's message. */
    private static String said(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        for (String key : new String[] {"detail", "message"}) {
            JsonNode n = body.get(key);
            if (n != null && n.isString() && !n.asString().isBlank()) {
                return n.asString();
            }
        }
        return null;
    }
}
