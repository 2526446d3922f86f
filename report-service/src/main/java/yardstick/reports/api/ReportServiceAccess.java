package yardstick.reports.api;

import static yardstick.platform.identity.Role.ADMINISTRATOR;
import static yardstick.platform.identity.Role.INSPECTED_SERVICE;
import static yardstick.platform.identity.Role.INSPECTOR;
import static yardstick.platform.identity.Role.LEAD_INSPECTOR;
import static yardstick.platform.identity.Role.PUBLISHER;
import static yardstick.platform.identity.Role.RATINGS_PANEL;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import yardstick.audit.v1.AuditServiceGrpc;
import yardstick.platform.identity.AccessRules;
import yardstick.reports.v1.ImprovementPlanServiceGrpc;
import yardstick.reports.v1.ReportServiceGrpc;

/**
 * Who may call report-service. An inspected service's people reach only their own service's
 * reports and plan: see {@code yardstick.reports.app.InspectedServiceAccess}. No neighbour calls report-service.
 */
@Factory
class ReportServiceAccess {

    @Singleton
    AccessRules accessRules() {
        return AccessRules.builder()
                .allow(ReportServiceGrpc.getCreateReportMethod(), "reports.draft", LEAD_INSPECTOR)
                .allow(ReportServiceGrpc.getGetReportMethod(), "reports.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, PUBLISHER, INSPECTED_SERVICE, ADMINISTRATOR)
                .allow(ReportServiceGrpc.getUpdateReportMethod(), "reports.draft", LEAD_INSPECTOR, PUBLISHER)
                .allow(ReportServiceGrpc.getListReportVersionsMethod(), "reports.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, PUBLISHER, INSPECTED_SERVICE, ADMINISTRATOR)
                .allow(ReportServiceGrpc.getRenderReportMethod(), "reports.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, PUBLISHER, INSPECTED_SERVICE, ADMINISTRATOR)
                .allow(ReportServiceGrpc.getStreamReportRenditionMethod(), "reports.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, PUBLISHER, INSPECTED_SERVICE, ADMINISTRATOR)
                .allow(ReportServiceGrpc.getPublishReportMethod(), "reports.publish", PUBLISHER)
                .allow(ReportServiceGrpc.getRefreshReportFiguresMethod(), "reports.draft", LEAD_INSPECTOR, PUBLISHER)
                .allow(ReportServiceGrpc.getSendForFactualAccuracyCheckMethod(), "reports.check.send", LEAD_INSPECTOR)
                .allow(ReportServiceGrpc.getGetFactualAccuracyCheckMethod(), "reports.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, PUBLISHER, INSPECTED_SERVICE, ADMINISTRATOR)
                .allow(ReportServiceGrpc.getCreateFactualAccuracyCommentMethod(), "reports.check.comment", INSPECTED_SERVICE)
                .allow(ReportServiceGrpc.getAnswerFactualAccuracyCommentMethod(), "reports.draft", LEAD_INSPECTOR, PUBLISHER)
                .allow(ReportServiceGrpc.getReturnFactualAccuracyCheckMethod(), "reports.check.comment", INSPECTED_SERVICE)
                .allow(ReportServiceGrpc.getListReportEventsMethod(), "reports.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, PUBLISHER, INSPECTED_SERVICE, ADMINISTRATOR)
                .allow(ImprovementPlanServiceGrpc.getCreatePlanMethod(), "plans.write", INSPECTED_SERVICE)
                .allow(ImprovementPlanServiceGrpc.getGetPlanMethod(), "plans.read", INSPECTED_SERVICE, LEAD_INSPECTOR, PUBLISHER, ADMINISTRATOR)
                .allow(ImprovementPlanServiceGrpc.getCreateObjectiveMethod(), "plans.write", INSPECTED_SERVICE)
                .allow(ImprovementPlanServiceGrpc.getCreateActionMethod(), "plans.write", INSPECTED_SERVICE)
                .allow(ImprovementPlanServiceGrpc.getUpdateActionMethod(), "plans.write", INSPECTED_SERVICE)
                .allow(ImprovementPlanServiceGrpc.getChangeActionStatusMethod(), "plans.write", INSPECTED_SERVICE)
                .allow(ImprovementPlanServiceGrpc.getAddEvidenceMethod(), "plans.write", INSPECTED_SERVICE)
                .allow(ImprovementPlanServiceGrpc.getEraseOwnerDisplayNameMethod(), "plans.write", INSPECTED_SERVICE, ADMINISTRATOR)
                .allow(ImprovementPlanServiceGrpc.getSubmitPlanMethod(), "plans.write", INSPECTED_SERVICE)
                .allow(ImprovementPlanServiceGrpc.getListPlanEventsMethod(), "plans.read", INSPECTED_SERVICE, LEAD_INSPECTOR, PUBLISHER, ADMINISTRATOR)
                .allow(ImprovementPlanServiceGrpc.getRenderPlanMethod(), "plans.read", INSPECTED_SERVICE, LEAD_INSPECTOR, PUBLISHER, ADMINISTRATOR)
                .allow(ImprovementPlanServiceGrpc.getStreamPlanRenditionMethod(), "plans.read", INSPECTED_SERVICE, LEAD_INSPECTOR, PUBLISHER, ADMINISTRATOR)
                .allow(AuditServiceGrpc.getListAuditEventsMethod(), "audit.read", LEAD_INSPECTOR, ADMINISTRATOR)
                .build();
    }
}
