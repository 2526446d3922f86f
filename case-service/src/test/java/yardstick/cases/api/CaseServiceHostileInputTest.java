package yardstick.cases.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.rpc.BadRequest;
import com.google.type.Date;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import yardstick.cases.peers.RatingServiceClient;
import yardstick.cases.v1.CreateInspectionRequest;
import yardstick.cases.v1.EligibleCase;
import yardstick.cases.v1.ImportCasesRequest;
import yardstick.cases.v1.ImportCasesResponse;
import yardstick.cases.v1.Inspection;
import yardstick.cases.v1.InspectionState;
import yardstick.cases.v1.UpdateInspectionRequest;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.PopulationServiceGrpc;
import yardstick.common.v1.CaseCategory;
import yardstick.common.v1.DisposalType;
import yardstick.common.v1.EthnicityGroup;
import yardstick.common.v1.Gender;
import yardstick.common.v1.RiskLevel;
import yardstick.platform.testing.HostileInputChecks;
import yardstick.ratings.v1.Domain;
import yardstick.ratings.v1.Framework;
import yardstick.ratings.v1.KeyQuestion;
import yardstick.ratings.v1.Prompt;
import yardstick.ratings.v1.Standard;
import yardstick.ratings.v1.StandardBasis;

/**
 * case-service answers a thousand malformed and oversized requests (broken rows in imports among
 * them) cleanly, stays healthy, and stores none of them.
 */
@MicronautTest(transactional = false)
class CaseServiceHostileInputTest extends HostileInputChecks {

    private static final String FRAMEWORK = "frameworks/youth-2021";

    /** rating-service as far as these requests need it: one framework of one case-based key question. */
    @MockBean(RatingServiceClient.class)
    RatingServiceClient ratingService() {
        return new OneFramework();
    }

    static class OneFramework extends RatingServiceClient {

        OneFramework() {
            super(null);
        }

        @Override
        public Optional<Framework> framework(String name) {
            if (!name.equals(FRAMEWORK)) {
                return Optional.empty();
            }
            return Optional.of(Framework.newBuilder().setName(FRAMEWORK).addDomains(Domain.newBuilder().setNumber(2)
                    .addStandards(Standard.newBuilder().setId("2.1").setBasis(StandardBasis.STANDARD_BASIS_CASE_BASED)
                            .setCaseCategory(CaseCategory.CASE_CATEGORY_COURT)
                            .addKeyQuestions(KeyQuestion.newBuilder().setId("2.1.1").addPrompts(Prompt.newBuilder().setLetter("a")))))
                    .build());
        }
    }

    @Override
    protected List<String> knownNames() {
        Inspection inspection = InspectionServiceGrpc.newBlockingStub(channel).createInspection(CreateInspectionRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setInspection(Inspection.newBuilder().setInspectedService(InspectedServices.registered(channel, "kent", "Kent Youth Justice Service").getName())
                        .setFramework(FRAMEWORK)
                        .setFieldworkStart(Date.newBuilder().setYear(2021).setMonth(6).setDay(7))
                        .setFieldworkEnd(Date.newBuilder().setYear(2021).setMonth(6).setDay(18)))
                .build()).getInspection();
        // The population is imported while the inspection is sampling.
        inspection = InspectionServiceGrpc.newBlockingStub(channel).updateInspection(UpdateInspectionRequest.newBuilder()
                .setInspection(Inspection.newBuilder().setName(inspection.getName()).setEtag(inspection.getEtag())
                        .setState(InspectionState.INSPECTION_STATE_SAMPLING))
                .setUpdateMask(FieldMask.newBuilder().addPaths("state")).build()).getInspection();
        importCases(inspection.getName());
        return List.of(inspection.getName(), inspection.getName() + "/cases/YJS-00001", inspection.getName() + "/cases/YJS-00002");
    }

    @Test
    void anImportPastItsBoundIsRefusedAsItArrivesNotAtItsEnd() throws Exception {
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        StreamObserver<ImportCasesRequest> upload = PopulationServiceGrpc.newStub(channel).importCases(new StreamObserver<>() {
            @Override
            public void onNext(ImportCasesResponse value) {
                refused.completeExceptionally(new AssertionError("imported " + value.getImported()));
            }

            @Override
            public void onError(Throwable t) {
                refused.complete(t);
            }

            @Override
            public void onCompleted() {
            }
        });
        ImportCasesRequest.Builder batch = ImportCasesRequest.newBuilder().setInspection("inspections/" + UUID.randomUUID());
        EligibleCase row = EligibleCase.newBuilder().setReference("YJS-00001").setCategory(CaseCategory.CASE_CATEGORY_COURT).build();
        for (int i = 0; i < 10_000; i++) {
            batch.addCases(row);
        }
        ImportCasesRequest tenThousand = batch.build();
        // Past the bound of 250,000 cases, and never half-closed: the service must not wait for the end of an upload it will refuse.
        for (int sent = 0; sent <= 250_000 && !refused.isDone(); sent += 10_000) {
            upload.onNext(tenThousand);
        }
        Throwable error = refused.get(60, TimeUnit.SECONDS);
        upload.onError(new IllegalStateException("done"));

        assertEquals(Status.Code.INVALID_ARGUMENT, Status.fromThrowable(error).getCode(), error.toString());
        BadRequest details = StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class);
        assertEquals("cases", details.getFieldViolations(0).getField());
        assertTrue(details.getFieldViolations(0).getDescription().contains("at most 250000 cases"), details.toString());
    }

    private void importCases(String inspection) {
        ImportCasesRequest.Builder batch = ImportCasesRequest.newBuilder().setInspection(inspection);
        for (int i = 1; i <= 3; i++) {
            batch.addCases(EligibleCase.newBuilder().setReference("YJS-0000" + i).setCategory(CaseCategory.CASE_CATEGORY_COURT)
                    .setDisposalType(DisposalType.DISPOSAL_TYPE_REFERRAL_ORDER)
                    .setDisposalDate(Date.newBuilder().setYear(2021).setMonth(1).setDay(10 + i))
                    .setGender(Gender.GENDER_MALE).setAge(15).setEthnicity(EthnicityGroup.ETHNICITY_GROUP_WHITE)
                    .setRiskOfSeriousHarm(RiskLevel.RISK_LEVEL_LOW).setSafetyAndWellbeing(RiskLevel.RISK_LEVEL_MEDIUM)
                    .setCaseManager("CM-0" + i));
        }
        PopulationImports.importCases(channel, batch.build());
    }
}
