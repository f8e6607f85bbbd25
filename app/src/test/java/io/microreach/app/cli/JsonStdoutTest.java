package io.microreach.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.CommandCapture;
import io.microreach.app.CommandCapture.Captured;
import io.microreach.app.TestHomes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every {@code --json} command writes exactly one JSON document to standard output and nothing else: log lines (here
 * the search index's warning that it is missing and is being built, which the first search of a fresh home logs) go
 * to standard error. The real {@code System.out} is captured, as a shell pipe would see it.
 */
class JsonStdoutTest {
    private static final Path HOME = TestHomes.newHome("json-stdout");
    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static Captured run(String... args) {
        return CommandCapture.run(HOME, args);
    }

    private static JsonNode json(Captured c) throws Exception {
        assertThat(c.code()).as(c.stderr()).isZero();
        return STRICT.readTree(c.stdout());
    }

    @Test
    void everyJsonCommandPrintsOnlyJsonOnStdout() throws Exception {
        // A fresh home: the first search finds no index and logs a warning while it builds one.
        Captured first = run("search", "--json");
        assertThat(json(first).get("total").asLong()).isZero();
        assertThat(first.stderr()).contains("rebuilding it from the database");

        Path data = Files.writeString(
                HOME.resolve("accounts.jsonl"),
                "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"1\",\"handle\":\"a\",\"followers\":10,"
                        + "\"bio\":\"Trail running and hiking in the Alps\"}\n");
        assertThat(run("import", data.toString()).code()).isZero();
        Path labels = Files.writeString(
                HOME.resolve("labels.csv"),
                "label,text\nfitness,\"Leg day at the gym, squats and deadlifts\"\ntravel,Two weeks in Japan\n");
        for (List<String> args : List.of(
                List.of("status", "--json"),
                List.of("sources", "--json"),
                List.of("sync", "--json"),
                List.of("niches", "--json"),
                List.of("search", "--query", "running", "--json"),
                List.of("eval", "niches", "--labels", labels.toString(), "--json"))) {
            Captured c = run(args.toArray(String[]::new));
            assertThat(json(c)).as(String.join(" ", args)).isNotNull();
        }
    }

    @Test
    void loggingWhileDivertedGoesToStderr() {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            PrintStream beforeDivert = System.out;
            try (StdoutDivert divert = StdoutDivert.toStderr()) {
                System.out.println("a library line");
                LoggerFactory.getLogger(JsonStdoutTest.class).error("a log line");
            }
            assertThat(System.out).isSameAs(beforeDivert);
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("a library line");
    }
}
