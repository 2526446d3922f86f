package yardstick.platform.grpc;

import io.grpc.BindableService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** Server reflection, so tools such as {@code buf curl} can list and call the service's methods. */
@Factory
class ReflectionFactory {

    @Singleton
    @Named("reflection")
    BindableService reflection() {
        return ProtoReflectionServiceV1.newInstance();
    }
}
