package yardstick.cases.api;

import java.util.UUID;
import yardstick.cases.app.InspectionName;
import yardstick.cases.domain.Inspection;
import yardstick.platform.app.Refused;

/** The inspection a request names, "inspections/{inspection}", read from the field that names it. */
final class Inspections {

    private Inspections() {
    }

    /** The inspection named; refused naming {@code field} when the name is malformed. */
    static InspectionName name(String name, String field) {
        if (!name.startsWith(Inspection.NAME_PREFIX)) {
            throw new Refused.BadRequest(field, "must be of the form inspections/{inspection}");
        }
        try {
            return new InspectionName(UUID.fromString(name.substring(Inspection.NAME_PREFIX.length())), name);
        } catch (IllegalArgumentException e) {
            throw new Refused.BadRequest(field, "names no inspection: '" + name + "'");
        }
    }
}
