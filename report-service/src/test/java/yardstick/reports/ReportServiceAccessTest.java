package yardstick.reports;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import yardstick.platform.testing.AccessMatrixChecks;

/** Every method of report-service against every role and no token, as its access rules say. */
@MicronautTest(transactional = false)
class ReportServiceAccessTest extends AccessMatrixChecks {
}
