package yardstick.cases.api;

import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import yardstick.cases.v1.ImportCasesRequest;
import yardstick.cases.v1.ImportCasesResponse;
import yardstick.cases.v1.PopulationServiceGrpc;

/** Imports an eligible population through the streaming ImportCases, for tests that need one. */
final class PopulationImports {

    private PopulationImports() {
    }

    /** Sends {@code cases} as one message and waits for the service's answer. */
    static ImportCasesResponse importCases(Channel channel, ImportCasesRequest cases) {
        CompletableFuture<ImportCasesResponse> done = new CompletableFuture<>();
        StreamObserver<ImportCasesRequest> upload = PopulationServiceGrpc.newStub(channel).importCases(new StreamObserver<>() {
            @Override
            public void onNext(ImportCasesResponse value) {
                done.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
            }
        });
        upload.onNext(cases);
        upload.onCompleted();
        try {
            return done.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the population was not imported", e);
        }
    }
}
