package yardstick.platform.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The five rooms of a service (ARCHITECTURE.md), kept by ArchUnit on the service's own classes:
 * {@code domain} is plain Java (no Micronaut, gRPC, protobuf or JDBC; of platform, only its plain statistics) and
 * depends on no other room; endpoints ({@code api}) never reach a store directly; stores never build gRPC statuses; the arrows
 * point api -> app -> domain, app -> store and peers, never back. Extend it in each service's tests
 * with the service's root package.
 */
public abstract class RoomsChecks {

    /** For example {@code yardstick.cases}. */
    protected abstract String servicePackage();

    private JavaClasses classes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(servicePackage());
    }

    private String room(String name) {
        return servicePackage() + "." + name + "..";
    }

    @Test
    void theDomainIsPlainJava() {
        noClasses().that().resideInAPackage(room("domain"))
                .should().dependOnClassesThat(resideInAnyPackage("io.micronaut..", "io.grpc..", "com.google.protobuf..",
                        "java.sql..", "javax.sql..", "jakarta..", "yardstick.platform..", "yardstick.*.v1..")
                        // platform's statistics are plain arithmetic, kept once so every service rounds alike
                        .and(not(resideInAPackage("yardstick.platform.statistics.."))))
                .because("the rules are plain Java, readable and testable without a framework")
                .check(classes());
    }

    @Test
    void theDomainDependsOnNoOtherRoom() {
        noClasses().that().resideInAPackage(room("domain"))
                .should().dependOnClassesThat().resideInAnyPackage(room("app"), room("api"), room("store"), room("peers"))
                .check(classes());
    }

    @Test
    void endpointsNeverReachAStoreDirectly() {
        noClasses().that().resideInAPackage(room("api"))
                .should().dependOnClassesThat().resideInAPackage(room("store"))
                .because("an endpoint translates and calls one use case, which draws the transaction")
                .check(classes());
    }

    @Test
    void storesBuildNoGrpcStatuses() {
        noClasses().that().resideInAPackage(room("store"))
                .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "yardstick.platform.grpc..")
                .because("a store keeps records; refusals are the use case's, status codes the endpoint's")
                .check(classes());
    }

    @Test
    void useCasesKnowNoEndpoint() {
        noClasses().that().resideInAPackage(room("app"))
                .should().dependOnClassesThat().resideInAPackage(room("api"))
                .check(classes());
    }

    @Test
    void storesAndPeersKnowNoUseCaseOrEndpoint() {
        noClasses().that().resideInAnyPackage(room("store"), room("peers"))
                .should().dependOnClassesThat().resideInAnyPackage(room("api"), room("app"))
                .check(classes());
    }
}
