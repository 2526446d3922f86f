package yardstick.reports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import yardstick.platform.testing.RoomsChecks;

/**
 * report-service's five rooms. The improvement plan's rules live in {@code yardstick.reports.plans},
 * beside {@code domain}: they are held to the domain's rules here.
 */
class ReportRoomsTest extends RoomsChecks {

    @Override
    protected String servicePackage() {
        return "yardstick.reports";
    }

    @Test
    void thePlanRulesAreDomainToo() {
        noClasses().that().resideInAPackage("yardstick.reports.plans..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "io.grpc..", "com.google.protobuf..",
                        "java.sql..", "javax.sql..", "jakarta..", "yardstick.platform..", "yardstick.*.v1..",
                        "yardstick.reports.app..", "yardstick.reports.api..", "yardstick.reports.store..", "yardstick.reports.peers..")
                .because("the plan's rules are plain Java, readable and testable without a framework")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("yardstick.reports"));
    }
}
