package io.microreach.connectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.microreach.connectors.bluesky.BlueskyConnector;
import io.microreach.connectors.http.JsonHttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connectors are a library the app schedules: no Spring, SQL or servlet; the API package knows no platform and
 * no HTTP; the HTTP plumbing knows no platform; platforms do not use each other; no catch-all names.
 */
class ArchitectureTest {
    private static JavaClasses connectors;

    @BeforeAll
    static void importConnectors() {
        connectors = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.microreach.connectors");
    }

    @Test
    void theImportSeesTheModule() {
        assertThat(connectors.contain(BlueskyConnector.class)).isTrue();
        assertThat(connectors.contain(JsonHttpClient.class)).isTrue();
        assertThat(connectors.contain(CreatorSource.class)).isTrue();
    }

    @Test
    void noFrameworksOrSql() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework..", "jakarta..")
                .because("the app schedules crawls and stores their state; the connectors only fetch")
                .check(connectors);
    }

    @Test
    void theApiKnowsNoPlatformAndNoHttp() {
        noClasses()
                .that()
                .resideInAPackage("io.microreach.connectors")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.microreach.connectors.bluesky..", "io.microreach.connectors.http..", "java.net.http..")
                .check(connectors);
    }

    @Test
    void theHttpPlumbingKnowsNoPlatform() {
        noClasses()
                .that()
                .resideInAPackage("io.microreach.connectors.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.microreach.connectors.bluesky..")
                .check(connectors);
    }

    @Test
    void noImplNamesOrUtilPackages() {
        noClasses().should().haveSimpleNameEndingWith("Impl").check(connectors);
        noClasses().should().resideInAPackage("..util..").check(connectors);
    }
}
