package yardstick.cases;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Set;
import yardstick.platform.testing.ServiceStartsChecks;

@MicronautTest(transactional = false)
class CaseServiceStartsTest extends ServiceStartsChecks {

    @Override
    protected Set<String> ownServices() {
        return Set.of();
    }
}
