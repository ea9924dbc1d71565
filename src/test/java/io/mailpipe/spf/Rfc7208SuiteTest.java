package io.mailpipe.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every scenario of the openspf RFC 7208 suite (release 2014.04 + 2019.08 additions) must be accepted. */
class Rfc7208SuiteTest {

    private static final String SUITE = "/spf/rfc7208-tests.yml";

    @TestFactory
    List<DynamicTest> everyCaseOfTheSuite() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (SuiteScenario scenario : SuiteScenario.load(SUITE)) {
            scenario.tests().values().forEach(test -> tests.add(DynamicTest.dynamicTest(
                    scenario.description() + " / " + test.name(), () -> {
                        SpfResult result = SuiteRunner.run(scenario, test);
                        assertTrue(SuiteRunner.accepted(test, result), SuiteRunner.describe(test, result));
                    })));
        }
        return tests;
    }

    @Test
    void theSuiteHasAllItsCases() throws Exception {
        int count = 0;
        for (SuiteScenario scenario : SuiteScenario.load(SUITE)) {
            count += scenario.tests().size();
        }
        assertEquals(203, count);
    }
}
