package yardstick.ratings;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import yardstick.platform.testing.AccessMatrixChecks;

/** Every method of rating-service against every role and no token, as its access rules say. */
@MicronautTest(transactional = false)
class RatingServiceAccessTest extends AccessMatrixChecks {
}
