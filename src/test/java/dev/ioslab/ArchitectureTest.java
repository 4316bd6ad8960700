package dev.ioslab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps DESIGN.md's arrows true: daemon → frontend, imageserver, commands → cli → device; nothing low imports cli. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ioslab");
        // Rules over an empty import would pass vacuously: make sure the production classes are really there.
        assertThat(classes.stream().map(c -> c.getPackageName()).distinct())
                .contains("dev.ioslab.cli", "dev.ioslab.device", "dev.ioslab.fs", "dev.ioslab.frontend.ssh",
                        "dev.ioslab.daemon", "dev.ioslab.control");
    }

    @Test
    void lowerLayersNeverImportTheCli() {
        noClasses().that().resideInAnyPackage("dev.ioslab.transfer..", "dev.ioslab.image..", "dev.ioslab.fs..",
                        "dev.ioslab.device..", "dev.ioslab.imageserver..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ioslab.cli..", "dev.ioslab.commands..")
                .check(classes);
    }

    @Test
    void cliNeverImportsCommandsOrFrontEnds() {
        noClasses().that().resideInAPackage("dev.ioslab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ioslab.commands..", "dev.ioslab.frontend..",
                        "dev.ioslab.daemon..", "dev.ioslab.config..")
                .check(classes);
    }

    @Test
    void onlyTheDaemonWiresFrontEndsAndConfiguration() {
        noClasses().that().resideOutsideOfPackages("dev.ioslab.daemon..", "dev.ioslab.config..")
                .should().dependOnClassesThat().resideInAPackage("dev.ioslab.config..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("dev.ioslab.daemon..", "dev.ioslab.frontend..")
                .should().dependOnClassesThat().resideInAPackage("dev.ioslab.frontend..")
                .check(classes);
    }

    @Test
    void onlyTheDaemonKnowsTheControlApi() {
        // Faults and events reach the control API through seams the failing and publishing packages declare.
        noClasses().that().resideOutsideOfPackages("dev.ioslab.daemon..", "dev.ioslab.control..")
                .should().dependOnClassesThat().resideInAPackage("dev.ioslab.control..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.ioslab.control..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ioslab.daemon..", "dev.ioslab.frontend..",
                        "dev.ioslab.commands..", "dev.ioslab.config..")
                .check(classes);
    }

    @Test
    void fileSystemsAndConfigurationStandAlone() {
        noClasses().that().resideInAnyPackage("dev.ioslab.fs..", "dev.ioslab.config..", "dev.ioslab.cli.edit..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ioslab.device..", "dev.ioslab.daemon..",
                        "dev.ioslab.commands..", "dev.ioslab.frontend..")
                .check(classes);
    }
}
