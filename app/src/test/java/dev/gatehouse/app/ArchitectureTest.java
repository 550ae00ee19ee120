package dev.gatehouse.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
}
