package yardstick.ratings.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.common.v1.CaseCategory;
import yardstick.common.v1.DisposalType;
import yardstick.common.v1.RiskLevel;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.FrameworkServiceGrpc;
import yardstick.ratings.v1.GetFrameworkRequest;
import yardstick.ratings.v1.KeyQuestion;
import yardstick.ratings.v1.ListFrameworksRequest;
import yardstick.ratings.v1.ListFrameworksResponse;
import yardstick.ratings.v1.Standard;
import yardstick.ratings.v1.StandardBasis;

@MicronautTest(transactional = false)
class FrameworkEndpointTest extends GrpcServiceTest {

    private FrameworkServiceGrpc.FrameworkServiceBlockingStub frameworks;

    @BeforeEach
    void stub() {
        frameworks = FrameworkServiceGrpc.newBlockingStub(channel);
    }

    @Test
    void listsBothFrameworkVersionsOldestFirst() {
        ListFrameworksResponse all = frameworks.listFrameworks(ListFrameworksRequest.getDefaultInstance());
        assertEquals(List.of("frameworks/youth-2019", "frameworks/youth-2021"),
                all.getFrameworksList().stream().map(Framework::getName).toList());
        assertEquals("", all.getNextPageToken());
    }

    @Test
    void pagesThroughTheFrameworks() {
        ListFrameworksResponse first = frameworks.listFrameworks(ListFrameworksRequest.newBuilder().setPageSize(1).build());
        assertEquals("frameworks/youth-2019", first.getFrameworks(0).getName());
        assertFalse(first.getNextPageToken().isEmpty());
        ListFrameworksResponse second = frameworks.listFrameworks(
                ListFrameworksRequest.newBuilder().setPageSize(1).setPageToken(first.getNextPageToken()).build());
        assertEquals("frameworks/youth-2021", second.getFrameworks(0).getName());
        assertEquals("", second.getNextPageToken());
    }

    @Test
    void kentsFrameworkRatesJointWorkingOnCasesWithItsSecondQuestionForConditionalCautionsOnly() {
        Framework kent = get("frameworks/youth-2019");
        Standard jointWorking = standard(kent, "3.4");
        assertEquals("Joint working", jointWorking.getName());
        assertEquals(StandardBasis.STANDARD_BASIS_CASE_BASED, jointWorking.getBasis());
        assertEquals(CaseCategory.CASE_CATEGORY_OUT_OF_COURT, jointWorking.getCaseCategory());
        KeyQuestion second = jointWorking.getKeyQuestions(1);
        assertEquals("3.4.2", second.getId());
        assertEquals(List.of(DisposalType.DISPOSAL_TYPE_YOUTH_CONDITIONAL_CAUTION), second.getApplicability().getDisposalTypesList());
        assertTrue(kent.getDomainsList().stream().noneMatch(d -> d.getNumber() == 4), "no separately rated resettlement");
    }

    @Test
    void harrowsFrameworkJudgesOutOfCourtPolicyQualitativelyAndRatesResettlementSeparately() {
        Framework harrow = get("frameworks/youth-2021");
        Standard policy = standard(harrow, "3.4");
        assertEquals("Out-of-court disposal policy and provision", policy.getName());
        assertEquals(StandardBasis.STANDARD_BASIS_QUALITATIVE, policy.getBasis());
        Standard resettlement = standard(harrow, "4.1");
        assertEquals(StandardBasis.STANDARD_BASIS_QUALITATIVE, resettlement.getBasis());
        assertTrue(resettlement.getRatedSeparately());
    }

    @Test
    void carriesEveryCaseBasedKeyQuestionAndPromptOfAnnexeTwo() {
        // Kent's Annexe 2: 23 key questions and 94 prompts; Harrow's: 21 and 95.
        assertEquals(23, caseBasedKeyQuestions(get("frameworks/youth-2019")).size());
        assertEquals(94, caseBasedKeyQuestions(get("frameworks/youth-2019")).stream().mapToInt(KeyQuestion::getPromptsCount).sum());
        assertEquals(21, caseBasedKeyQuestions(get("frameworks/youth-2021")).size());
        assertEquals(95, caseBasedKeyQuestions(get("frameworks/youth-2021")).stream().mapToInt(KeyQuestion::getPromptsCount).sum());
    }

    @Test
    void keepingOtherPeopleSafeInPlanningExcludesLowRiskOfSeriousHarm() {
        KeyQuestion planningOthers = standard(get("frameworks/youth-2019"), "2.2").getKeyQuestions(2);
        assertEquals("2.2.3", planningOthers.getId());
        assertEquals(List.of(RiskLevel.RISK_LEVEL_LOW), planningOthers.getApplicability().getExcludedRiskOfSeriousHarmList());
    }

    @Test
    void anUnknownFrameworkIsNotFound() {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> get("frameworks/youth-1999"));
        assertEquals(Status.Code.NOT_FOUND, error.getStatus().getCode());
        assertTrue(error.getStatus().getDescription().contains("frameworks/youth-1999"));
    }

    @Test
    void aMalformedNameIsAnInvalidArgumentNamingTheField() throws Exception {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> get("youth-2021"));
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
        BadRequest details = StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class);
        assertEquals("name", details.getFieldViolations(0).getField());
    }

    @Test
    void aPageTokenNotIssuedByTheServiceIsRefused() throws Exception {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
                () -> frameworks.listFrameworks(ListFrameworksRequest.newBuilder().setPageToken("forged").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
        BadRequest details = StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class);
        assertEquals("page_token", details.getFieldViolations(0).getField());
    }

    private Framework get(String name) {
        return frameworks.getFramework(GetFrameworkRequest.newBuilder().setName(name).build()).getFramework();
    }

    private static Standard standard(Framework framework, String id) {
        return framework.getDomainsList().stream()
                .flatMap(d -> d.getStandardsList().stream())
                .filter(s -> s.getId().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(framework.getName() + " has no standard " + id));
    }

    private static List<KeyQuestion> caseBasedKeyQuestions(Framework framework) {
        return framework.getDomainsList().stream()
                .flatMap(d -> d.getStandardsList().stream())
                .filter(s -> s.getBasis() == StandardBasis.STANDARD_BASIS_CASE_BASED)
                .flatMap(s -> s.getKeyQuestionsList().stream())
                .toList();
    }
}
