package yardstick.platform.audit;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The inspection a resource's name begins with: enough where every resource is named under its inspection. */
@Singleton
@Secondary
class InspectionNamedInResource implements InspectionOfResource {

    @Override
    public Optional<String> inspectionOf(String resourceName) {
        return InspectionOfResource.named(resourceName);
    }
}
