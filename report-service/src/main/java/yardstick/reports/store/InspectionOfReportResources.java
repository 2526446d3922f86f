package yardstick.reports.store;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import yardstick.platform.audit.InspectionOfResource;
import yardstick.platform.store.Jdbc;

/**
 * The inspection of report-service's resources, for the audit log: a report's
 * ({@code reports/{id}}, any version), a publication's, and a plan's or its parts' (through the
 * publication it answers). A name that is malformed or names nothing stored belongs to none.
 */
@Singleton
class InspectionOfReportResources implements InspectionOfResource {

    private static final Pattern NAME = Pattern.compile("^(reports|publications|plans)/([0-9a-fA-F-]{36})(?:[/@].*)?$");

    private final Jdbc jdbc;

    InspectionOfReportResources(@Named("default") DataSource dataSource) {
        // The pool itself: the audit trail asks outside any transaction, and after a failed one.
        this.jdbc = new Jdbc(DelegatingDataSource.unwrapDataSource(dataSource));
    }

    @Override
    public Optional<String> inspectionOf(String resourceName) {
        Optional<String> named = InspectionOfResource.named(resourceName);
        if (named.isPresent()) {
            return named;
        }
        Matcher matcher = NAME.matcher(resourceName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(matcher.group(2));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String sql = switch (matcher.group(1)) {
            case "reports" -> "select inspection from report where id = ?";
            case "publications" -> "select inspection from publication where id = ?";
            default -> "select p.inspection from improvement_plan i join publication p on p.id = i.publication_id where i.id = ?";
        };
        List<String> found = jdbc.query(sql, row -> row.getString(1), id);
        return found.stream().findFirst();
    }
}
