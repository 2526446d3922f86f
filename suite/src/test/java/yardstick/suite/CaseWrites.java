package yardstick.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.type.Date;
import io.grpc.ManagedChannel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import yardstick.cases.v1.CreateInspectionRequest;
import yardstick.cases.v1.EligibleCase;
import yardstick.cases.v1.GetInspectionRequest;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.InspectionState;
import yardstick.cases.v1.UpdateInspectionRequest;

/**
 * case-service's writes, each caller's round a run of use cases: open an inspection (with a
 * request_id), move it to sampling (with its etag), import its eligible population (all or
 * nothing). Afterwards {@link #check} compares the database, read directly, with what the callers
 * saw acknowledged.
 */
final class CaseWrites extends WriteStream {

    static final int POPULATION = 40;
    private static final LocalDate FIELDWORK = LocalDate.of(2021, 6, 21);

    /** What one caller saw of one inspection it opened. */
    record Opened(String id, boolean movedToSampling, boolean imported) {
    }

    /** The code of a service registered for this stream alone, so that its inspections are known apart from any other's. */
    private final String serviceCode = "faults-" + UUID.randomUUID().toString().substring(0, 8);
    private final String service;
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();
    private final List<EligibleCase> population = SyntheticPopulation.cases(POPULATION, 14, FIELDWORK);

    CaseWrites(Supplier<ManagedChannel> channel) {
        super(channel);
        this.service = InspectedServices.registered(channel.get(), ProcessTestSupport.signIns().as(SignIns.ADMINISTRATOR),
                new InspectedServices.Registration(serviceCode, "Faults Youth Justice Service " + serviceCode,
                        List.of("Faults Borough Council"), "South East"));
    }

    @Override
    void round(String caller, int round) throws GaveUp {
        String requestId = UUID.randomUUID().toString();
        Inspection inspection = retried("CreateInspection", () -> inspections().createInspection(CreateInspectionRequest.newBuilder()
                .setRequestId(requestId).setInspection(Inspection.newBuilder().setInspectedService(service)
                        .setFieldworkStart(date(FIELDWORK)).setFieldworkEnd(date(FIELDWORK.plusDays(4)))
                        .setFramework("frameworks/youth-2021")).build()).getInspection());
        String id = inspection.getName().substring("inspections/".length());
        opened.put(id, new Opened(id, false, false));
        retried("UpdateInspection", () -> moveToSampling(inspection.getName()));
        opened.put(id, new Opened(id, true, false));
        retried("ImportCases", () -> PopulationUpload.upload(channel(), null, inspection.getName(), population, 10, Duration.ofSeconds(30)));
        opened.put(id, new Opened(id, true, true));
    }

    /** Moves the inspection to sampling unless an earlier attempt, unacknowledged, already did. */
    private Inspection moveToSampling(String name) {
        Inspection current = inspections().getInspection(GetInspectionRequest.newBuilder().setName(name).build()).getInspection();
        if (current.getState() == InspectionState.INSPECTION_STATE_SAMPLING) {
            return current;
        }
        return inspections().updateInspection(UpdateInspectionRequest.newBuilder()
                .setInspection(Inspection.newBuilder().setName(name).setEtag(current.getEtag()).setState(InspectionState.INSPECTION_STATE_SAMPLING))
                .setUpdateMask(FieldMask.newBuilder().addPaths("state")).build()).getInspection();
    }

    private InspectionServiceGrpc.InspectionServiceBlockingStub inspections() {
        return InspectionServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /**
     * Every write acknowledged is in the database, once, and nothing else is: the inspections the callers
     * opened are exactly those of this stream; each moved to sampling is in sampling; each population is
     * all there or not at all, and all there where the import was acknowledged. No caller got an answer
     * other than OK or UNAVAILABLE.
     */
    void check(Connection database) throws SQLException {
        assertEquals(List.of(), wrongAnswers(), "callers got only OK or UNAVAILABLE");
        Set<String> stored = new TreeSet<>();
        try (PreparedStatement select = database.prepareStatement("select i.id, i.state, "
                + "(select count(*) from eligible_case c where c.inspection_id = i.id) from inspection i where i.inspected_service = ?")) {
            select.setString(1, serviceCode);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    stored.add(id);
                    Opened seen = opened.get(id);
                    int cases = rows.getInt(3);
                    assertTrue(cases == 0 || cases == POPULATION, id + " holds " + cases + " of an import of " + POPULATION);
                    if (seen != null && seen.movedToSampling()) {
                        assertEquals("SAMPLING", rows.getString(2), id);
                    }
                    if (seen != null && seen.imported()) {
                        assertEquals(POPULATION, cases, id);
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(opened.keySet()), stored, "each inspection opened is stored once, and no other");
    }

    private static Date date(LocalDate day) {
        return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth()).build();
    }
}
