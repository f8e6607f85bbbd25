package io.microreach.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.maven.artifact.versioning.VersionRange;
import org.apache.maven.enforcer.rules.utils.ArtifactMatcher;
import org.apache.maven.model.Dependency;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The advisory list and the enforcer rules generated from it. Matching goes through the enforcer's own
 * {@link ArtifactMatcher.Pattern} (same release as the root pom runs), so what passes here is what the build does.
 *
 * <p>After editing advisories.csv, regenerate the root pom's rules with
 * {@code ./mvnw -B -ntp -pl security test -Dtest=AdvisoriesTest -Dadvisories.write=true}.
 */
class AdvisoriesTest {

    static final Path CSV = Path.of("advisories.csv");
    static final Path ROOT_POM = Path.of("..", "pom.xml");

    private static final Pattern ID = Pattern.compile("CVE-\\d{4}-\\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3}");
    private static final Pattern COORDINATE = Pattern.compile("[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+\\*?");
    private static final Set<String> SEVERITIES = Set.of("CRITICAL", "HIGH", "MODERATE", "LOW", "UNRATED");

    static List<Advisory> advisories;

    @BeforeAll
    static void read() throws IOException {
        advisories = Advisory.read(CSV);
    }

    @Test
    void everyRowIsComplete() {
        assertThat(advisories).hasSizeGreaterThan(20);
        Set<String> keys = new HashSet<>();
        for (Advisory a : advisories) {
            String row = a.id() + " " + a.coordinate();
            assertThat(a.id()).as(row).matches(ID);
            assertThat(a.coordinate()).as(row).matches(COORDINATE);
            assertThat(a.severity()).as(row).isIn(SEVERITIES);
            assertThat(a.action()).as(row).isIn("fail", "warn");
            assertThat(a.summary()).as(row).isNotBlank().doesNotContain("\n");
            assertThat(a.source()).as(row).startsWith("http");
            assertThat(a.fixed())
                    .as(row)
                    .isNotEmpty()
                    .allSatisfy(v -> assertThat(v).isNotBlank());
            assertThat(keys.add(row)).as("duplicate row " + row).isTrue();
        }
    }

    /** Rows sorted by coordinate, then id: one place per library, clean diffs. */
    @Test
    void rowsAreSortedByCoordinateThenId() {
        List<String> keys =
                advisories.stream().map(a -> a.coordinate() + " " + a.id()).toList();
        assertThat(keys).isSorted();
    }

    /** A bare version would be an exact match only; every row must name a range. */
    @Test
    void everyAffectedRangeIsAMavenRange() {
        for (Advisory a : advisories) {
            assertThat(a.affected()).as(a.id()).matches("[\\[(].*[\\])]");
            assertThatCode(() -> VersionRange.createFromVersionSpec(a.affected()))
                    .as(a.id())
                    .doesNotThrowAnyException();
        }
    }

    /** Each fixed version lies outside the affected range: catches ranges typed with the wrong bracket. */
    @Test
    void fixedVersionsAreNotBanned() {
        for (Advisory a : advisories) {
            for (String fixed : a.fixed()) {
                assertThat(banned(a, artifactIdFor(a), fixed))
                        .as(a.id() + " bans its own fixed version " + fixed)
                        .isFalse();
            }
        }
    }

    /**
     * The root pom's dependency-advisories execution holds exactly the rules rendered from advisories.csv. With
     * {@code -Dadvisories.write=true} it rewrites them instead of failing.
     */
    @Test
    void rootPomRulesEqualTheCsv() throws IOException {
        String pom = Files.readString(ROOT_POM, StandardCharsets.UTF_8);
        String expected = PomRules.render(advisories);
        if (Boolean.getBoolean("advisories.write")) {
            Files.writeString(ROOT_POM, PomRules.replace(pom, advisories), StandardCharsets.UTF_8);
            pom = Files.readString(ROOT_POM, StandardCharsets.UTF_8);
        }
        assertThat(PomRules.extract(pom))
                .as("the root pom's advisory rules are out of date with security/advisories.csv; run "
                        + "./mvnw -B -ntp -pl security test -Dtest=AdvisoriesTest -Dadvisories.write=true")
                .isEqualTo(expected);
    }

