package yardstick.platform.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.rpc.BadRequest;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.junit.jupiter.api.Test;
import yardstick.platform.app.Refused;

class RefusalsTest {

    @Test
    void notFoundNamesTheResource() {
        StatusRuntimeException e = Refusals.status(new Refused.NotFound("inspections/1"));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals("inspections/1 does not exist", e.getStatus().getDescription());
    }

    @Test
    void aBadRequestNamesEveryBadField() throws Exception {
        StatusRuntimeException e = Refusals.status(new Refused.BadRequest(List.of(
                new Refused.FieldProblem("a", "is required"), new Refused.FieldProblem("b.c", "must not be negative"))));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("2 fields are invalid: a, b.c", e.getStatus().getDescription());
        BadRequest details = StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class);
        assertEquals(List.of("a", "b.c"), details.getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).toList());
        assertEquals("must not be negative", details.getFieldViolations(1).getDescription());
    }

    @Test
    void brokenRulesAreEachAViolation() throws Exception {
        StatusRuntimeException e = Refusals.status(new Refused.RulesBroken(List.of(
                new Refused.BrokenRule("ETAG", "reports/1", "it changed"), new Refused.BrokenRule("PUBLISHED", "reports/1", "it is out"))));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        assertEquals("it changed; it is out", e.getStatus().getDescription());
        PreconditionFailure details = StatusProto.fromThrowable(e).getDetails(0).unpack(PreconditionFailure.class);
        assertEquals(List.of("ETAG", "PUBLISHED"), details.getViolationsList().stream().map(PreconditionFailure.Violation::getType).toList());
        assertEquals("reports/1", details.getViolations(0).getSubject());
    }

    @Test
    void oneBrokenRuleIsItsDescription() {
        StatusRuntimeException e = Refusals.status(new Refused.RulesBroken("NO_PLAN", "inspections/1", "plan the sample first"));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        assertEquals("plan the sample first", e.getStatus().getDescription());
    }

    @Test
    void alreadyExistsAndNotPermittedSayTheirMessageWithoutDetails() {
        StatusRuntimeException exists = Refusals.status(new Refused.AlreadyExists("publications/1 has a plan already"));
        assertEquals(Status.Code.ALREADY_EXISTS, exists.getStatus().getCode());
        assertEquals("publications/1 has a plan already", exists.getStatus().getDescription());
        assertEquals(0, StatusProto.fromThrowable(exists).getDetailsCount());
        StatusRuntimeException denied = Refusals.status(new Refused.NotPermitted("only the lead inspector may do this"));
        assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode());
        assertEquals("only the lead inspector may do this", denied.getStatus().getDescription());
        assertEquals(0, StatusProto.fromThrowable(denied).getDetailsCount());
    }
}
