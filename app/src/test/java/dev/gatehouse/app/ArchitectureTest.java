package dev.gatehouse.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/** The module rules of ARCHITECTURE.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses GATEHOUSE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.gatehouse");

    @Test
    void engineNeverImportsJavaFx() {
        noClasses().that().resideInAPackage("dev.gatehouse.engine..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(GATEHOUSE);
    }

    @Test
    void engineDependsOnNeitherTheConsoleNorTheApp() {
        noClasses().that().resideInAPackage("dev.gatehouse.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gatehouse.ui..", "dev.gatehouse.app..")
                .check(GATEHOUSE);
    }

    /**
     * The console reaches the engine only through its public API: the admin control and its records
     * (with the health state and store figures they carry), the config model, the cloud client and
     * the proposed ModelArts pool (for the wizard), telemetry's value
     * records and the access log's query records and record. Never the server, routing, upstreams or the engine class itself.
     */
    @Test
    void consoleUsesOnlyTheEnginesPublicApi() {
        DescribedPredicate<JavaClass> publicApi = new DescribedPredicate<>("the engine's public API") {
            @Override
            public boolean test(JavaClass type) {
                String pkg = type.getPackageName();
                return pkg.startsWith("dev.gatehouse.engine.admin")
                        || pkg.equals("dev.gatehouse.engine.cloud")
                        // The pool and route the wizard proposes for a ModelArts service.
                        || type.getName().equals("dev.gatehouse.engine.discovery.ModelArtsPool")
                        || pkg.equals("dev.gatehouse.engine.config")
                        // What GatewayControl's log methods take and give: query records, their enums
                        // (export format, top-N order), their builders, the export's progress callback, the record itself.
                        || pkg.equals("dev.gatehouse.engine.accesslog.query")
                                && (type.isRecord() || type.isEnum() || type.isInterface()
                                    || type.getEnclosingClass().map(JavaClass::isRecord).orElse(false))
                        || type.getName().equals("dev.gatehouse.engine.accesslog.AccessRecord")
                        || pkg.startsWith("dev.gatehouse.engine.telemetry") && (type.isRecord() || type.isEnum())
                        || type.getName().equals("dev.gatehouse.engine.accesslog.store.StoreStats")
                        || type.getName().equals("dev.gatehouse.engine.health.HealthState");
            }
        };
        noClasses().that().resideInAPackage("dev.gatehouse.ui..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.gatehouse.engine..")
                        .and(DescribedPredicate.not(publicApi)))
                .check(GATEHOUSE);
    }

    @Test
    void consoleDependsNotOnTheApp() {
        noClasses().that().resideInAPackage("dev.gatehouse.ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.app..")
                .check(GATEHOUSE);
    }
}
