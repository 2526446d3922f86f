package yardstick.reports.app;

import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import yardstick.platform.app.Refused;
import yardstick.platform.identity.Caller;
import yardstick.reports.domain.Authoring;
import yardstick.reports.domain.ReportHistory;
import yardstick.reports.domain.VersionOfReport;
import yardstick.reports.store.FactualAccuracyStore;
import yardstick.reports.store.PublicationStore;
import yardstick.reports.store.ReportStore;
import yardstick.reports.v1.Report;

/** Reading a report, its latest version or a given one, and listing its versions: each only by the staff or its own service. */
@Singleton
public class ReadingReports {

    /** The report {@code name} ("reports/{report}" or "reports/{report}@{version}"): the latest version, or the one given. */
    public record ReadReport(String name, UUID id, Optional<Integer> version) {
    }

    private final ReportStore reports;
    private final FactualAccuracyStore checks;
    private final PublicationStore publications;

    ReadingReports(ReportStore reports, FactualAccuracyStore checks, PublicationStore publications) {
        this.reports = reports;
        this.checks = checks;
        this.publications = publications;
    }

    /** The version asked for, with its etag and whether it is published. */
    public Report report(Caller caller, ReadReport command) {
        Optional<VersionOfReport> version = command.version().isEmpty() ? reports.latest(command.id())
                : reports.version(command.id(), command.version().get());
        VersionOfReport found = version.orElseThrow(() -> new Refused.NotFound(command.name()));
        Report report = parse(found.body(), command.id()).toBuilder().setEtag(Authoring.etag(found.version()))
                .setPublished(found.published()).build();
        InspectedServiceAccess.requireOwn(caller, report.getInspectedService());
        return report;
    }

    /** Every version of the report, newest first. */
    public List<VersionOfReport> versions(Caller caller, ReadReport command) {
        report(caller, new ReadReport(ReportNames.PREFIX + command.id(), command.id(), Optional.empty()));
        List<VersionOfReport> versions = reports.versions(command.id());
        if (versions.isEmpty()) {
            throw new Refused.NotFound(command.name());
        }
        return versions;
    }

    /** The report's history, oldest first: its versions, its factual-accuracy round and its publications. */
    public List<ReportHistory.Event> history(Caller caller, ReadReport command) {
        List<VersionOfReport> versions = versions(caller, command);
        List<VersionOfReport> oldestFirst = new java.util.ArrayList<>(versions);
        java.util.Collections.reverse(oldestFirst);
        return ReportHistory.of(ReportNames.PREFIX + command.id(), oldestFirst, checks.find(command.id()),
                publications.ofReport(command.id()), id -> ReportNames.PUBLICATIONS + id);
    }

    static Report parse(byte[] body, UUID id) {
        try {
            return Report.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("report " + id + " is unreadable", e);
        }
    }
}
