package yardstick.suite;

import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import yardstick.cases.v1.CreateInspectedServiceRequest;
import yardstick.cases.v1.GetInspectedServiceRequest;
import yardstick.cases.v1.InspectedService;
import yardstick.cases.v1.InspectedServiceServiceGrpc;

/**
 * The register of inspected services as the demo, the benchmarks and the process tests need it:
 * a service registered, by the administrator, before it is inspected. Registering one that is
 * registered already leaves it as it is.
 */
public final class InspectedServices {

    /** A service to register: its code (the last part of its name), name, local authorities and region. */
    public record Registration(String code, String displayName, List<String> localAuthorities, String region) {
    }

    public static final Registration KENT = new Registration("kent", "Kent Youth Justice Service", List.of("Kent County Council"), "South East");
    public static final Registration HARROW = new Registration("harrow", "Harrow Youth Justice Service", List.of("London Borough of Harrow"),
            "London");

    private InspectedServices() {
    }

    /** The service's resource name ("inspectedServices/{code}"), registered now unless it already was. */
    public static String registered(Channel cases, CallCredentials administrator, Registration service) {
        var register = InspectedServiceServiceGrpc.newBlockingStub(cases).withCallCredentials(administrator);
        String name = "inspectedServices/" + service.code();
        try {
            return register.withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getInspectedService(GetInspectedServiceRequest.newBuilder().setName(name).build()).getInspectedService().getName();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
                throw e;
            }
        }
        return register.withDeadlineAfter(30, TimeUnit.SECONDS).createInspectedService(CreateInspectedServiceRequest.newBuilder()
                .setInspectedServiceId(service.code()).setRequestId(UUID.randomUUID().toString())
                .setInspectedService(InspectedService.newBuilder().setDisplayName(service.displayName())
                        .addAllLocalAuthorities(service.localAuthorities()).setRegion(service.region()))
                .build()).getInspectedService().getName();
    }
}
