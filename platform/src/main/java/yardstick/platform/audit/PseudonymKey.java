package yardstick.platform.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the audit log's pseudonym key comes from: {@code yardstick.audit.pseudonym-key}
 * ({@code YARDSTICK_AUDIT_KEY}) when set. In local mode (the embedded database) without it, a key
 * is made once and kept in a file beside the service's data, so that pseudonyms stay linkable
 * across restarts: a key made afresh at each start would make yesterday's entries unsearchable.
 * A deployed service (given a database URL) must be given its key.
 */
final class PseudonymKey {

    private PseudonymKey() {
    }

    static String choose(String configuredKey, String databaseUrl, Path keyFile) {
        if (!configuredKey.isBlank()) {
            return configuredKey.trim();
        }
        if (!databaseUrl.isBlank()) {
            throw new IllegalStateException("a database URL is configured but no audit pseudonym key: set YARDSTICK_AUDIT_KEY "
                    + "(at least 32 characters, a secret of this service's); only local mode keeps its key in a file");
        }
        return fromFile(keyFile);
    }

    /** The key kept in {@code keyFile}, made (32 random bytes, readable by the owner only) if it is not there. */
    static String fromFile(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                try {
                    Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(keyFile, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException another) {
                    // Made meanwhile by another start: that one is the key.
                }
            }
            return Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the audit pseudonym key in " + keyFile, e);
        }
    }
}
