package yardstick.cases.api;

import static yardstick.platform.identity.Role.ADMINISTRATOR;
import static yardstick.platform.identity.Role.INSPECTED_SERVICE;
import static yardstick.platform.identity.Role.INSPECTOR;
import static yardstick.platform.identity.Role.INTEGRATION;
import static yardstick.platform.identity.Role.LEAD_INSPECTOR;
import static yardstick.platform.identity.Role.PUBLISHER;
import static yardstick.platform.identity.Role.RATINGS_PANEL;
import static yardstick.platform.identity.Role.RATING_SERVICE;
import static yardstick.platform.identity.Role.REPORT_SERVICE;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import yardstick.audit.v1.AuditServiceGrpc;
import yardstick.cases.v1.FieldworkServiceGrpc;
import yardstick.cases.v1.InspectedServiceServiceGrpc;
import yardstick.cases.v1.InspectionServiceGrpc;
import yardstick.cases.v1.JudgementServiceGrpc;
import yardstick.cases.v1.PopulationServiceGrpc;
import yardstick.cases.v1.SamplingServiceGrpc;
import yardstick.platform.identity.AccessRules;

/**
 * Who may call case-service. Case data (population, sample, judgements, tallies) is further kept
 * to the inspection's team, the ratings panel and the neighbouring services: see {@code app.InspectionAccess}.
 * rating-service reads inspections and tallies; report-service those and the plan, sample and population summary.
 * The register of inspected services is kept by the administrator and read by every signed-in person and by report-service.
 */
@Factory
class CaseServiceAccess {

    @Singleton
    AccessRules accessRules() {
        return AccessRules.builder()
                .allow(InspectionServiceGrpc.getCreateInspectionMethod(), "inspections.create", LEAD_INSPECTOR)
                .allow(InspectionServiceGrpc.getGetInspectionMethod(), "inspections.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, PUBLISHER, ADMINISTRATOR, RATING_SERVICE, REPORT_SERVICE)
                .allow(InspectionServiceGrpc.getListInspectionsMethod(), "inspections.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, PUBLISHER, ADMINISTRATOR)
                .allow(InspectionServiceGrpc.getUpdateInspectionMethod(), "inspections.manage", LEAD_INSPECTOR)
                .allow(InspectionServiceGrpc.getPurgeExpiredCaseDataMethod(), "retention.purge", ADMINISTRATOR)
                .allow(PopulationServiceGrpc.getImportCasesMethod(), "population.import", LEAD_INSPECTOR)
                .allow(PopulationServiceGrpc.getGetPopulationSummaryMethod(), "cases.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, REPORT_SERVICE)
                .allow(SamplingServiceGrpc.getPlanSampleMethod(), "sampling.manage", LEAD_INSPECTOR)
                .allow(SamplingServiceGrpc.getGetSamplePlanMethod(), "cases.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, REPORT_SERVICE)
                .allow(SamplingServiceGrpc.getDrawSampleMethod(), "sampling.manage", LEAD_INSPECTOR)
                .allow(SamplingServiceGrpc.getGetSampleMethod(), "cases.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, REPORT_SERVICE)
                .allow(SamplingServiceGrpc.getReplaceSampledCaseMethod(), "sampling.manage", LEAD_INSPECTOR)
                .allow(JudgementServiceGrpc.getGetCaseJudgementsMethod(), "cases.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL)
                .allow(JudgementServiceGrpc.getUpdateCaseJudgementsMethod(), "judgements.write", INSPECTOR)
                .allow(JudgementServiceGrpc.getSubmitCaseJudgementsMethod(), "judgements.write", INSPECTOR)
                .allow(JudgementServiceGrpc.getGetJudgementTalliesMethod(), "cases.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, RATING_SERVICE, REPORT_SERVICE)
                .allow(FieldworkServiceGrpc.getAssignCasesMethod(), "fieldwork.assign", LEAD_INSPECTOR)
                .allow(FieldworkServiceGrpc.getGetWorkloadMethod(), "cases.read", INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL)
                .allow(FieldworkServiceGrpc.getPickCasesForModerationMethod(), "moderation.select", LEAD_INSPECTOR)
                .allow(FieldworkServiceGrpc.getDrawModerationSampleMethod(), "moderation.select", LEAD_INSPECTOR)
                .allow(FieldworkServiceGrpc.getGetModerationSampleMethod(), "cases.read", INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL)
                .allow(FieldworkServiceGrpc.getModerateCaseMethod(), "judgements.moderate", INSPECTOR, LEAD_INSPECTOR)
                .allow(InspectedServiceServiceGrpc.getCreateInspectedServiceMethod(), "register.manage", ADMINISTRATOR)
                .allow(InspectedServiceServiceGrpc.getRenameInspectedServiceMethod(), "register.manage", ADMINISTRATOR)
                .allow(InspectedServiceServiceGrpc.getGetInspectedServiceMethod(), "register.read", INSPECTOR, LEAD_INSPECTOR,
                        RATINGS_PANEL, PUBLISHER, INSPECTED_SERVICE, ADMINISTRATOR, INTEGRATION, REPORT_SERVICE)
                .allow(InspectedServiceServiceGrpc.getListInspectedServicesMethod(), "register.read", INSPECTOR, LEAD_INSPECTOR,
                        RATINGS_PANEL, PUBLISHER, INSPECTED_SERVICE, ADMINISTRATOR, INTEGRATION, REPORT_SERVICE)
                .allow(AuditServiceGrpc.getListAuditEventsMethod(), "audit.read", LEAD_INSPECTOR, ADMINISTRATOR)
                .build();
    }
}
