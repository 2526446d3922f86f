package yardstick.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yardstick.cases.v1.CaseJudgements;
import yardstick.cases.v1.GetCaseJudgementsRequest;
import yardstick.cases.v1.ImportCasesRequest;
import yardstick.cases.v1.UpdateCaseJudgementsRequest;

class CasePseudonymsTest {

    private static final String KEY = "a test key of the audit log's case pseudonyms";
    /** By hand: printf '%s' KENT-0042 | openssl dgst -sha256 -hmac "a test key of the audit log's case pseudonyms". */
    private static final String KENT_0042 = "~9e271b4df694f83fc56869c38c53fbc5d7445be3d0045fd3b26822f9a150d2a2";

    private final CasePseudonyms pseudonyms = new CasePseudonyms(KEY);

    @Test
    void aCaseReferenceIsItsKeyedHmacSha256() {
        assertEquals(KENT_0042, pseudonyms.of("KENT-0042"));
    }

    @Test
    void aResourceNameKeepsItsInspectionAndLosesItsCaseReference() {
        assertEquals("inspections/7/cases/" + KENT_0042 + "/judgements",
                pseudonyms.inResourceName("inspections/7/cases/KENT-0042/judgements"));
        assertEquals("inspections/7/cases/" + KENT_0042, pseudonyms.inResourceName("inspections/7/cases/KENT-0042"));
        assertEquals("inspections/7", pseudonyms.inResourceName("inspections/7"));
        assertEquals("reports/3@2", pseudonyms.inResourceName("reports/3@2"));
    }

    @Test
    void anotherServicesKeyGivesAnotherPseudonym() {
        assertNotEquals(KENT_0042, new CasePseudonyms("another service's key, also 32 characters or more").of("KENT-0042"));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CasePseudonyms("short"));
    }

    @Test
    void theResourceIsTheRequestsNameParentOrInspectionOrTheNameOfTheResourceItCarries() {
        String name = "inspections/7/cases/KENT-0042/judgements";
        assertEquals(name, RequestResource.of(GetCaseJudgementsRequest.newBuilder().setName(name).build()));
        assertEquals(name, RequestResource.of(UpdateCaseJudgementsRequest.newBuilder()
                .setJudgements(CaseJudgements.newBuilder().setName(name)).build()));
        assertEquals("inspections/7", RequestResource.of(ImportCasesRequest.newBuilder().setInspection("inspections/7").build()));
        assertEquals("inspections/7", RequestResource.of(yardstick.ratings.v1.RecordDiscretionDecisionRequest.newBuilder()
                .setDecision(yardstick.ratings.v1.RecordedDiscretionDecision.newBuilder().setInspection("inspections/7").setStandard("3.4"))
                .build()), "a recorded decision is filed under the inspection it carries");
        assertEquals("", RequestResource.of(GetCaseJudgementsRequest.getDefaultInstance()));
    }

    @Test
    void inLocalModeTheKeyIsMadeOnceAndKeptForTheOwnerAlone(@TempDir Path data) throws IOException {
        Path keyFile = data.resolve("case-service/audit-pseudonym-key");
        String first = PseudonymKey.choose("", "", keyFile);
        assertEquals(first, PseudonymKey.choose("", "", keyFile));
        assertTrue(first.length() >= 32);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(keyFile));
    }

    @Test
    void aDeployedServiceMustBeGivenItsKey(@TempDir Path data) {
        assertThrows(IllegalStateException.class, () -> PseudonymKey.choose("", "jdbc:postgresql://db/cases", data.resolve("key")));
        assertFalse(Files.exists(data.resolve("key")));
        assertEquals(KEY, PseudonymKey.choose(KEY, "jdbc:postgresql://db/cases", data.resolve("key")));
    }

    @Test
    void aFailureGoesToTheLogWithoutTheValuesItsMessagesQuote() {
        SQLException duplicate = new SQLException("duplicate key: Key (reference)=(KENT-0042) already exists", "23505");
        WithoutValues logged = WithoutValues.of(new IllegalStateException("insert of KENT-0042 failed", duplicate));
        assertEquals("java.lang.IllegalStateException", logged.getMessage());
        assertEquals("java.sql.SQLException (SQLState 23505)", logged.getCause().getMessage());
        assertFalse(logged.toString().contains("KENT-0042"));
    }
}
