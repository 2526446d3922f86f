package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.PreconditionFailure;
import com.google.type.Date;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import yardstick.cases.v1.CreateInspectionRequest;
import yardstick.cases.v1.EligibleCase;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.InspectionState;
import yardstick.cases.v1.UpdateInspectionRequest;
import yardstick.contracts.Channels;
import yardstick.platform.database.EmbeddedDatabase;
import yardstick.platform.database.FreePort;

/**
 * Every service is stateless: two replicas of each, as processes, against one PostgreSQL per service (their
 * database URLs set, so neither starts an embedded one), with every caller (the test and the services
 * themselves) spreading its calls over both with gRPC's round_robin. The whole workflow passes; a retry that
 * lands on the other replica is answered with the first answer; a stale etag is caught whichever replica
 * answers; one request's identifier is in the logs of every service it crossed; and every log line is one
 * JSON object naming no case.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final int REPLICAS = 2;

    private static Path data;
    private static final List<EmbeddedDatabase> databases = new ArrayList<>();
    private static final Map<Service, List<ServiceProcess>> replicas = new LinkedHashMap<>();
    /** Each replica's environment, by service: the same but for its own ports. */
    private static final Map<Service, List<Map<String, String>>> environments = new LinkedHashMap<>();
    /** The request identifier this test sent with each call, by method. */
    private static final Map<String, List<String>> requestIds = new ConcurrentHashMap<>();
    private static ManagedChannel cases;
    private static ManagedChannel ratings;
    private static ManagedChannel reports;

    @BeforeAll
    static void start() throws Exception {
        data = ProcessTestSupport.freshDataDirectory("replicas");
        Map<String, String> shared = ProcessTestSupport.environment(data);
        for (Service service : Service.ALL) {
            EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve(service.name() + "-postgres"), 0);
            databases.add(database);
            shared.put(service.variablePrefix() + "_DATABASE_URL", database.jdbcUrl());
            shared.put(service.variablePrefix() + "_DATABASE_USER", database.username());
        }
        shared.put("YARDSTICK_AUDIT_KEY", "the replicas test's audit pseudonym key, both replicas alike");
        shared.put("YARDSTICK_LOG_FORMAT", "json");
        List<Map<String, String>> byReplica = new ArrayList<>();
        byReplica.add(shared);
        for (int n = 1; n < REPLICAS; n++) {
            Map<String, String> other = new HashMap<>(shared);
            var ports = FreePort.findAll(3 * Service.ALL.size()).iterator();
            for (Service service : Service.ALL) {
                other.put(service.grpcPortVariable(), String.valueOf(ports.next()));
                other.put(service.metricsPortVariable(), String.valueOf(ports.next()));
                int http = ports.next();
                service.httpPortVariable().ifPresent(v -> other.put(v, String.valueOf(http)));
            }
            byReplica.add(other);
        }
        for (Map<String, String> environment : byReplica) {
            environment.put("CASE_SERVICE_ADDRESS", addresses(byReplica, Service.CASES));
            environment.put("RATING_SERVICE_ADDRESS", addresses(byReplica, Service.RATINGS));
        }
        try {
            for (Service service : Service.ALL) {
                environments.put(service, byReplica);
                List<ServiceProcess> processes = new ArrayList<>();
                for (int n = 0; n < REPLICAS; n++) {
                    Path log = log(service, n);
                    processes.add(ServiceProcess.start(ProcessTestSupport.root(), service, byReplica.get(n),
                            List.of("-Xmx256m", "-XX:+UseSerialGC"), line -> append(log, line)));
                }
                replicas.put(service, processes);
            }
            for (Service service : Service.ALL) {
                for (int n = 0; n < REPLICAS; n++) {
                    if (!replicas.get(service).get(n).awaitServing(Duration.ofMinutes(3))) {
                        throw new IllegalStateException(service.name() + " replica " + (n + 1) + " did not become healthy; see " + log(service, n));
                    }
                }
            }
        } catch (RuntimeException | InterruptedException e) {
            stop();
            throw e;
        }
        cases = roundRobin(Service.CASES);
        ratings = roundRobin(Service.RATINGS);
        reports = roundRobin(Service.REPORTS);
    }

    @AfterAll
    static void stop() throws Exception {
        for (ManagedChannel channel : new ManagedChannel[] {cases, ratings, reports}) {
            if (channel != null) {
                channel.shutdownNow();
            }
        }
        for (List<ServiceProcess> processes : replicas.values()) {
            for (ServiceProcess process : processes) {
                process.stop(Duration.ofSeconds(30));
            }
        }
        databases.forEach(EmbeddedDatabase::close);
        if (data != null) {
            ProcessTestSupport.killEverythingMentioning(data.toString());
        }
    }

    @Test
    @Order(1)
    void kentsInspectionIsCarriedToItsPublishedReportThroughTwoReplicasOfEveryService() throws Exception {
        PublishedInspection.Result kent = PublishedInspection.KENT.carry(cases, ratings, reports, ProcessTestSupport.signIns(), line -> { });

        assertEquals((int) PublishedInspection.KENT.golden().getFieldsOrThrow("score").getNumberValue(),
                kent.report().getRatingsTable().getScore(), "Kent's published score");
        assertTrue(kent.plan().isPresent(), "Kent's plan submitted");
        // Both replicas of every service served calls of the workflow: round_robin spread them.
        for (Service service : Service.ALL) {
            for (int n = 0; n < REPLICAS; n++) {
                long served = callLines(service, n).size();
                assertTrue(served > 0, service.name() + " replica " + (n + 1) + " served no call");
            }
        }
    }

    @Test
    @Order(2)
    void aRetryLandingOnTheOtherReplicaIsAnsweredWithTheFirstAnswer() {
        String requestId = UUID.randomUUID().toString();
        Inspection.Builder draft = draft("Replicated Retry Youth Justice Service");
        Inspection first = onReplica(Service.CASES, 0, stub -> stub.createInspection(
                CreateInspectionRequest.newBuilder().setInspection(draft).setRequestId(requestId).build()).getInspection());
        Inspection retried = onReplica(Service.CASES, 1, stub -> stub.createInspection(
                CreateInspectionRequest.newBuilder().setInspection(draft).setRequestId(requestId).build()).getInspection());
        assertEquals(first, retried);
    }

    @Test
    @Order(3)
    void aStaleEtagIsCaughtOnTheOtherReplica() {
        Inspection planning = onReplica(Service.CASES, 0, stub -> stub.createInspection(CreateInspectionRequest.newBuilder()
                .setInspection(draft("Replicated Etag Youth Justice Service")).setRequestId(UUID.randomUUID().toString()).build()).getInspection());
        Inspection sampling = onReplica(Service.CASES, 0, stub -> stub.updateInspection(UpdateInspectionRequest.newBuilder()
                .setInspection(planning.toBuilder().setState(InspectionState.INSPECTION_STATE_SAMPLING))
                .setUpdateMask(FieldMask.newBuilder().addPaths("state")).build()).getInspection());
        assertNotEquals(planning.getEtag(), sampling.getEtag());

        StatusRuntimeException stale = assertThrows(StatusRuntimeException.class, () -> onReplica(Service.CASES, 1,
                stub -> stub.updateInspection(UpdateInspectionRequest.newBuilder()
                        .setInspection(planning.toBuilder().setFieldworkEnd(Date.newBuilder().setYear(2021).setMonth(6).setDay(28)))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("fieldwork_end")).build())));
        assertEquals(Status.Code.FAILED_PRECONDITION, stale.getStatus().getCode());
        assertEquals("ETAG", violation(stale).getType());
        assertEquals(sampling, onReplica(Service.CASES, 1, stub -> stub.getInspection(
                GetInspectionRequest.newBuilder().setName(planning.getName()).build()).getInspection()), "nothing written");
    }

    @Test
    @Order(4)
    void oneRequestsIdentifierIsInTheLogsOfEveryServiceItCrossed() throws IOException {
        // CreateReport asks case-service (the sample and population) and rating-service (the snapshot).
        List<String> created = requestIds.get("yardstick.reports.v1.ReportService/CreateReport");
        assertTrue(created != null && created.size() == 1, "the workflow created one report: " + created);
        String id = created.get(0);
        for (Service service : Service.ALL) {
            List<Struct> lines = new ArrayList<>();
            for (int n = 0; n < REPLICAS; n++) {
                callLines(service, n).stream().filter(l -> id.equals(field(l, "mdc", "request_id"))).forEach(lines::add);
            }
            assertTrue(!lines.isEmpty(), service.name() + " logged no call of request " + id);
        }
    }

    @Test
    @Order(5)
    void everyLogLineIsOneJsonObjectAndNamesNoCase() throws IOException {
        List<String> references = PublishedInspection.KENT.population().stream().map(EligibleCase::getReference).toList();
        for (Service service : Service.ALL) {
            for (int n = 0; n < REPLICAS; n++) {
                List<String> lines = Files.readAllLines(log(service, n));
                assertTrue(lines.size() > 5, service.name() + " replica " + (n + 1) + " logged " + lines.size() + " lines");
                for (String line : lines) {
                    parse(line); // throws on anything but one JSON object
                    String named = references.stream().filter(line::contains).findFirst().orElse(null);
                    assertEquals(null, named, service.name() + " logged a case reference: " + line);
                }
            }
        }
    }

    /** An inspection of the process tests' synthetic service (registered by the local administrator if need be). */
    private static Inspection.Builder draft(String purpose) {
        return Inspection.newBuilder().setInspectedService(InspectedServices.registered(cases,
                        ProcessTestSupport.signIns().as(SignIns.ADMINISTRATOR), PopulationIT.SYNTHETIC))
                .setFieldworkStart(Date.newBuilder().setYear(2021).setMonth(6).setDay(21))
                .setFieldworkEnd(Date.newBuilder().setYear(2021).setMonth(6).setDay(25))
                .setFramework("frameworks/youth-2019");
    }

    /** One call on one replica only, as the tester. */
    private static <T> T onReplica(Service service, int n, java.util.function.Function<InspectionServiceGrpc.InspectionServiceBlockingStub, T> call) {
        ManagedChannel channel = Channels.open(replicas.get(service).get(n).grpcAddress(), false, null);
        try {
            return call.apply(InspectionServiceGrpc.newBlockingStub(ClientInterceptors.intercept(channel,
                    ProcessTestSupport.signedIn(ProcessTestSupport.tester()))).withDeadlineAfter(30, TimeUnit.SECONDS));
        } finally {
            channel.shutdownNow();
        }
    }

    /** Both replicas behind one channel, round_robin; every call carries a request identifier of its own, noted. */
    private static ManagedChannel roundRobin(Service service) {
        ClientInterceptor noting = new ClientInterceptor() {
            @Override
            public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<A> listener, Metadata headers) {
                        String id = "replicas-" + UUID.randomUUID();
                        requestIds.computeIfAbsent(method.getFullMethodName(), m -> java.util.Collections.synchronizedList(new ArrayList<>())).add(id);
                        headers.put(Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER), id);
                        super.start(listener, headers);
                    }
                };
            }
        };
        return Channels.open(addresses(environments.get(service), service), false, null, noting);
    }

    private static String addresses(List<Map<String, String>> byReplica, Service service) {
        return String.join(",", byReplica.stream().map(e -> "localhost:" + service.grpcPort(e)).toList());
    }

    /** The lines logging a call the replica served (logger yardstick.calls). */
    private static List<Struct> callLines(Service service, int n) throws IOException {
        List<Struct> calls = new ArrayList<>();
        for (String line : Files.readAllLines(log(service, n))) {
            Struct json = parse(line);
            if ("yardstick.calls".equals(field(json, "loggerName"))) {
                calls.add(json);
            }
        }
        return calls;
    }

    private static Struct parse(String line) {
        Struct.Builder json = Struct.newBuilder();
        try {
            JsonFormat.parser().merge(line, json);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not one JSON object: " + line, e);
        }
        return json.build();
    }

    private static String field(Struct json, String... path) {
        Struct at = json;
        for (int i = 0; i < path.length - 1; i++) {
            if (!at.containsFields(path[i])) {
                return null;
            }
            at = at.getFieldsOrThrow(path[i]).getStructValue();
        }
        return at.containsFields(path[path.length - 1]) ? at.getFieldsOrThrow(path[path.length - 1]).getStringValue() : null;
    }

    private static PreconditionFailure.Violation violation(StatusRuntimeException error) {
        try {
            return StatusProto.fromThrowable(error).getDetails(0).unpack(PreconditionFailure.class).getViolations(0);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static Path log(Service service, int n) {
        return data.resolve(service.name() + "-" + (n + 1) + ".log");
    }

    private static synchronized void append(Path log, String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
