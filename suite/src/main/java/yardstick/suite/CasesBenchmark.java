package yardstick.suite;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import yardstick.cases.v1.CreateInspectionRequest;
import yardstick.cases.v1.DrawSampleRequest;
import yardstick.cases.v1.EligibleCase;
import yardstick.cases.v1.GetJudgementTalliesRequest;
import yardstick.cases.v1.GetSampleRequest;
import yardstick.cases.v1.ReplaceSampledCaseRequest;
import yardstick.cases.v1.ImportCasesResponse;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.InspectionState;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.cases.v1.PlanSampleRequest;
import yardstick.cases.v1.Sample;
import yardstick.cases.v1.SamplingServiceGrpc;

/**
 * {@code ./yardstick bench cases}, against a running suite: imports 100,000 synthetic cases
 * through the streaming RPC and, in the same run, COPYs the same rows into the same table of
 * case-service's embedded PostgreSQL; plans and draws on that population, then reads the sample
 * (GetSample) and replaces cases in it (ReplaceSampledCase); and times the tallies
 * of an inspection of 91 fully judged cases (the target is p99 under 10 ms). Bounded in
 * time; loopback only.
 */
final class CasesBenchmark {

    private static final LocalDate FIELDWORK = LocalDate.of(2021, 6, 21);

    private CasesBenchmark() {
    }

    /** Signs in as the lead inspector to run the inspections and as the inspector on their team to judge. */
    static int run(Path root, Map<String, String> environment, SignIns signIns, int size, int tallyCalls) throws Exception {
        CallCredentials lead = signIns.as(SignIns.LEAD_INSPECTOR);
        String cases = "localhost:" + Service.CASES.grpcPort(environment);
        String ratings = "localhost:" + Service.RATINGS.grpcPort(environment);
        ManagedChannel channel = ManagedChannelBuilder.forTarget(cases).usePlaintext().build();
        ManagedChannel ratingChannel = ManagedChannelBuilder.forTarget(ratings).usePlaintext().build();
        try {
            String service = InspectedServices.registered(channel, signIns.as(SignIns.ADMINISTRATOR), BENCHMARK_SERVICE);
            List<EligibleCase> population = SyntheticPopulation.cases(size, 1, FIELDWORK);
            System.out.printf("case-service at %s; %,d synthetic cases%n", cases, size);

            String imported = newInspection(channel, lead, service);
            new InspectionStages(channel, lead).moveTo(imported, InspectionState.INSPECTION_STATE_SAMPLING);
            long start = System.nanoTime();
            ImportCasesResponse response = importCases(channel, lead, imported, population);
            double rpcSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("ImportCases (streamed, validated, stored): %,d cases in %.2f s (%,.0f cases/s)%n",
                    response.getImported(), rpcSeconds, response.getImported() / rpcSeconds);

            String copied = newInspection(channel, lead, service);
            double copySeconds = copy(root, environment, copied, population);
            System.out.printf("PostgreSQL COPY of the same rows into the same table:     %.2f s (%,.0f rows/s)%n",
                    copySeconds, size / copySeconds);
            System.out.printf("ratio COPY time / ImportCases time: %.2f%n", copySeconds / rpcSeconds);

            SamplingServiceGrpc.SamplingServiceBlockingStub sampling = SamplingServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(2, TimeUnit.MINUTES).withCallCredentials(lead);
            start = System.nanoTime();
            sampling.planSample(PlanSampleRequest.newBuilder().setInspection(imported).build());
            Sample sample = sampling.withDeadlineAfter(2, TimeUnit.MINUTES)
                    .drawSample(DrawSampleRequest.newBuilder().setInspection(imported).setSeed(1).build()).getSample();
            double drawSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("PlanSample + DrawSample on %,d cases: %.2f s (%s)%n", size, drawSeconds,
                    sample.getCategoriesList().stream().map(c -> c.getCategory().name().substring(14).toLowerCase() + " " + c.getCasesCount())
                            .collect(Collectors.joining(", ")));

            sampleReads(sampling, imported, sample);

            tallies(channel, ratingChannel, signIns, tallyCalls);
            return 0;
        } finally {
            channel.shutdownNow();
            ratingChannel.shutdownNow();
        }
    }

