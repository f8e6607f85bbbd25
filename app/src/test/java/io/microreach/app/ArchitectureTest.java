package io.microreach.app;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import io.microreach.app.database.CopyRows;
import io.microreach.app.scoring.AccountsRescored;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app's feature packages and what each may use (the table is documented in {@code io.microreach.app}'s
 * package-info; change both together). Anything outside {@code io.microreach.app} (the core, Spring, the JDK) is
 * allowed everywhere; the web layer and the command line keep SQL out, and only scoring announces a rescore.
 */
class ArchitectureTest {
    private static final String APP = "io.microreach.app";
    private static final String ROOT = "(root)";

    /** Feature → the features it may use. {@code (root)} is {@code io.microreach.app} itself. */
    static final Map<String, List<String>> ALLOWED = new LinkedHashMap<>();

    static {
        allow(ROOT, "cli", "home", "security");
        allow("web");
        allow("home");
        allow("users");
        allow("security", "users");
        allow("privacy", "importer", "scoring", "users");
        allow("shortlists", "database", "security", "users", "web");
        allow("database", "home");
        allow("importer", "database", "home");
        allow("scoring", "database", "home");
        allow("niches", "home", "scoring");
        allow("search", "home", "niches", "scoring");
        allow("planner", "niches", "scoring", "search", "security", "shortlists", "users");
        allow("campaigns", "database", "planner", "search", "security", "shortlists", "tracking", "users", "web");
        allow("outreach", "campaigns", "database", "security", "users", "web");
        allow("importjobs", "home", "importer", "scoring", "security", "users");
        allow("demo", "campaigns", "home", "importer", "niches", "scoring", "users");
        allow("discover", "niches", "search", "shortlists");
        allow("crawl", "database", "home", "importer", "scoring");
        allow("creators", "campaigns", "crawl", "database", "niches", "planner", "scoring", "search", "shortlists");
        allow("searcheval", "importer", "niches", "scoring", "search");
        allow(
                "exports",
                "campaigns",
                "discover",
                "niches",
                "planner",
                "scoring",
                "search",
                "security",
                "shortlists",
                "users");
        allow("tracking", "database", "home", "security", "users");
        allow(
                "cli",
                ROOT,
                "crawl",
                "database",
                "demo",
                "home",
                "importer",
                "niches",
                "planner",
                "campaigns",
                "outreach",
                "scoring",
                "search",
                "searcheval",
                "privacy",
                "tracking",
                "users");
    }

    private static void allow(String feature, String... uses) {
        ALLOWED.put(feature, List.of(uses));
    }

    private static String pkg(String feature) {
        return feature.equals(ROOT) ? APP : APP + "." + feature + "..";
    }

    static final ArchRule FEATURES_USE_ONLY_WHAT_THE_TABLE_ALLOWS = featureRules();

