package yardstick.cases.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import yardstick.cases.peers.RatingServiceClient;
import yardstick.cases.v1.CreateInspectionRequest;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.GetPopulationSummaryRequest;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.InspectionServiceGrpc.InspectionServiceBlockingStub;
import yardstick.cases.v1.InspectionState;
import yardstick.cases.v1.PopulationServiceGrpc;
import yardstick.cases.v1.PurgeExpiredCaseDataRequest;
import yardstick.cases.v1.PurgeExpiredCaseDataResponse;
import yardstick.cases.v1.PurgedInspection;
import yardstick.cases.v1.UpdateInspectionRequest;
import yardstick.platform.identity.Role;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.platform.testing.MutableClock;
import yardstick.platform.testing.TestIdentity;

/**
 * An inspection closed longer ago than the retention (a year by default) loses its case data to
 * PurgeExpiredCaseData and keeps its own record; one closed within it, and one still open, keep all.
 */
@MicronautTest(transactional = false)
class RetentionPurgeTest extends GrpcServiceTest {

    private static final Instant START = Instant.parse("2025-01-06T09:00:00Z");
    /** Every table holding an inspection's case data, children's data, all of which the purge removes. */
    private static final List<String> CASE_DATA = List.of(
            "eligible_case", "sample_draw", "sample_quota", "sampled_case", "case_judgements", "key_question_judgement", "prompt_answer",
            "moderation_draw", "moderation_selection", "case_event");

    private final MutableClock clock = new MutableClock(START);

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    /** Every framework is known: the purge needs nothing from rating-service. */
    @MockBean(RatingServiceClient.class)
    RatingServiceClient ratingService() {
        return EveryFrameworkKnown.ratingService();
    }

    @Test
    void purgesTheCaseDataOfAnInspectionClosedPastItsRetentionOnly() throws SQLException {
        InspectionServiceBlockingStub inspections = InspectionServiceGrpc.newBlockingStub(channel);
        clock.set(START);
        Inspection expired = close(inspections, withCaseData(create(inspections, "Kent Youth Justice Service")));
        clock.set(START.plus(Duration.ofDays(300)));
        Inspection recent = close(inspections, withCaseData(create(inspections, "Harrow Youth Justice Service")));
        Inspection open = withCaseData(create(inspections, "Leeds Youth Justice Service"));
        clock.set(START.plus(Duration.ofDays(400)));

        PurgeExpiredCaseDataResponse answer = asAdministrator().purgeExpiredCaseData(PurgeExpiredCaseDataRequest.getDefaultInstance());

        List<PurgedInspection> ours = answer.getPurgedInspectionsList().stream()
                .filter(p -> List.of(expired.getName(), recent.getName(), open.getName()).contains(p.getName())).toList();
        assertEquals(1, ours.size(), answer.toString());
        PurgedInspection purged = ours.get(0);
        assertEquals(expired.getName(), purged.getName());
        assertEquals(2, purged.getEligibleCases());
        assertEquals(2, purged.getSampledCases());
        assertEquals(1, purged.getCaseJudgements());
        assertEquals(START.getEpochSecond(), purged.getCloseTime().getSeconds());
        assertEquals(START.plus(Duration.ofDays(400)).getEpochSecond(), purged.getPurgeTime().getSeconds());

        for (String table : CASE_DATA) {
            assertEquals(0, rows(table, expired), table + " of the expired inspection");
            assertTrue(rows(table, recent) > 0, table + " of the inspection closed within its retention");
            assertTrue(rows(table, open) > 0, table + " of the open inspection");
        }
        assertEquals(1, rows("inspection", expired, "id"));
        assertEquals(InspectionState.INSPECTION_STATE_CLOSED, inspections.getInspection(
                GetInspectionRequest.newBuilder().setName(expired.getName()).build()).getInspection().getState());

        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> PopulationServiceGrpc.newBlockingStub(channel)
                .getPopulationSummary(GetPopulationSummaryRequest.newBuilder().setInspection(expired.getName()).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
        assertEquals("PURGED", preconditionFailure(refused).getViolations(0).getType());
        assertNotNull(PopulationServiceGrpc.newBlockingStub(channel)
                .getPopulationSummary(GetPopulationSummaryRequest.newBuilder().setInspection(recent.getName()).build()));

        java.util.List<yardstick.audit.v1.AuditEvent> trail = yardstick.audit.v1.AuditServiceGrpc.newBlockingStub(anonymous)
                .withCallCredentials(TestIdentity.as("administrator-1", Role.ADMINISTRATOR))
                .listAuditEvents(yardstick.audit.v1.ListAuditEventsRequest.newBuilder().setInspection(expired.getName()).build())
                .getAuditEventsList();
        assertTrue(trail.stream().anyMatch(e -> e.getMethod().equals("yardstick.cases.Retention/PurgeCaseData")
                        && e.getSubject().equals("administrator-1") && e.getOutcome().equals("OK")),
                "the purge is in the inspection's audit trail, by whom: " + trail);

        PurgeExpiredCaseDataResponse again = asAdministrator().purgeExpiredCaseData(PurgeExpiredCaseDataRequest.getDefaultInstance());
        assertTrue(again.getPurgedInspectionsList().stream().noneMatch(p -> p.getName().equals(expired.getName())),
                "an inspection is purged once");
    }

    @Test
    void onlyAnAdministratorMayPurge() {
        for (Role role : List.of(Role.LEAD_INSPECTOR, Role.INSPECTOR, Role.RATINGS_PANEL, Role.PUBLISHER)) {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> InspectionServiceGrpc.newBlockingStub(anonymous)
                    .withCallCredentials(TestIdentity.as("someone-" + role.claim(), role))
                    .purgeExpiredCaseData(PurgeExpiredCaseDataRequest.getDefaultInstance()));
            assertEquals(Status.Code.PERMISSION_DENIED, refused.getStatus().getCode(), role.name());
        }
    }