    /**
     * GetSample and ReplaceSampledCase on the 100,000-case inspection just drawn: they read the
     * sample and, for a replacement, the unsampled cases of one profile, not the population.
     */
    private static void sampleReads(SamplingServiceGrpc.SamplingServiceBlockingStub sampling, String inspection, Sample drawn) {
        GetSampleRequest request = GetSampleRequest.newBuilder().setInspection(inspection).build();
        for (int i = 0; i < 5; i++) {
            sampling.withDeadlineAfter(1, TimeUnit.MINUTES).getSample(request);
        }
        int calls = 50;
        long[] latencies = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            sampling.withDeadlineAfter(1, TimeUnit.MINUTES).getSample(request);
            latencies[i] = System.nanoTime() - t;
        }
        Arrays.sort(latencies);
        System.out.printf("GetSample on the %,d-case inspection: %d calls, p50 %.2f ms, max %.2f ms%n", drawn.getCategoriesList().stream()
                .mapToInt(c -> c.getCasesCount()).sum(), calls, latencies[calls / 2] / 1e6, latencies[calls - 1] / 1e6);
        int replacements = 5;
        long[] replaced = new long[replacements];
        for (int i = 0; i < replacements; i++) {
            long t = System.nanoTime();
            sampling.withDeadlineAfter(1, TimeUnit.MINUTES).replaceSampledCase(ReplaceSampledCaseRequest.newBuilder()
                    .setInspection(inspection).setReference(drawn.getCategories(0).getCases(i).getReference())
                    .setReason("benchmark: case transferred").build());
            replaced[i] = System.nanoTime() - t;
        }
        Arrays.sort(replaced);
        System.out.printf("ReplaceSampledCase: %d calls, p50 %.2f ms, max %.2f ms%n", replacements, replaced[replacements / 2] / 1e6,
                replaced[replacements - 1] / 1e6);
    }

    /** An inspection of 91 cases (52 court and 39 out-of-court, as the load driver's), every case judged; then its tallies, timed. */
    private static void tallies(ManagedChannel channel, ManagedChannel ratingChannel, SignIns signIns, int calls) throws Exception {
        CallCredentials inspector = signIns.as(SignIns.INSPECTOR);
        JudgedInspection judgedInspection = JudgedInspection.make(channel, ratingChannel, signIns, 52, 39, true);
        String inspection = judgedInspection.name();
        int judged = judgedInspection.judgements().size();
        JudgementServiceGrpc.JudgementServiceBlockingStub judging = JudgementServiceGrpc.newBlockingStub(channel).withCallCredentials(inspector);
        GetJudgementTalliesRequest request = GetJudgementTalliesRequest.newBuilder().setInspection(inspection).build();
        // This client is a fresh JVM: until its own gRPC path is compiled, its interpreter and compiler are most of the tail.
        for (int i = 0; i < 5 * calls; i++) {
            judging.withDeadlineAfter(10, TimeUnit.SECONDS).getJudgementTallies(request);
        }
        long[] latencies = new long[calls];
        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            judging.withDeadlineAfter(10, TimeUnit.SECONDS).getJudgementTallies(request);
            latencies[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("GetJudgementTallies, %d fully judged cases: %d calls, %,.0f calls/s, p50 %.2f ms, p99 %.2f ms%n",
                judged, calls, calls / seconds, latencies[calls / 2] / 1e6, latencies[(int) Math.ceil(calls * 0.99) - 1] / 1e6);
    }

    /** The service the benchmarks' inspections are of, registered as the administrator. */
    static final InspectedServices.Registration BENCHMARK_SERVICE = new InspectedServices.Registration("benchmark",
            "Benchmark Youth Justice Service", java.util.List.of("Benchmark Borough Council"), "Nowhere");

    /** An inspection of {@code inspectedService} led by the lead inspector, with the inspector on its team. */
    static String newInspection(ManagedChannel channel, CallCredentials lead, String inspectedService) {
        Inspection inspection = InspectionServiceGrpc.newBlockingStub(channel).withDeadlineAfter(15, TimeUnit.SECONDS).withCallCredentials(lead)
                .createInspection(CreateInspectionRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                        .setInspection(Inspection.newBuilder().setInspectedService(inspectedService)
                                .setFieldworkStart(SyntheticPopulation.date(FIELDWORK)).setFieldworkEnd(SyntheticPopulation.date(FIELDWORK.plusDays(4)))
                                .setFramework("frameworks/youth-2019").addTeam(SignIns.subject(SignIns.INSPECTOR)))
                        .build()).getInspection();
        return inspection.getName();
    }

    private static ImportCasesResponse importCases(ManagedChannel channel, CallCredentials lead, String inspection, List<EligibleCase> cases)
            throws Exception {
        return PopulationUpload.upload(channel, lead, inspection, cases, 1000, java.time.Duration.ofMinutes(5));
    }

    /** COPY of the same rows into eligible_case, straight into case-service's embedded PostgreSQL (found by its postmaster.pid). */
    private static double copy(Path root, Map<String, String> environment, String inspection, List<EligibleCase> population)
            throws IOException, SQLException {
        List<String> pid = Files.readAllLines(Service.CASES.embeddedDatabase(root, environment).resolve("postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres";
        UUID id = UUID.fromString(inspection.substring("inspections/".length()));
        StringBuilder rows = new StringBuilder(population.size() * 120);
        for (EligibleCase c : population) {
            rows.append(id).append('\t').append(c.getReference()).append('\t').append(c.getCategory().name().substring(14)).append('\t')
                    .append(c.getDisposalType().name().substring(14)).append('\t').append(date(c.getDisposalDate())).append('\t')
                    .append(c.hasReleaseDate() ? date(c.getReleaseDate()) : "\\N").append('\t').append(c.getGender().name().substring(7))
                    .append('\t').append(c.getAge()).append('\t').append(c.getEthnicity().name().substring(16)).append('\t')
                    .append(c.getRiskOfSeriousHarm().name().substring(11)).append('\t').append(c.getSafetyAndWellbeing().name().substring(11))
                    .append('\t').append(c.getLookedAfter() ? 't' : 'f').append('\t').append(c.getCaseManager()).append('\n');
        }
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY eligible_case (inspection_id, reference, category, "
                    + "disposal_type, disposal_date, release_date, gender, age, ethnicity, risk_of_serious_harm, safety_and_wellbeing, "
                    + "looked_after, case_manager) FROM STDIN", new StringReader(rows.toString()));
            connection.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            try (PreparedStatement cleanUp = connection.prepareStatement("delete from eligible_case where inspection_id = ?")) {
                cleanUp.setObject(1, id);
                cleanUp.executeUpdate();
            }
            connection.commit();
            return seconds;
        }
    }

    private static String date(com.google.type.Date date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay()).toString();
    }
}
