package yardstick.suite;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import yardstick.cases.v1.ImportCasesRequest;
import yardstick.cases.v1.ImportCasesResponse;
import yardstick.cases.v1.PopulationServiceGrpc;

/** {@code ./yardstick import INSPECTION cases.csv}: streams a CSV population into case-service, all or nothing. */
final class CaseImport {

    private static final int BATCH = 1000;

    private CaseImport() {
    }

    static int run(String address, CallCredentials lead, String inspection, Path csv) throws IOException, InterruptedException {
        long lines;
        try (var stream = Files.lines(csv, StandardCharsets.UTF_8)) {
            lines = Math.max(0, stream.count() - 1);
        }
        ManagedChannel channel = ManagedChannelBuilder.forTarget(address).usePlaintext().build();
        CompletableFuture<ImportCasesResponse> answer = new CompletableFuture<>();
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            CaseCsv format = CaseCsv.withHeader(reader.readLine());
            StreamObserver<ImportCasesRequest> upload = PopulationServiceGrpc.newStub(channel)
                    .withDeadlineAfter(10, TimeUnit.MINUTES)
                    .withCallCredentials(lead)
                    .importCases(PopulationUpload.answering(answer));
            ImportCasesRequest.Builder batch = ImportCasesRequest.newBuilder().setInspection(inspection);
            long sent = 0;
            String line;
            while ((line = reader.readLine()) != null && !answer.isDone()) {
                if (line.isBlank()) {
                    continue;
                }
                batch.addCases(format.parse(line));
                sent++;
                if (batch.getCasesCount() == BATCH) {
                    upload.onNext(batch.build());
                    batch = ImportCasesRequest.newBuilder().setInspection(inspection);
                    System.out.printf("\rsent %,d of %,d rows", sent, lines);
                }
            }
            if (batch.getCasesCount() > 0) {
                upload.onNext(batch.build());
            }
            upload.onCompleted();
            System.out.printf("\rsent %,d of %,d rows; waiting for case-service to check and store them%n", sent, lines);
            ImportCasesResponse response = answer.get(10, TimeUnit.MINUTES);
            System.out.printf("imported %,d cases into %s%n", response.getImported(), inspection);
            response.getSummary().getCountsList().stream()
                    .filter(c -> c.getClassification().equals("CATEGORY"))
                    .forEach(c -> System.out.printf("  %-14s %,d%n", c.getCategory().toLowerCase(), c.getCount()));
            return 0;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException error) {
                System.out.println("nothing was imported: " + error.getStatus().getCode() + ": " + error.getStatus().getDescription());
                com.google.rpc.Status status = io.grpc.protobuf.StatusProto.fromThrowable(error);
                if (status != null) {
                    for (com.google.protobuf.Any detail : status.getDetailsList()) {
                        if (detail.is(com.google.rpc.BadRequest.class)) {
                            detail.unpack(com.google.rpc.BadRequest.class).getFieldViolationsList().forEach(v ->
                                    System.out.println("  " + v.getField() + ": " + v.getDescription()));
                        }
                    }
                }
                return 1;
            }
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            System.out.println("case-service did not answer within 10 minutes");
            return 1;
        } finally {
            channel.shutdownNow();
        }
    }
}
