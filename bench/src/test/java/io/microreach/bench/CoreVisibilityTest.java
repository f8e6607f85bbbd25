package io.microreach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import io.microreach.app.MicroreachApplication;
import io.microreach.domain.Account;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A core type is public only when another package uses it: the developer guide makes a package's public types its
 * API, so a public type that nothing outside its package touches is API by accident. The check lives in the bench
 * module because only its test class path holds the main classes of core, app and bench together, and all three
 * count as users; only core's packages are checked (app and bench are applications, not libraries).
 *
 * <p>A type counts as used from outside when a class of another package depends on it (field, parameter, return or
 * generic type, call, inheritance, annotation) or reaches a member whose signature names it. Tests do not count: a
 * test in another package is adapted to the API, not the API to the test.
 */
class CoreVisibilityTest {
    /** Public core types that stay public although no main class of another package names them, and why. */
    static final Map<String, String> EXCEPTIONS = Map.of(
            "io.microreach.niches.StaticTableDistiller",
            "run by exec-maven-plugin (exec:java, which needs a public class) in core's build to distil the static token"
                    + " table",
            "io.microreach.signals.followers.training.TrainingOptions",
            "the documented API for retraining with other settings (docs/signals-followers-model-card.md); the CLI"
                    + " trains with the defaults");

    static final ArchRule PUBLIC_ONLY_WHEN_USED_ELSEWHERE = ArchRuleDefinition.classes()
            .that()
            .resideInAPackage("io.microreach..")
            .and()
            .resideOutsideOfPackages("io.microreach.app..", "io.microreach.bench..")
            .and()
            .areTopLevelClasses()
            .and()
            .arePublic()
            .and(DescribedPredicate.describe(
                    "not listed as an exception", (JavaClass c) -> !EXCEPTIONS.containsKey(c.getName())))
            .should(beUsedFromAnotherPackage())
            .because("a package's public types are its API; everything else is package-private")
            .allowEmptyShould(true);

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        // Jars are not excluded: in a reactor build after `package` the sibling modules arrive as jars, in a narrow
        // build as target/classes folders. Test classes are excluded either way.
        mainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.microreach");
    }

    @Test
    void theImportSeesCoreAppAndBench() {
        // Guards against the rule passing on an empty or partial import.
        assertThat(mainClasses.contain(Account.class)).as("core").isTrue();
        assertThat(mainClasses.contain(MicroreachApplication.class)).as("app").isTrue();
        assertThat(mainClasses.contain(ImportBenchmark.class)).as("bench").isTrue();
        assertThat(mainClasses.contain(CoreVisibilityTest.class)).as("tests").isFalse();
        assertThat(mainClasses.stream().filter(c -> c.getPackageName().startsWith("io.microreach.app")))
                .hasSizeGreaterThan(50);
    }

    @Test
    void corePublicTypesAreUsedOutsideTheirPackage() {
        PUBLIC_ONLY_WHEN_USED_ELSEWHERE.check(mainClasses);
    }

    @Test
    void everyExceptionIsAPublicCoreType() {
        for (String name : EXCEPTIONS.keySet()) {
            assertThat(mainClasses.contain(name)).as(name).isTrue();
            assertThat(mainClasses.get(name).getModifiers()).as(name).contains(JavaModifier.PUBLIC);
        }
    }

    /** The rule fails for a public class that only its own package uses, and passes for one used elsewhere. */
    @Test
    void theRuleCatchesAPublicTypeUsedOnlyInItsPackage() throws ClassNotFoundException {
        JavaClasses offenders = new ClassFileImporter()
                .importClasses(
                        io.microreach.visibilityoffenders.UsedOnlyInside.class,
                        io.microreach.visibilityoffenders.UsedElsewhere.class,
                        Class.forName("io.microreach.visibilityoffenders.InsideUser"),
                        OutsideUser.class);

        var result = PUBLIC_ONLY_WHEN_USED_ELSEWHERE.evaluate(offenders);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .singleElement()
                .satisfies(d -> assertThat(d).contains("UsedOnlyInside"));
    }

    static class OutsideUser {
        io.microreach.visibilityoffenders.UsedElsewhere used;
    }

    private static ArchCondition<JavaClass> beUsedFromAnotherPackage() {
        return new ArchCondition<>("be used by a class of another package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean used = type.getPackage().getClasses().stream()
                                .filter(c -> isOrEncloses(type, c))
                                .flatMap(c -> c.getDirectDependenciesToSelf().stream())
                                .anyMatch(d ->
                                        !d.getOriginClass().getPackageName().equals(type.getPackageName()))
                        || usedInSignatureOfAccessedMember(type);
                if (!used) {
                    events.add(SimpleConditionEvent.violated(
                            type, type.getName() + " is public but no class outside its package uses it"));
                }
            }
        };
    }

    /**
     * Calls like {@code a.setX(b.x())} or {@code for (X x : b.xs())} need X accessible though the caller's bytecode
     * names X nowhere but in a cast or a descriptor (which ArchUnit does not record as a dependency). Using a nested
     * class needs its enclosing class too.
     */
    private static boolean usedInSignatureOfAccessedMember(JavaClass type) {
        String pkg = type.getPackageName();
        return type.getPackage().getClasses().stream()
                .flatMap(c -> c.getAccessesToSelf().stream())
                .filter(a -> !a.getOriginOwner().getPackageName().equals(pkg))
                .flatMap(CoreVisibilityTest::signatureTypes)
                .anyMatch(t -> isOrEncloses(type, t));
    }

    private static boolean isOrEncloses(JavaClass type, JavaClass other) {
        return other.equals(type) || other.getName().startsWith(type.getName() + "$");
    }

    private static Stream<JavaClass> signatureTypes(JavaAccess<?> access) {
        AccessTarget target = access.getTarget();
        Stream<JavaType> types = Stream.empty();
        if (target instanceof AccessTarget.CodeUnitAccessTarget unit) {
            types = unit.resolveMember()
                    .map(m -> Stream.concat(m.getParameterTypes().stream(), Stream.of(m.getReturnType())))
                    .orElseGet(() ->
                            Stream.concat(unit.getRawParameterTypes().stream(), Stream.of(unit.getRawReturnType())));
        } else if (target instanceof AccessTarget.FieldAccessTarget field) {
            types = field.resolveMember()
                    .map(f -> Stream.of(f.getType()))
                    .orElseGet(() -> Stream.of(field.getRawType()));
        }
        return types.flatMap(t -> t.getAllInvolvedRawTypes().stream());
    }
}
