package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import com.google.type.Date;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yardstick.cases.v1.CreateInspectionRequest;
import yardstick.cases.v1.EligibleCase;
import yardstick.cases.v1.GetPopulationSummaryRequest;
import yardstick.cases.v1.ImportCasesResponse;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.InspectionState;
import yardstick.cases.v1.PopulationServiceGrpc;
import yardstick.cases.v1.PopulationSummary;

/** Importing an eligible population into case-service: streamed, all or nothing, no names. */
class PopulationIT {

    static final LocalDate FIELDWORK = LocalDate.of(2021, 6, 21);

    private static RunningServices services;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        services = RunningServices.start("population", Service.RATINGS, Service.CASES);
        channel = services.channel(Service.CASES);
    }

    @AfterAll
    static void stop() throws Exception {
        channel.shutdownNow();
        services.close();
    }

    static String newInspection(ManagedChannel channel) {
        return newInspection(InspectionServiceGrpc.newBlockingStub(channel));
    }

    /** The service the process tests' inspections are of. */
    static final InspectedServices.Registration SYNTHETIC = new InspectedServices.Registration("synthetic",
            "Synthetic Youth Justice Service", List.of("Synthetic Borough Council"), "South East");

    /** An inspection of the synthetic service (registered by the local administrator if need be), led by whoever {@code inspections} signs in as. */
    static String newInspection(InspectionServiceGrpc.InspectionServiceBlockingStub inspections) {
        String service = InspectedServices.registered(inspections.getChannel(), ProcessTestSupport.signIns().as(SignIns.ADMINISTRATOR), SYNTHETIC);
        Inspection inspection = inspections.withDeadlineAfter(15, TimeUnit.SECONDS)
                .createInspection(CreateInspectionRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setInspection(Inspection.newBuilder()
                                .setInspectedService(service)
                                .setFieldworkStart(Date.newBuilder().setYear(2021).setMonth(6).setDay(21))
                                .setFieldworkEnd(Date.newBuilder().setYear(2021).setMonth(6).setDay(25))
                                .setFramework("frameworks/youth-2019"))
                        .build())
                .getInspection();
        return inspection.getName();
    }

    /** A new inspection, led by the tester, moved into sampling: ready for its population. */
    static String inSampling(ManagedChannel channel) {
        String inspection = newInspection(channel);
        new InspectionStages(channel, ProcessTestSupport.tester()).moveTo(inspection, InspectionState.INSPECTION_STATE_SAMPLING);
        return inspection;
    }

    /** Streams the cases in batches; the answer, or the error the service gave. */
    static ImportCasesResponse importCases(ManagedChannel channel, String inspection, List<EligibleCase> cases, int batch)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        return PopulationUpload.upload(channel, ProcessTestSupport.tester(), inspection, cases, batch, java.time.Duration.ofMinutes(2));
    }

    private static PopulationSummary summary(String inspection) {
        return PopulationServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                .getPopulationSummary(GetPopulationSummaryRequest.newBuilder().setInspection(inspection).build()).getSummary();
    }

    private static Map<String, Integer> categories(PopulationSummary summary) {
        return summary.getCountsList().stream().filter(c -> c.getClassification().equals("CATEGORY"))
                .collect(Collectors.toMap(c -> c.getCategory(), c -> c.getCount()));
    }

    @Test
    void aPopulationStreamedInBatchesIsStoredWholeAndSummarised() throws Exception {
        String inspection = inSampling(channel);
        List<EligibleCase> cases = SyntheticPopulation.cases(300, 7, FIELDWORK);
        ImportCasesResponse response = importCases(channel, inspection, cases, 100);
        assertEquals(300, response.getImported());
        PopulationSummary summary = summary(inspection);
        assertEquals(300, summary.getTotal());
        Map<String, Long> expected = cases.stream().collect(Collectors.groupingBy(c -> c.getCategory().name().substring("CASE_CATEGORY_".length()),
                Collectors.counting()));
        expected.forEach((category, count) -> assertEquals(count.intValue(), categories(summary).get(category), category));
        assertTrue(summary.getCountsList().stream().anyMatch(c -> c.getClassification().equals("RISK_OF_SERIOUS_HARM")));
    }

    @Test
    void oneBadRowInTheMiddleStoresNothingAndEachBadFieldIsNamed() throws Exception {
        String inspection = inSampling(channel);
        importCases(channel, inspection, SyntheticPopulation.cases(120, 3, FIELDWORK), 50);
        List<EligibleCase> cases = new ArrayList<>(SyntheticPopulation.cases(300, 11, FIELDWORK));
        cases.set(150, cases.get(150).toBuilder().setReference("Jane Smith").build());
        cases.set(201, cases.get(201).toBuilder().setAge(5).build());

        ExecutionException failure = assertThrows(ExecutionException.class, () -> importCases(channel, inspection, cases, 100));
        StatusRuntimeException error = (StatusRuntimeException) failure.getCause();
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
        BadRequest details = StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class);
        assertEquals(List.of("cases[150].reference", "cases[201].age"),
                details.getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).toList());
        assertTrue(details.getFieldViolations(0).getDescription().contains("looks like a person's name"));
        assertEquals(120, summary(inspection).getTotal(), "the earlier population is untouched");
    }

    @Test
    void anUnknownInspectionIsNotFound() {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> importCases(channel,
                "inspections/" + UUID.randomUUID(), SyntheticPopulation.cases(5, 1, FIELDWORK), 5));
        assertEquals(Status.Code.NOT_FOUND, ((StatusRuntimeException) failure.getCause()).getStatus().getCode());
    }

    @Test
    void theImportCommandStreamsACsvFileWithProgress() throws Exception {
        // The command signs in as the local lead inspector, who must lead the inspection it imports into.
        String inspection = newInspection(InspectionServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(ProcessTestSupport.signIns().as(SignIns.LEAD_INSPECTOR)));
        new InspectionStages(channel, ProcessTestSupport.signIns().as(SignIns.LEAD_INSPECTOR))
                .moveTo(inspection, InspectionState.INSPECTION_STATE_SAMPLING);
        Path csv = Files.createTempFile(ProcessTestSupport.freshDataDirectory("csv"), "cases", ".csv");
        List<String> lines = new ArrayList<>();
        lines.add(CaseCsv.header());
        SyntheticPopulation.cases(2500, 5, FIELDWORK).forEach(c -> lines.add(CaseCsv.line(c)));
        Files.write(csv, lines, StandardCharsets.UTF_8);

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Yardstick.class.getName(), "import", inspection, csv.toString())
                .redirectErrorStream(true);
        builder.environment().putAll(services.environment());
        Process command = builder.start();
        command.getOutputStream().close();
        String output = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(command.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, command.exitValue(), output);
        assertTrue(output.contains("sent 1,000 of 2,500 rows"), output);
        assertTrue(output.contains("imported 2,500 cases"), output);
        assertEquals(2500, summary(inspection).getTotal());
    }
}
