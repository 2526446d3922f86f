package yardstick.cases.api;

import yardstick.platform.grpc.Times;
import com.google.type.Date;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import yardstick.cases.domain.Inspection;
import yardstick.cases.v1.InspectionState;

/** Translates inspections between their protobuf messages and the domain. */
final class InspectionMessages {

    private InspectionMessages() {
    }

    /** The inspection, with what its service is called now ({@code serviceNames}: by the service's resource name). */
    static yardstick.cases.v1.Inspection inspection(Inspection inspection, java.util.Map<String, String> serviceNames) {
        return yardstick.cases.v1.Inspection.newBuilder()
                .setName(inspection.name())
                .setInspectedService(inspection.inspectedService())
                .setServiceInspected(serviceNames.getOrDefault(inspection.inspectedService(), ""))
                .setFieldworkStart(date(inspection.fieldworkStart()))
                .setFieldworkEnd(date(inspection.fieldworkEnd()))
                .setFramework(inspection.framework())
                .setLeadInspector(inspection.leadInspector())
                .addAllTeam(inspection.team())
                .setState(state(inspection.state()))
                .setEtag(inspection.etag())
                .setCreateTime(Times.timestamp(inspection.createTime()))
                .setUpdateTime(Times.timestamp(inspection.updateTime()))
                .build();
    }

    static Inspection.Details details(yardstick.cases.v1.Inspection message) {
        return new Inspection.Details(message.getInspectedService().trim(),
                message.hasFieldworkStart() ? date(message.getFieldworkStart()) : null,
                message.hasFieldworkEnd() ? date(message.getFieldworkEnd()) : null,
                message.getFramework(), message.getTeamList().stream().map(String::trim).toList());
    }

    /** The date, or null when it is not a real one. */
    static LocalDate date(Date date) {
        try {
            return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
        } catch (DateTimeException e) {
            return null;
        }
    }

    static Date date(LocalDate date) {
        return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()).build();
    }

    static InspectionState state(yardstick.cases.domain.InspectionState state) {
        return InspectionState.valueOf("INSPECTION_STATE_" + state.name());
    }

    /** The domain state, or null for an unspecified or unknown one. */
    static yardstick.cases.domain.InspectionState state(InspectionState state) {
        if (state == InspectionState.INSPECTION_STATE_UNSPECIFIED || state == InspectionState.UNRECOGNIZED) {
            return null;
        }
        return yardstick.cases.domain.InspectionState.valueOf(state.name().substring("INSPECTION_STATE_".length()));
    }
}
