package yardstick.platform.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import yardstick.platform.app.Refused;
import yardstick.platform.testing.RawBytes;

/**
 * A refusal naming many fields reaches a client with gRPC's default limits (8 KiB of metadata):
 * the first violations, and one saying how many more were left off.
 */
class LargeErrorsTest {

    private static final MethodDescriptor<byte[], byte[]> IMPORT = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("test.Import/Import")
            .setRequestMarshaller(RawBytes.MARSHALLER).setResponseMarshaller(RawBytes.MARSHALLER).build();

    @Test
    void aHundredBadRowsReachADefaultClientWithTheFirstOnesAndHowManyWereLeftOff() throws Exception {
        List<Refused.FieldProblem> problems = IntStream.range(0, 150).mapToObj(row -> new Refused.FieldProblem("cases[" + row + "].reference",
                "looks like a person's name; use a pseudonymous reference such as YJS-00042 (no names enter the suite), not "
                        + "x".repeat(120))).toList();
        StatusRuntimeException error = refusedOverTheWire(new Refused.BadRequest(problems));

        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode(), error.toString());
        BadRequest details = StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class);
        int kept = details.getFieldViolationsCount() - 1;
        assertTrue(kept >= 10, "the first violations are kept: " + kept);
        for (int row = 0; row < kept; row++) {
            assertEquals("cases[" + row + "].reference", details.getFieldViolations(row).getField());
        }
        BadRequest.FieldViolation last = details.getFieldViolations(kept);
        assertEquals("cases[" + kept + "].reference", last.getField());
        assertTrue(last.getDescription().startsWith("and " + (150 - kept) + " more problems"), last.getDescription());
    }

    @Test
    void anOversizedValueQuotedInADescriptionIsCut() throws Exception {
        StatusRuntimeException error = refusedOverTheWire(new Refused.BadRequest("key_question", "'" + "\u00e9".repeat(20_000)
                + "' is not a key question"));

        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode(), error.toString());
        BadRequest details = StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class);
        assertEquals("key_question", details.getFieldViolations(0).getField());
        assertTrue(details.getFieldViolations(0).getDescription().length() <= Errors.VIOLATION_TEXT);
    }

    private static StatusRuntimeException refusedOverTheWire(Refused refusal) throws Exception {
        Server server = ServerBuilder.forPort(0).addService(ServerServiceDefinition.builder("test.Import")
                .addMethod(IMPORT, ServerCalls.asyncUnaryCall((request, response) -> response.onError(Refusals.status(refusal))))
                .build()).build().start();
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", server.getPort()).usePlaintext().build();
        try {
            return assertThrows(StatusRuntimeException.class,
                    () -> ClientCalls.blockingUnaryCall(channel, IMPORT, io.grpc.CallOptions.DEFAULT, new byte[0]));
        } finally {
            channel.shutdownNow();
            server.shutdownNow();
        }
    }
}
