package io.microreach.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SafeDefaultsTest extends SpringAppTest {

    /** A raw HTTP/1.1 request, so the Host header can be anything (Java's HTTP client does not let a caller set it). */
    private String raw(String host, String path, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRequestForAnotherHostNameIsRefusedSoDnsRebindingFindsNothing() throws IOException {
        String rebound = raw("attacker.example", "/api/search");
        assertThat(rebound)
                .startsWith("HTTP/1.1 400")
                .contains("MICROREACH_ALLOWED_HOSTS")
                .doesNotContain("{\"");
        assertThat(raw("attacker.example:" + port, "/discover")).startsWith("HTTP/1.1 400");
        assertThat(raw("<b>x</b>", "/")).startsWith("HTTP/1.1 400").doesNotContain("<b>");

        assertThat(raw("localhost:" + port, "/actuator/health")).startsWith("HTTP/1.1 200");
        assertThat(raw("127.0.0.1:" + port, "/actuator/health")).startsWith("HTTP/1.1 200");
        assertThat(raw("[::1]:" + port, "/actuator/health")).startsWith("HTTP/1.1 200");
    }

    @Test
    void hostNamesAreComparedWithoutPortBracketsCaseOrTrailingDot() {
        AllowedHosts hosts = new AllowedHosts(java.util.List.of("Microreach.Example.com", " "), "10.0.0.5");
        assertThat(hosts.allows("microreach.example.com")).isTrue();
        assertThat(hosts.allows("MICROREACH.example.com.:443")).isTrue();
        assertThat(hosts.allows("10.0.0.5:8080")).isTrue();
        assertThat(hosts.allows("[::1]:8080")).isTrue();
        assertThat(hosts.allows("evil.microreach.example.com")).isFalse();
        assertThat(hosts.allows("microreach.example.com.evil")).isFalse();
        assertThat(hosts.allows(null)).isFalse();
        assertThat(hosts.allows("")).isFalse();
        assertThat(new AllowedHosts(java.util.List.of("*"), "").allows("anything"))
                .isTrue();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndHstsOnlyOverHttps() throws IOException {
        HttpResponse<String> page = new WebClient(port).get("/discover");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("script-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .contains("object-src 'none'")
                        .doesNotContain("unsafe-eval"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(page.body())
                .as("no inline script or handler that the policy would block")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                .doesNotContainPattern("\\son[a-z]+=\"");

        // Behind a TLS proxy on this machine: the proxy says the request came over HTTPS.
        String viaProxy = raw("localhost", "/discover", "X-Forwarded-Proto: https");
        assertThat(viaProxy).contains("Strict-Transport-Security: max-age=31536000");

        // Refused for every caller, the test's owner included: no rule names them (and they are not exposed).
        assertThat(new WebClient(port).get("/actuator/info").statusCode())
                .as("only the health endpoint is exposed")
                .isIn(403, 404);
        assertThat(new WebClient(port).get("/actuator/env").statusCode()).isIn(403, 404);
        assertThat(WebClient.anonymous(port).get("/actuator/health").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theServerListensOnLoopbackOnly() throws IOException {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                external.isPresent(), "this machine has no non-loopback address to try");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(external.get(), port), 2000);
            org.assertj.core.api.Assertions.fail(
                    "connected to port " + port + " on " + external.get() + "; the server must bind 127.0.0.1");
        } catch (ConnectException expected) {
            assertThat(expected).hasMessageContaining("refused");
        }
    }
}
