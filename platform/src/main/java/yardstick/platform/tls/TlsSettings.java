package yardstick.platform.tls;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code yardstick.tls.*}: transport security. A service serves TLS only when given its
 * certificate chain and private key ({@code YARDSTICK_TLS_CERT}, {@code YARDSTICK_TLS_KEY}, PEM
 * files); its peer clients speak TLS trusting {@code YARDSTICK_TLS_TRUST} (a PEM bundle of
 * certificate authorities) when it is set. Nothing set is plaintext, as in local mode.
 */
@ConfigurationProperties("yardstick.tls")
public class TlsSettings {

    private String cert = "";
    private String key = "";
    private String trust = "";

    public String getCert() {
        return cert;
    }

    public void setCert(String cert) {
        this.cert = blankIfNull(cert);
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = blankIfNull(key);
    }

    public String getTrust() {
        return trust;
    }

    public void setTrust(String trust) {
        this.trust = blankIfNull(trust);
    }

    /**
     * Whether the service's servers serve TLS. Half a configuration, or a file that cannot be read,
     * stops the service rather than letting it fall back to plaintext.
     */
    public boolean serves() {
        if (cert.isEmpty() && key.isEmpty()) {
            return false;
        }
        if (cert.isEmpty() || key.isEmpty()) {
            throw new IllegalStateException("TLS needs both YARDSTICK_TLS_CERT and YARDSTICK_TLS_KEY (yardstick.tls.cert and .key); only "
                    + (cert.isEmpty() ? "the key" : "the certificate") + " is set");
        }
        readable(cert, "certificate chain");
        readable(key, "private key");
        return true;
    }

    public Path certificateChain() {
        return Path.of(cert);
    }

    public Path privateKey() {
        return Path.of(key);
    }

    /** The PEM bundle of certificate authorities peer clients trust, when one is configured. */
    public Optional<Path> trustedAuthorities() {
        if (trust.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(readable(trust, "trusted certificate authorities"));
    }

    private static Path readable(String file, String what) {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("TLS " + what + " " + path.toAbsolutePath() + " cannot be read");
        }
        return path;
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value.trim();
    }
}
