package io.microreach.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * End to end: a small project whose parent is the root pom and which resolves snakeyaml 1.33 (CVE-2022-1471) in
 * test scope must fail at {@code validate}, and the failure must name the advisory. Runs the Maven wrapper once (a
 * few seconds; the snakeyaml 1.33 POM comes from Maven Central the first time).
 */
class VulnerableProjectBuildTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path FIXTURE = Path.of("src", "test", "projects", "vulnerable", "pom.xml");

    @Test
    void buildFailsAndNamesTheAdvisory() throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
        Path wrapper = ROOT.resolve(windows ? "mvnw.cmd" : "mvnw");
        assertThat(wrapper).exists();

        List<String> command = new ArrayList<>(List.of(
                wrapper.toString(),
                "-B",
                "-ntp",
                "-Dstyle.color=never",
                "-f",
                FIXTURE.toAbsolutePath().toString(),
                "validate"));
        String repoLocal = System.getProperty("maven.repo.local");
        Path repository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        if (repoLocal != null && !repoLocal.isBlank()) {
            command.add("-Dmaven.repo.local=" + repoLocal);
            repository = Path.of(repoLocal);
        }
        // Once the snakeyaml 1.33 POM is in the local repository (the first run fetches it from Maven Central),
        // everything the fixture needs is there: build offline.
        if (Files.exists(repository.resolve("org/yaml/snakeyaml/1.33/snakeyaml-1.33.pom"))) {
            command.add("-o");
        }
        Path log = Files.createTempFile("advisory-fixture", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().remove("MAVEN_ARGS");
            Process maven = builder.start();
            if (!maven.waitFor(240, TimeUnit.SECONDS)) {
                maven.destroyForcibly();
                throw new AssertionError("the fixture build did not finish in 240 s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);

            assertThat(maven.exitValue()).as(output).isNotZero();
            assertThat(output)
                    .contains("BUILD FAILURE")
                    .contains("enforce (dependency-advisories)")
                    .contains("org.yaml:snakeyaml: the version marked below is in the affected range")
                    .contains("- CVE-2022-1471 (HIGH) [,2.0), fixed in 2.0: ")
                    .contains("org.yaml:snakeyaml:jar:1.33 <--- banned");
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
