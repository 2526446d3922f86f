package yardstick.ratings.api;

import static yardstick.platform.identity.Role.ADMINISTRATOR;
import static yardstick.platform.identity.Role.CASE_SERVICE;
import static yardstick.platform.identity.Role.INSPECTED_SERVICE;
import static yardstick.platform.identity.Role.INSPECTOR;
import static yardstick.platform.identity.Role.INTEGRATION;
import static yardstick.platform.identity.Role.LEAD_INSPECTOR;
import static yardstick.platform.identity.Role.PUBLISHER;
import static yardstick.platform.identity.Role.RATINGS_PANEL;
import static yardstick.platform.identity.Role.REPORT_SERVICE;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import yardstick.audit.v1.AuditServiceGrpc;
import yardstick.platform.identity.AccessRules;
import yardstick.ratings.v1.FrameworkServiceGrpc;
import yardstick.ratings.v1.RatingServiceGrpc;

/**
 * Who may call rating-service. The frameworks are the published method: anyone signed in reads
 * them. case-service reads frameworks; report-service frameworks and snapshots.
 */
@Factory
class RatingServiceAccess {

    @Singleton
    AccessRules accessRules() {
        return AccessRules.builder()
                .allow(FrameworkServiceGrpc.getListFrameworksMethod(), "frameworks.read", INSPECTOR, LEAD_INSPECTOR,
                        RATINGS_PANEL, PUBLISHER, INSPECTED_SERVICE, ADMINISTRATOR, INTEGRATION, CASE_SERVICE, REPORT_SERVICE)
                .allow(FrameworkServiceGrpc.getGetFrameworkMethod(), "frameworks.read", INSPECTOR, LEAD_INSPECTOR,
                        RATINGS_PANEL, PUBLISHER, INSPECTED_SERVICE, ADMINISTRATOR, INTEGRATION, CASE_SERVICE, REPORT_SERVICE)
                .allow(RatingServiceGrpc.getCalculateRatingsMethod(), "ratings.calculate", INTEGRATION, LEAD_INSPECTOR, RATINGS_PANEL)
                .allow(RatingServiceGrpc.getRecordQualitativeRatingMethod(), "ratings.qualitative", LEAD_INSPECTOR)
                .allow(RatingServiceGrpc.getRecordDiscretionDecisionMethod(), "ratings.discretion", RATINGS_PANEL)
                .allow(RatingServiceGrpc.getWithdrawQualitativeRatingMethod(), "ratings.qualitative", LEAD_INSPECTOR)
                .allow(RatingServiceGrpc.getWithdrawDiscretionDecisionMethod(), "ratings.discretion", RATINGS_PANEL)
                .allow(RatingServiceGrpc.getListQualitativeRatingsMethod(), "ratings.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, PUBLISHER, REPORT_SERVICE)
                .allow(RatingServiceGrpc.getListDiscretionDecisionsMethod(), "ratings.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, PUBLISHER, REPORT_SERVICE)
                .allow(RatingServiceGrpc.getComputeRatingsMethod(), "ratings.compute", LEAD_INSPECTOR, RATINGS_PANEL)
                .allow(RatingServiceGrpc.getGetRatingSnapshotMethod(), "ratings.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, PUBLISHER, REPORT_SERVICE)
                .allow(RatingServiceGrpc.getListRatingSnapshotsMethod(), "ratings.read",
                        INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, PUBLISHER, REPORT_SERVICE)
                .allow(AuditServiceGrpc.getListAuditEventsMethod(), "audit.read", LEAD_INSPECTOR, ADMINISTRATOR)
                .build();
    }
}
