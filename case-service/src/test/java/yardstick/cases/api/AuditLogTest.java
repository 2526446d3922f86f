package yardstick.cases.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import yardstick.audit.v1.AuditEvent;
import yardstick.audit.v1.AuditServiceGrpc;
import yardstick.audit.v1.ListAuditEventsRequest;
import yardstick.audit.v1.ListAuditEventsResponse;
import yardstick.cases.v1.GetCaseJudgementsRequest;
import yardstick.cases.v1.GetJudgementTalliesRequest;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.platform.audit.AuditTrail;
import yardstick.platform.identity.Role;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.platform.testing.TestIdentity;

/** case-service's audit log, through its gRPC server and its own database. */
@MicronautTest(transactional = false)
class AuditLogTest extends GrpcServiceTest {

    private static final String GET_CASE_JUDGEMENTS = "yardstick.cases.v1.JudgementService/GetCaseJudgements";

    @Inject
    @Named("default")
    DataSource dataSource;

    @Test
    void callsRefusedForWantOfATokenOrOfTheRoleAreInTheLogWithTheirOutcomes() {
        String inspection = anInspection();
        String judgements = inspection + "/cases/KENT-0042/judgements";

        assertEquals(Status.Code.UNAUTHENTICATED, refusal(() -> readJudgements(anonymous, judgements)));
        Channel inspectedService = signedIn(TestIdentity.token("yjs-manager-1", Role.INSPECTED_SERVICE));
        assertEquals(Status.Code.PERMISSION_DENIED, refusal(() -> readJudgements(inspectedService, judgements)));

        List<AuditEvent> events = allEvents(inspection);
        AuditEvent noToken = events.get(0);
        assertEquals("anonymous", noToken.getSubject());
        assertEquals(List.of(), noToken.getRolesList());
        assertEquals(GET_CASE_JUDGEMENTS, noToken.getMethod());
        assertEquals("UNAUTHENTICATED", noToken.getOutcome());
        assertEquals("a bearer token is needed", noToken.getReason());
        assertEquals(inspection, noToken.getInspection());
        AuditEvent wrongRole = events.get(1);
        assertEquals("yjs-manager-1", wrongRole.getSubject());
        assertEquals(List.of("inspected-service"), wrongRole.getRolesList());
        assertEquals("PERMISSION_DENIED", wrongRole.getOutcome());
        assertTrue(wrongRole.getReason().contains("'cases.read'"), wrongRole.getReason());
    }

    @Test
    void anInspectorsReadOfACasesJudgementsIsRecordedUnderThePseudonymOfItsReferenceNeverTheReferenceItself() throws SQLException {
        String inspection = anInspection();
        String reference = "KENT-" + UUID.randomUUID().toString().substring(0, 8);
        Channel inspector = signedIn(TestIdentity.token("inspector-7", Role.INSPECTOR));
        try {
            readJudgements(inspector, inspection + "/cases/" + reference + "/judgements");
        } catch (StatusRuntimeException notInTheSample) {
            // Recorded all the same: the log keeps attempts as well as reads.
        }

        List<List<String>> rows = storedRows(inspection);
        assertEquals(1, rows.size());
        List<String> row = rows.get(0);
        for (String column : row) {
            assertFalse(column != null && column.contains(reference), "a column holds the case reference: " + column);
        }
        AuditEvent event = allEvents(inspection).get(0);
        assertEquals("inspector-7", event.getSubject());
        assertEquals(List.of("inspector"), event.getRolesList());
        assertEquals(GET_CASE_JUDGEMENTS, event.getMethod());
        assertEquals(inspection + "/cases/~" + hmacSha256(AUDIT_PSEUDONYM_KEY, reference) + "/judgements", event.getResource());
        assertEquals("NOT_FOUND", event.getOutcome());
    }

    @Test
    void anActTheServiceDoesOfItsOwnAccordIsRecordedUnderItsOwnName() {
        String inspection = anInspection();
        context.getBean(AuditTrail.class).recordOwnAct("PurgeExpiredCaseData", inspection + "/cases/KENT-0042", Status.Code.OK);

        AuditEvent purge = allEvents(inspection).get(0);
        assertEquals("case-service", purge.getSubject());
        assertEquals(List.of("case-service"), purge.getRolesList());
        assertEquals("PurgeExpiredCaseData", purge.getMethod());
        assertEquals(inspection + "/cases/~" + hmacSha256(AUDIT_PSEUDONYM_KEY, "KENT-0042"), purge.getResource());
        assertEquals("OK", purge.getOutcome());
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnAuditEntry() throws SQLException {
        String inspection = anInspection();
        assertEquals(Status.Code.UNAUTHENTICATED, refusal(() -> readJudgements(anonymous, inspection + "/cases/KENT-1/judgements")));

        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement()) {
            String where = " where inspection = '" + inspection + "'";
            SQLException update = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("update audit_events set subject = 'someone-else'" + where));
            assertTrue(update.getMessage().contains("never changed or removed"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> statement.executeUpdate("delete from audit_events" + where));
            assertTrue(delete.getMessage().contains("never changed or removed"), delete.getMessage());
        }
        assertEquals("anonymous", allEvents(inspection).get(0).getSubject());
    }