    /** Known-vulnerable releases are banned by the advisory that names them. */
    @ParameterizedTest
    @CsvSource({
        "org.yaml:snakeyaml:1.33, CVE-2022-1471",
        "org.yaml:snakeyaml:1.30, CVE-2022-25857",
        "com.fasterxml.jackson.core:jackson-databind:2.13.2, CVE-2020-36518",
        "com.fasterxml.jackson.core:jackson-databind:2.21.3, CVE-2026-54512",
        "tools.jackson.core:jackson-databind:3.1.1, CVE-2026-54513",
        "com.fasterxml.jackson.core:jackson-core:2.20.0, GHSA-72hv-8253-57qq",
        "org.apache.tomcat.embed:tomcat-embed-core:11.0.2, CVE-2025-24813",
        "org.apache.tomcat.embed:tomcat-embed-core:10.1.0-M17, CVE-2025-24813",
        "org.apache.tomcat.embed:tomcat-embed-core:11.0.21, CVE-2026-43515",
        "org.springframework:spring-beans:5.3.17, CVE-2022-22965",
        "org.springframework:spring-expression:7.0.7, CVE-2026-41850",
        "org.postgresql:postgresql:42.7.1, CVE-2024-1597",
        "org.postgresql:postgresql:42.2.27, CVE-2024-1597",
        "org.thymeleaf:thymeleaf:3.1.3.RELEASE, CVE-2026-40477",
        "org.thymeleaf:thymeleaf:3.1.4.RELEASE, CVE-2026-41901",
        "ch.qos.logback:logback-core:1.5.18, CVE-2025-11226",
        "ch.qos.logback:logback-classic:1.5.32, CVE-2026-13006",
        "org.apache.commons:commons-lang3:3.17.0, CVE-2025-48924",
        "com.google.guava:guava:31.1-jre, CVE-2023-2976",
        "com.google.protobuf:protobuf-java:3.25.4, CVE-2024-7254",
        "org.apache.logging.log4j:log4j-core:2.14.1, CVE-2021-44228",
        "org.springframework.security:spring-security-web:7.0.3, CVE-2026-22732",
        "org.springframework.security:spring-security-web:6.5.8, CVE-2026-22732",
    })
    void vulnerableReleasesAreBanned(String gav, String id) {
        String[] parts = gav.split(":");
        List<Advisory> matching = advisories.stream()
                .filter(a -> a.id().equals(id))
                .filter(a -> banned(a, parts[1], parts[2], parts[0]))
                .toList();
        assertThat(matching).as(gav + " should be banned by " + id).isNotEmpty();
    }

    /** Releases past every fix are not banned by any advisory. */
    @ParameterizedTest
    @CsvSource({
        "org.yaml:snakeyaml:2.0",
        "org.yaml:snakeyaml:2.5",
        "com.fasterxml.jackson.core:jackson-databind:2.22.2",
        "tools.jackson.core:jackson-databind:3.1.4",
        "org.apache.tomcat.embed:tomcat-embed-core:11.0.29",
        "org.springframework:spring-expression:7.0.10",
        "org.postgresql:postgresql:42.7.14",
        "org.thymeleaf:thymeleaf:3.1.5.RELEASE",
        "ch.qos.logback:logback-core:1.5.35",
        "com.google.guava:guava:33.7.2-jre",
        "com.google.guava:guava:32.0.0-jre",
        "org.apache.logging.log4j:log4j-core:2.25.4",
        "org.apache.logging.log4j:log4j-api:2.14.1",
        "org.springframework.security:spring-security-web:7.0.6",
        "org.springframework.security:spring-security-core:7.0.6",
    })
    void fixedReleasesAreNotBanned(String gav) {
        String[] parts = gav.split(":");
        List<String> matching = advisories.stream()
                .filter(a -> banned(a, parts[1], parts[2], parts[0]))
                .map(Advisory::id)
                .toList();
        assertThat(matching).as(gav).isEmpty();
    }

    private static boolean banned(Advisory advisory, String artifactId, String version) {
        return banned(advisory, artifactId, version, advisory.coordinate().split(":")[0]);
    }

    /** Whether the enforcer pattern of {@code advisory} matches the given jar dependency. */
    static boolean banned(Advisory advisory, String artifactId, String version, String groupId) {
        Dependency dependency = new Dependency();
        dependency.setGroupId(groupId);
        dependency.setArtifactId(artifactId);
        dependency.setVersion(version);
        dependency.setType("jar");
        dependency.setScope("compile");
        return new ArtifactMatcher.Pattern(advisory.pattern()).match(dependency);
    }

    /** The artifactId to test fixed versions with: the row's own, or a sample one for a wildcard row. */
    private static String artifactIdFor(Advisory advisory) {
        String artifactId = advisory.coordinate().split(":")[1];
        return artifactId.endsWith("*") ? artifactId.replace("*", "core") : artifactId;
    }
}