    private static ArchRule featureRules() {
        List<ArchRule> rules = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : ALLOWED.entrySet()) {
            List<String> packages = new ArrayList<>();
            packages.add(pkg(e.getKey()));
            e.getValue().forEach(f -> packages.add(pkg(f)));
            rules.add(classes()
                    .that()
                    .resideInAPackage(pkg(e.getKey()))
                    .should()
                    .onlyDependOnClassesThat(
                            resideOutsideOfPackage(APP + "..").or(resideInAnyPackage(packages.toArray(String[]::new))))
                    .as(e.getKey() + " uses only " + (e.getValue().isEmpty() ? "no other feature" : e.getValue()))
                    // Lets the offenders below be checked alone; theImportSeesTheApp checks every feature has classes.
                    .allowEmptyShould(true));
        }
        return CompositeArchRule.of(rules);
    }

    static final ArchRule EVERY_PACKAGE_IS_DECLARED = classes()
            .that()
            .resideInAPackage(APP + "..")
            .should()
            .resideInAnyPackage(
                    ALLOWED.keySet().stream().map(ArchitectureTest::pkg).toArray(String[]::new))
            .because("a new feature package needs its row in the table");

    static final ArchRule FEATURES_ARE_FREE_OF_CYCLES =
            slices().matching(APP + ".(*)..").should().beFreeOfCycles();

    private static final DescribedPredicate<JavaClass> SQL = resideInAnyPackage("java.sql..", "javax.sql..")
            .or(assignableTo(JdbcOperations.class))
            .or(assignableTo(NamedParameterJdbcOperations.class))
            .as("SQL (java.sql, javax.sql.DataSource, JdbcTemplate, NamedParameterJdbcTemplate)");

    static final ArchRule NO_SQL_IN_CONTROLLERS_OR_COMMANDS = noClasses()
            .that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .or()
            .resideInAPackage(APP + ".cli..")
            .should()
            .dependOnClassesThat(SQL)
            .because("queries live in their feature's query or store classes");

    static final ArchRule COPY_HELPERS_LIVE_IN_DATABASE = classes()
            .that()
            .haveSimpleNameEndingWith("CopyRows")
            .or()
            .haveSimpleNameEndingWith("CopyReader")
            .or()
            .haveSimpleNameEndingWith("CopyWriter")
            .should()
            .resideInAPackage(APP + ".database")
            .because("the COPY codecs are shared by importer and scoring");

    static final ArchRule ONLY_SCORING_ANNOUNCES_A_RESCORE = noClasses()
            .that()
            .resideOutsideOfPackage(APP + ".scoring..")
            .should()
            .callConstructorWhere(describe(
                    "the constructor of AccountsRescored",
                    call -> call.getTargetOwner().isEquivalentTo(AccountsRescored.class)))
            .because("a niche correction publishes NicheCorrected; AccountsRescored means scorecards were stored");

    private static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(APP);
    }

    @Test
    void theImportSeesTheApp() {
        // Guards against the rules passing on an empty import.
        assertThat(app.contain(MicroreachApplication.class)).isTrue();
        assertThat(app.contain(CopyRows.class)).isTrue();
        assertThat(app.contain(AccountsRescored.class)).isTrue();
        assertThat(app.contain(ArchitectureTest.class)).isFalse();
        assertThat(app.size()).isGreaterThan(100);
        assertThat(ALLOWED.keySet())
                .allSatisfy(feature -> assertThat(app.stream()
                                .anyMatch(c ->
                                        c.getPackageName().equals(feature.equals(ROOT) ? APP : APP + "." + feature)))
                        .as(feature)
                        .isTrue());
    }

    @Test
    void featuresUseOnlyWhatTheTableAllows() {
        FEATURES_USE_ONLY_WHAT_THE_TABLE_ALLOWS.check(app);
    }

    @Test
    void everyPackageIsDeclared() {
        EVERY_PACKAGE_IS_DECLARED.check(app);
    }

    @Test
    void featuresAreFreeOfCycles() {
        FEATURES_ARE_FREE_OF_CYCLES.check(app);
    }

    @Test
    void noSqlInControllersOrCommands() {
        NO_SQL_IN_CONTROLLERS_OR_COMMANDS.check(app);
    }

    @Test
    void copyHelpersLiveInDatabase() {
        COPY_HELPERS_LIVE_IN_DATABASE.check(app);
    }

    @Test
    void onlyScoringAnnouncesARescore() {
        ONLY_SCORING_ANNOUNCES_A_RESCORE.check(app);
    }

    /** The rules do catch violations: checked against the deliberate offenders below. */
    @Test
    void theRulesCatchOffenders() {
        JavaClasses offenders = new ClassFileImporter()
                .importClasses(QueriesInController.class, AnnouncesRescore.class, StrayCopyRows.class);
        assertThat(details(FEATURES_USE_ONLY_WHAT_THE_TABLE_ALLOWS, offenders))
                .anySatisfy(d -> assertThat(d).contains("AnnouncesRescore").contains("AccountsRescored"));
        assertThat(details(NO_SQL_IN_CONTROLLERS_OR_COMMANDS, offenders))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d).contains("QueriesInController"))
                .anySatisfy(d -> assertThat(d).contains(JdbcTemplate.class.getName()));
        assertThat(details(COPY_HELPERS_LIVE_IN_DATABASE, offenders))
                .singleElement()
                .satisfies(d -> assertThat(d).contains("StrayCopyRows"));
        assertThat(details(ONLY_SCORING_ANNOUNCES_A_RESCORE, offenders))
                .singleElement()
                .satisfies(d -> assertThat(d).contains("AnnouncesRescore"));
    }

    private static List<String> details(ArchRule rule, JavaClasses classes) {
        return rule.evaluate(classes).getFailureReport().getDetails();
    }

    @Controller
    static class QueriesInController {
        JdbcTemplate jdbc;
    }

    static class AnnouncesRescore {
        Object announce() {
            return new AccountsRescored(List.of(1L), false);
        }
    }

    static class StrayCopyRows {}
}