    @Test
    void anInspectorMayNotReadTheLog() {
        Channel inspector = signedIn(TestIdentity.token("inspector-8", Role.INSPECTOR));
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> AuditServiceGrpc.newBlockingStub(inspector)
                .listAuditEvents(ListAuditEventsRequest.newBuilder().setInspection(anInspection()).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, refused.getStatus().getCode());
    }

    @Test
    void theAdministratorReadsTheLogAPageAtATimeOldestFirst() {
        String inspection = anInspection();
        Channel leadInspector = signedIn(TestIdentity.token("lead-inspector-3", Role.LEAD_INSPECTOR));
        for (int i = 0; i < 3; i++) {
            try {
                JudgementServiceGrpc.newBlockingStub(leadInspector)
                        .getJudgementTallies(GetJudgementTalliesRequest.newBuilder().setInspection(inspection).build());
            } catch (StatusRuntimeException noSuchInspection) {
                // Recorded with its outcome.
            }
        }
        AuditServiceGrpc.AuditServiceBlockingStub administrator =
                AuditServiceGrpc.newBlockingStub(signedIn(TestIdentity.token("administrator-1", Role.ADMINISTRATOR)));

        ListAuditEventsResponse first = administrator.listAuditEvents(
                ListAuditEventsRequest.newBuilder().setInspection(inspection).setPageSize(2).build());
        assertEquals(2, first.getAuditEventsCount());
        assertFalse(first.getNextPageToken().isEmpty());
        ListAuditEventsResponse second = administrator.listAuditEvents(ListAuditEventsRequest.newBuilder()
                .setInspection(inspection).setPageSize(2).setPageToken(first.getNextPageToken()).build());

        List<AuditEvent> events = new ArrayList<>(first.getAuditEventsList());
        events.addAll(second.getAuditEventsList());
        // The three reads of the tallies, then the administrator's first look at the log.
        assertEquals(List.of("lead-inspector-3", "lead-inspector-3", "lead-inspector-3", "administrator-1"),
                events.stream().map(AuditEvent::getSubject).toList());
        assertEquals("yardstick.cases.v1.JudgementService/GetJudgementTallies", events.get(2).getMethod());
        assertEquals("yardstick.audit.v1.AuditService/ListAuditEvents", events.get(3).getMethod());
        assertTrue(second.getNextPageToken().isEmpty());
    }

    @Test
    void aPageTokenNotIssuedByTheLogIsInvalidArgumentNamingTheField() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> AuditServiceGrpc.newBlockingStub(channel)
                .listAuditEvents(ListAuditEventsRequest.newBuilder().setInspection(anInspection()).setPageToken("page-2").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertEquals("page_token", badFields(refused).get(0));
    }

    @Test
    void anInspectionNameThatIsNotOneIsInvalidArgumentNamingTheField() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> AuditServiceGrpc.newBlockingStub(channel)
                .listAuditEvents(ListAuditEventsRequest.newBuilder().setInspection("reports/1").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertEquals(List.of("inspection"), badFields(refused));
    }

    private static String anInspection() {
        return "inspections/" + UUID.randomUUID();
    }

    private static void readJudgements(Channel channel, String name) {
        JudgementServiceGrpc.newBlockingStub(channel).getCaseJudgements(GetCaseJudgementsRequest.newBuilder().setName(name).build());
    }

    private static Status.Code refusal(Runnable call) {
        return assertThrows(StatusRuntimeException.class, call::run).getStatus().getCode();
    }

    private List<AuditEvent> allEvents(String inspection) {
        return AuditServiceGrpc.newBlockingStub(channel)
                .listAuditEvents(ListAuditEventsRequest.newBuilder().setInspection(inspection).build())
                .getAuditEventsList();
    }

    /** Every column of the inspection's rows in audit_events, as text, read straight from the table. */
    private List<List<String>> storedRows(String inspection) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement select = connection.prepareStatement("select * from audit_events where inspection = ? order by id")) {
            select.setString(1, inspection);
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                assertEquals(9, columns, "the test reads every column; a new one must be checked too");
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(result.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static List<String> badFields(StatusRuntimeException error) {
        try {
            com.google.rpc.Status status = StatusProto.fromThrowable(error);
            return status.getDetails(0).unpack(BadRequest.class).getFieldViolationsList().stream()
                    .map(BadRequest.FieldViolation::getField).toList();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static String hmacSha256(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
