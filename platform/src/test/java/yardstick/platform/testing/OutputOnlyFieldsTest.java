package yardstick.platform.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import yardstick.cases.v1.Inspection;
import yardstick.reports.v1.ImprovementPlan;

class OutputOnlyFieldsTest {

    @Test
    void fieldsTheContractsCallOutputOnlyAreKnownAndTheOthersAreNot() {
        assertTrue(OutputOnlyFields.isOutputOnly(ImprovementPlan.getDescriptor().findFieldByName("submit_time")));
        assertTrue(OutputOnlyFields.isOutputOnly(Inspection.getDescriptor().findFieldByName("service_inspected")), "a comment of lines");
        assertFalse(OutputOnlyFields.isOutputOnly(Inspection.getDescriptor().findFieldByName("name")), "the identifier of an update");
        assertFalse(OutputOnlyFields.isOutputOnly(Inspection.getDescriptor().findFieldByName("framework")));
        assertFalse(OutputOnlyFields.isOutputOnly(Inspection.getDescriptor().findFieldByName("fieldwork_start")));
    }
}
