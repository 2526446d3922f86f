package yardstick.suite;

import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import yardstick.cases.v1.EligibleCase;
import yardstick.cases.v1.ImportCasesRequest;
import yardstick.cases.v1.ImportCasesResponse;
import yardstick.cases.v1.PopulationServiceGrpc;

/** Streams an eligible population into case-service's ImportCases in batches, and waits for its answer. */
public final class PopulationUpload {

    private PopulationUpload() {
    }

    /**
     * @param caller who imports: a lead inspector
     * @throws ExecutionException whose cause is the service's error when it refuses the import
     */
    public static ImportCasesResponse upload(Channel channel, CallCredentials caller, String inspection, List<EligibleCase> cases, int batch, Duration deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<ImportCasesResponse> answer = new CompletableFuture<>();
        StreamObserver<ImportCasesRequest> stream = PopulationServiceGrpc.newStub(channel)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .withCallCredentials(caller)
                .importCases(answering(answer));
        for (int from = 0; from < cases.size(); from += batch) {
            stream.onNext(ImportCasesRequest.newBuilder().setInspection(inspection)
                    .addAllCases(cases.subList(from, Math.min(cases.size(), from + batch))).build());
        }
        stream.onCompleted();
        return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** An observer that completes {@code answer} with the service's answer or error. */
    static StreamObserver<ImportCasesResponse> answering(CompletableFuture<ImportCasesResponse> answer) {
        return new StreamObserver<>() {
            @Override
            public void onNext(ImportCasesResponse value) {
                answer.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                answer.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
            }
        };
    }
}
