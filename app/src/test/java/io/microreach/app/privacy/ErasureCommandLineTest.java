package io.microreach.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.CommandCapture;
import io.microreach.app.CommandCapture.Captured;
import io.microreach.app.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ErasureCommandLineTest {
    private static final Path HOME = TestHomes.newHome("erase-cli");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eraseAndPersonalDataAnswerAsAnOperatorExpects() throws Exception {
        Path file = HOME.resolve("one.jsonl");
        Files.writeString(
                file,
                "{\"type\":\"account\",\"platform\":\"bluesky\",\"id\":\"did:plc:abc123\","
                        + "\"handle\":\"someone.bsky.social\",\"followers\":1500,\"bio\":\"hello\"}\n");
        assertThat(CommandCapture.run(HOME, "import", file.toString()).code()).isZero();

        Captured stored =
                CommandCapture.run(HOME, "personal-data", "--platform", "bluesky", "--handle", "someone.bsky.social");
        assertThat(stored.code()).as(stored.stderr()).isZero();
        JsonNode before = JSON.readTree(stored.stdout());
        assertThat(before.get("erased").asBoolean()).isFalse();
        assertThat(before.get("tables").get("account").get(0).get("bio").asText())
                .isEqualTo("hello");

        Captured erased =
                CommandCapture.run(HOME, "erase", "--platform", "bluesky", "--handle", "someone.bsky.social", "--json");
        assertThat(erased.code()).as(erased.stderr()).isZero();
        assertThat(JSON.readTree(erased.stdout()).get("accounts").asLong()).isEqualTo(1);

        Captured again = CommandCapture.run(HOME, "import", file.toString());
        assertThat(again.code()).as("the only line is refused").isEqualTo(3);
        Captured after =
                CommandCapture.run(HOME, "personal-data", "--platform", "bluesky", "--handle", "did:plc:abc123");
        assertThat(JSON.readTree(after.stdout()).get("erased").asBoolean()).isTrue();

        Captured unknown = CommandCapture.run(HOME, "erase", "--platform", "myspace", "--handle", "x");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.stderr()).contains("unknown platform 'myspace'");
    }
}
