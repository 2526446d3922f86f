package yardstick.platform.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import yardstick.platform.testing.RawBytes;

/**
 * Calls beyond the fixed number of call threads wait their turn, and one whose deadline passes
 * while it waits is dropped before its endpoint runs; one still within its deadline is served.
 */
class CallThreadsTest {

    private static final MethodDescriptor<byte[], byte[]> WORK = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("test.Work/Work")
            .setRequestMarshaller(RawBytes.MARSHALLER).setResponseMarshaller(RawBytes.MARSHALLER).build();

    @Test
    void aCallWhoseDeadlinePassedWhileItWaitedForAThreadIsNeverWorkedOn() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> worked = new CopyOnWriteArrayList<>();
        ServerServiceDefinition service = ServerServiceDefinition.builder("test.Work")
                .addMethod(WORK, ServerCalls.asyncUnaryCall((request, response) -> {
                    String which = new String(request, StandardCharsets.UTF_8);
                    worked.add(which);
                    if (which.equals("first")) {
                        busy.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    response.onNext(request);
                    response.onCompleted();
                })).build();
        CallThreads oneThread = new CallThreads(1);
        Server server = oneThread.onto(ServerBuilder.forPort(0).addService(service)).build().start();
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", server.getPort()).usePlaintext().build();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<byte[]> first = callers.submit(() -> call(channel, "first", CallOptions.DEFAULT));
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            Future<byte[]> late = callers.submit(() -> call(channel, "late", CallOptions.DEFAULT.withDeadlineAfter(200, TimeUnit.MILLISECONDS)));
            StatusRuntimeException expired = (StatusRuntimeException) assertThrows(ExecutionException.class,
                    () -> late.get(10, TimeUnit.SECONDS)).getCause();
            assertEquals(Status.Code.DEADLINE_EXCEEDED, expired.getStatus().getCode());
            release.countDown();
            assertEquals("first", new String(first.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
            assertEquals("in time", new String(call(channel, "in time", CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS)),
                    StandardCharsets.UTF_8));

            assertEquals(List.of("first", "in time"), worked, "the late call's endpoint never ran");
        } finally {
            release.countDown();
            callers.shutdownNow();
            channel.shutdownNow();
            server.shutdownNow();
            oneThread.stop();
        }
    }

    private static byte[] call(ManagedChannel channel, String which, CallOptions options) {
        return ClientCalls.blockingUnaryCall(channel, WORK, options, which.getBytes(StandardCharsets.UTF_8));
    }
}
