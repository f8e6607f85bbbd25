package io.microreach.connectors.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.connectors.http.FakeTime;
import io.microreach.connectors.http.JsonHttpClient;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Graph error codes the crawl acts on, read from the error object the Graph API sends. */
class GraphErrorTest {

    private static GraphError.Kind kind(int status, String fixture) {
        return GraphError.of(status, "GET ... answered " + status + ": " + GraphStub.fixture(fixture), null)
                .kind();
    }

    private static GraphError.Kind kind(String body) {
        return GraphError.of(400, body, null).kind();
    }

    @Test
    void classifiesTheDocumentedErrorObjects() {
        assertThat(kind(400, "error-not-found.json")).isEqualTo(GraphError.Kind.NOT_FOUND);
        assertThat(kind(400, "error-token-expired.json")).isEqualTo(GraphError.Kind.TOKEN);
        assertThat(kind(400, "error-rate-limit-user.json")).isEqualTo(GraphError.Kind.RATE_LIMIT);
        assertThat(kind(403, "error-rate-limit-app.json")).isEqualTo(GraphError.Kind.RATE_LIMIT);
        assertThat(kind(500, "error-transient.json")).isEqualTo(GraphError.Kind.OTHER);
    }

    @Test
    void classifiesCodesAndSubcodes() {
        assertThat(kind("{\"error\":{\"message\":\"(#32) Page request limit reached\",\"code\":32}}"))
                .isEqualTo(GraphError.Kind.RATE_LIMIT);
        assertThat(kind("{\"error\":{\"message\":\"(#613) Calls to this api have exceeded the rate limit.\","
                        + "\"type\":\"OAuthException\",\"code\":613}}"))
                .isEqualTo(GraphError.Kind.RATE_LIMIT);
        assertThat(kind("{\"error\":{\"message\":\"Invalid parameter\",\"code\":100,\"error_subcode\":2207013}}"))
                .isEqualTo(GraphError.Kind.NOT_FOUND);
        assertThat(kind("{\"error\":{\"message\":\"Invalid parameter\",\"code\":100,\"error_subcode\":33}}"))
                .isEqualTo(GraphError.Kind.OTHER);
        assertThat(kind("{\"error\":{\"message\":\"(#10) Application does not have permission for this action\","
                        + "\"code\":10}}"))
                .isEqualTo(GraphError.Kind.TOKEN);
        assertThat(kind("<html>Bad gateway</html>")).isEqualTo(GraphError.Kind.OTHER);
    }

    @Test
    void theMessageNamesCodeSubcodeAndTheGraphTextButNotTheRequest() {
        GraphError e = GraphError.of(
                400,
                "GET https://graph.facebook.com/v21.0/1?access_token=" + GraphStub.TOKEN + " answered 400: "
                        + GraphStub.fixture("error-not-found.json"),
                "unused");

        assertThat(e.getMessage()).isEqualTo("HTTP 400, Graph API error 110/2207013: Invalid user id");
        assertThat(e.code()).isEqualTo(110);
        assertThat(e.subcode()).isEqualTo(2207013);
    }

    @Test
    void aConnectorNeedsATokenAndANumericAccountId() {
        FakeTime time = new FakeTime(Instant.EPOCH);
        JsonHttpClient http = new JsonHttpClient(InstagramConnector.defaultSettings(), time, time);
        assertThatThrownBy(() -> new InstagramConnector(http, Clock.systemUTC(), " ", "17841400008460056"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstagramConnector(http, Clock.systemUTC(), "EAAG", "lena.kocht"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new InstagramConnector(http, Clock.systemUTC(), "EAAG", "17841400008460056").sourceId())
                .isEqualTo("instagram");
    }
}
