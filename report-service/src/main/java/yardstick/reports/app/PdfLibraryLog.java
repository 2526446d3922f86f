package yardstick.reports.app;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's diagnostics through the service's own log (SLF4J: its format, text or JSON, its levels), not
 * printed to standard error in a format of the library's own. Its warnings and errors stay warnings and errors;
 * its information (timings, mostly) is debug.
 */
final class PdfLibraryLog implements XRLogger {

    private PdfLibraryLog() {
    }

    /** Once, before the library logs anything. */
    static void install() {
        if (!(XRLog.getLoggerImpl() instanceof PdfLibraryLog)) {
            XRLog.setLoggerImpl(new PdfLibraryLog());
        }
    }

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        Logger logger = LoggerFactory.getLogger(where);
        if (level.intValue() >= Level.SEVERE.intValue()) {
            logger.error(message, error);
        } else if (level.intValue() >= Level.WARNING.intValue()) {
            logger.warn(message, error);
        } else {
            logger.debug(message, error);
        }
    }

    @Override
    public void setLevel(String where, Level level) {
        // the service's logback configuration sets the levels
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger("com.openhtmltopdf");
        int level = diagnostic.getLevel().intValue();
        return level >= Level.WARNING.intValue() ? logger.isWarnEnabled() : logger.isDebugEnabled();
    }
}
