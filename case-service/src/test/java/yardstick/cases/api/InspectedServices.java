package yardstick.cases.api;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.UUID;
import yardstick.cases.v1.CreateInspectedServiceRequest;
import yardstick.cases.v1.GetInspectedServiceRequest;
import yardstick.cases.v1.InspectedService;
import yardstick.cases.v1.InspectedServiceServiceGrpc;

/** The register as case-service's tests need it: a service registered (by a caller holding the administrator's role) before it is inspected. */
final class InspectedServices {

    private InspectedServices() {
    }

    /** The service under {@code code}, registered now as {@code displayName} unless it is already. */
    static InspectedService registered(Channel administrator, String code, String displayName) {
        var register = InspectedServiceServiceGrpc.newBlockingStub(administrator);
        try {
            return register.getInspectedService(GetInspectedServiceRequest.newBuilder().setName("inspectedServices/" + code).build())
                    .getInspectedService();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
                throw e;
            }
        }
        return register.createInspectedService(CreateInspectedServiceRequest.newBuilder()
                .setInspectedServiceId(code).setRequestId(UUID.randomUUID().toString())
                .setInspectedService(InspectedService.newBuilder().setDisplayName(displayName)
                        .addAllLocalAuthorities(List.of(displayName.replace(" Youth Justice Service", "") + " Council"))
                        .setRegion("South East"))
                .build()).getInspectedService();
    }
}