    private InspectionServiceBlockingStub asAdministrator() {
        return InspectionServiceGrpc.newBlockingStub(anonymous).withCallCredentials(TestIdentity.as("administrator-1", Role.ADMINISTRATOR));
    }

    private Inspection create(InspectionServiceBlockingStub inspections, String service) {
        String code = service.split(" ")[0].toLowerCase();
        return inspections.createInspection(CreateInspectionRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setInspection(Inspection.newBuilder()
                        .setInspectedService(InspectedServices.registered(channel, code, service).getName())
                        .setFieldworkStart(InspectionMessages.date(java.time.LocalDate.of(2024, 11, 4)))
                        .setFieldworkEnd(InspectionMessages.date(java.time.LocalDate.of(2024, 11, 15)))
                        .setFramework("frameworks/youth-2021")
                        .setLeadInspector("YJS-00042"))
                .build()).getInspection();
    }

    /** Moves the inspection forward, one stage at a time, until it is closed. */
    private static Inspection close(InspectionServiceBlockingStub inspections, Inspection inspection) {
        Inspection current = inspection;
        for (InspectionState next : List.of(InspectionState.INSPECTION_STATE_SAMPLING, InspectionState.INSPECTION_STATE_FIELDWORK,
                InspectionState.INSPECTION_STATE_RATING, InspectionState.INSPECTION_STATE_CLOSED)) {
            current = inspections.updateInspection(UpdateInspectionRequest.newBuilder()
                    .setInspection(Inspection.newBuilder().setName(current.getName()).setEtag(current.getEtag()).setState(next))
                    .setUpdateMask(FieldMask.newBuilder().addPaths("state"))
                    .build()).getInspection();
        }
        return current;
    }

    /** Two eligible cases, both sampled (the second replacing a first choice), the first judged, submitted and moderated. */
    private Inspection withCaseData(Inspection inspection) throws SQLException {
        UUID id = id(inspection);
        try (Connection connection = dataSource().getConnection()) {
            for (String reference : List.of("Y-0001", "Y-0002")) {
                execute(connection, "INSERT INTO eligible_case VALUES (?, ?, 'COURT', 'REFERRAL_ORDER', DATE '2024-06-01', NULL, 'MALE', 15, "
                        + "'WHITE', 'LOW', 'MEDIUM', false, 'CM-7')", id, reference);
            }
            execute(connection, "INSERT INTO sample_draw (inspection_id, category, seed, method) VALUES (?, 'COURT', 42, 'balanced')", id);
            execute(connection, "INSERT INTO sample_quota (inspection_id, category, position, classification, classified_as, in_population, "
                    + "quota, loosened_by) VALUES (?, 'COURT', 0, 'GENDER', 'MALE', 2, 2.0, 1)", id);
            execute(connection, "INSERT INTO sampled_case VALUES (?, 'Y-0001', 'COURT', 1, true, NULL, NULL, NULL)", id);
            execute(connection, "INSERT INTO sampled_case VALUES (?, 'Y-0002', 'COURT', 2, false, 'moved away', NULL, NULL)", id);
            execute(connection, "INSERT INTO case_judgements VALUES (?, 'Y-0001', 1, true)", id);
            execute(connection, "INSERT INTO key_question_judgement VALUES (?, 'Y-0001', '1.1.1', 'YES', '')", id);
            execute(connection, "INSERT INTO prompt_answer VALUES (?, 'Y-0001', '1.1.1', 'a', 'YES')", id);
            // Its moderation: the random share drew it, and a second reader confirmed it.
            execute(connection, "INSERT INTO moderation_draw VALUES (?, 0.1, 7, 'lead', now())", id);
            execute(connection, "INSERT INTO moderation_selection VALUES (?, 'Y-0001', false, true)", id);
            execute(connection, "UPDATE case_judgements SET confirmed_by = 'reader', confirm_time = now() WHERE inspection_id = ?", id);
            execute(connection, "INSERT INTO case_event (inspection_id, reference, type, actor, event_time) VALUES (?, 'Y-0001', 'SUBMITTED', "
                    + "'inspector-1', now())", id);
        }
        return inspection;
    }

    private int rows(String table, Inspection inspection) throws SQLException {
        return rows(table, inspection, "inspection_id");
    }

    private int rows(String table, Inspection inspection, String column) throws SQLException {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + column + " = ?")) {
            count.setObject(1, id(inspection));
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** The pool itself, for plain JDBC outside the service's transactions. */
    private DataSource dataSource() {
        return DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
    }

    private static void execute(Connection connection, String sql, UUID inspection, Object... more) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, inspection);
            for (int i = 0; i < more.length; i++) {
                statement.setObject(i + 2, more[i]);
            }
            statement.executeUpdate();
        }
    }

    private static UUID id(Inspection inspection) {
        return UUID.fromString(inspection.getName().substring("inspections/".length()));
    }

    private static PreconditionFailure preconditionFailure(StatusRuntimeException e) {
        try {
            return StatusProto.fromThrowable(e).getDetails(0).unpack(PreconditionFailure.class);
        } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
            throw new AssertionError(ex);
        }
    }
}
