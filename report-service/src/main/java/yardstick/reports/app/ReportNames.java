package yardstick.reports.app;

/** How the contract names reports and publications. */
public final class ReportNames {

    public static final String PREFIX = "reports/";
    public static final String PUBLICATIONS = "publications/";

    private ReportNames() {
    }
}
