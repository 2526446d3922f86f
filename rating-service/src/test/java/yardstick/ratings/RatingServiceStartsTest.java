package yardstick.ratings;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Set;
import yardstick.platform.testing.ServiceStartsChecks;
import yardstick.ratings.v1.FrameworkServiceGrpc;

@MicronautTest(transactional = false)
class RatingServiceStartsTest extends ServiceStartsChecks {

    @Override
    protected Set<String> ownServices() {
        return Set.of(FrameworkServiceGrpc.SERVICE_NAME);
    }
}
