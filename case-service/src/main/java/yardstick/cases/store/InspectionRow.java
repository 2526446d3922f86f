package yardstick.cases.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.List;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import yardstick.cases.domain.InspectedService;
import yardstick.cases.domain.Inspection;
import yardstick.cases.domain.InspectionState;

@MappedEntity("inspection")
record InspectionRow(@Id UUID id, String inspectedService, LocalDate fieldworkStart, LocalDate fieldworkEnd, String framework,
                     String leadInspector, @TypeDef(type = DataType.STRING_ARRAY) String[] team, String state, long version,
                     Instant createTime, Instant updateTime) {

    static InspectionRow of(Inspection inspection) {
        return new InspectionRow(inspection.id(), code(inspection.inspectedService()), inspection.fieldworkStart(),
                inspection.fieldworkEnd(), inspection.framework(), inspection.leadInspector(), inspection.team().toArray(String[]::new),
                inspection.state().name(),
                inspection.version(), inspection.createTime(), inspection.updateTime());
    }

    Inspection inspection() {
        return new Inspection(id, InspectedService.NAME_PREFIX + inspectedService, fieldworkStart, fieldworkEnd, framework, leadInspector,
                team == null ? List.of() : List.of(team), InspectionState.valueOf(state), version, createTime, updateTime);
    }

    /** The register's code: the column holds the code, the domain the resource name. */
    static String code(String inspectedService) {
        return inspectedService.substring(InspectedService.NAME_PREFIX.length());
    }
}
