package io.mailpipe.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency directions of DESIGN.md §2: protocol engines stay free of Camel, and nothing depends on app. */
class DependencyRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mailpipe");
    }

    @Test
    void protocolEnginesNeverDependOnCamel() {
        noClasses().that().resideInAnyPackage("io.mailpipe.smtp..", "io.mailpipe.dns..", "io.mailpipe.spf..",
                        "io.mailpipe.dkim..", "io.mailpipe.delivery..", "io.mailpipe.queue..", "io.mailpipe.bulk..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void protocolEnginesNeverDependOnTheCamelAdapters() {
        noClasses().that().resideInAnyPackage("io.mailpipe.smtp..", "io.mailpipe.dns..", "io.mailpipe.spf..",
                        "io.mailpipe.dkim..", "io.mailpipe.delivery..", "io.mailpipe.queue..", "io.mailpipe.bulk..")
                .should().dependOnClassesThat().resideInAnyPackage("io.mailpipe.camel..", "io.mailpipe.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void nothingOutsideTheApplicationDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("io.mailpipe.app..")
                .should().dependOnClassesThat().resideInAPackage("io.mailpipe.app..")
                .check(classes);
    }
}
