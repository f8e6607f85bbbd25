package io.microreach;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.microreach.domain.Account;
import io.microreach.ingest.InputFiles;
import io.microreach.niches.evaluation.NicheEvaluation;
import io.microreach.signals.followers.training.LogisticTraining;
import io.microreach.signals.followers.training.TrainingOptions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The core stays plain Java: no SQL, no HTTP client, no Spring or Jakarta, and no catch-all names. */
class ArchitectureTest {
    private static JavaClasses core;

    static final ArchRule NO_FRAMEWORKS = noClasses()
            .that()
            .resideInAPackage("io.microreach..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "java.net.http..", "org.springframework..", "jakarta..")
            .because("the core is pure Java; storage and web live in the app module");

    static final ArchRule NO_IMPL_NAMES = noClasses()
            .that()
            .resideInAPackage("io.microreach..")
            .should()
            .haveSimpleNameEndingWith("Impl")
            .because("a class is named for what it does");

    static final ArchRule NO_UTIL_PACKAGE = noClasses()
            .should()
            .resideInAPackage("..util..")
            .because("helpers belong next to the code that needs them");

    static final ArchRule RUNTIME_WITHOUT_TRAINING = noClasses()
            .that()
            .resideInAPackage("io.microreach..")
            .and()
            .resideOutsideOfPackages("io.microreach..training..", "io.microreach..evaluation..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.microreach..training..", "io.microreach..evaluation..")
            .because("scoring and classifying must not need the code that trains or evaluates their models");

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.microreach");
    }

    @Test
    void theImportSeesTheCore() {
        // Guards against the rules passing on an empty import.
        assertThat(core.contain(Account.class)).isTrue();
        assertThat(core.contain(InputFiles.class)).isTrue();
        assertThat(core.contain(LogisticTraining.class)).isTrue();
        assertThat(core.contain(NicheEvaluation.class)).isTrue();
        assertThat(core.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void noSqlHttpSpringOrJakarta() {
        NO_FRAMEWORKS.check(core);
    }

    @Test
    void noClassNamedImpl() {
        NO_IMPL_NAMES.check(core);
    }

    @Test
    void noPackageNamedUtil() {
        NO_UTIL_PACKAGE.check(core);
    }

    @Test
    void runtimeCodeDoesNotUseTrainingOrEvaluation() {
        RUNTIME_WITHOUT_TRAINING.check(core);
    }

    /** The rules do catch violations: checked against the deliberate offenders below and a JDK util class. */
    @Test
    void theRulesCatchOffenders() {
        JavaClasses offenders = new ClassFileImporter()
                .importClasses(
                        UsesJdbc.class,
                        UsesHttpClient.class,
                        ServiceImpl.class,
                        java.util.Optional.class,
                        UsesTraining.class,
                        LogisticTraining.class);
        EvaluationResult frameworks = NO_FRAMEWORKS.evaluate(offenders);
        assertThat(frameworks.hasViolation()).isTrue();
        assertThat(frameworks.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("java.sql.Connection"))
                .anySatisfy(d -> assertThat(d).contains("java.net.http.HttpClient"));
        assertThat(NO_IMPL_NAMES.evaluate(offenders).getFailureReport().getDetails())
                .singleElement()
                .satisfies(d -> assertThat(d).contains("ServiceImpl"));
        assertThat(NO_UTIL_PACKAGE.evaluate(offenders).getFailureReport().getDetails())
                .singleElement()
                .satisfies(d -> assertThat(d).contains("java.util.Optional"));
        assertThat(RUNTIME_WITHOUT_TRAINING
                        .evaluate(offenders)
                        .getFailureReport()
                        .getDetails())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d).contains("UsesTraining"))
                .anySatisfy(d -> assertThat(d).contains("TrainingOptions"));
    }

    static class UsesJdbc {
        List<java.sql.Connection> connections;
    }

    static class UsesHttpClient {
        java.net.http.HttpClient client;
    }

    static class ServiceImpl {}

    static class UsesTraining {
        TrainingOptions options;
    }
}
