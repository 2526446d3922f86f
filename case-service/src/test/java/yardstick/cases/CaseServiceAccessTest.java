package yardstick.cases;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import yardstick.platform.testing.AccessMatrixChecks;

/** Every method of case-service against every role and no token, as its access rules say. */
@MicronautTest(transactional = false)
class CaseServiceAccessTest extends AccessMatrixChecks {
}
