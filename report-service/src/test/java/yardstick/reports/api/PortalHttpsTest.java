package yardstick.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import yardstick.platform.testing.GrpcServiceTest;
import yardstick.platform.testing.TestCertificates;

/** Given a certificate and key, the portal's HTTP server serves HTTPS only. */
@MicronautTest(transactional = false, environments = "tls")
class PortalHttpsTest extends GrpcServiceTest {

    private static final TestCertificates CERTIFICATES = TestCertificates.make();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.putAll(CERTIFICATES.properties());
        return properties;
    }

    private URI health(String scheme) {
        return URI.create(scheme + "://localhost:" + context.getBean(EmbeddedServer.class).getPort() + "/health");
    }

    @Test
    void answersHealthOverHttpsToAClientTrustingTheAuthority() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting()).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(health("https")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"UP\""), response.body());
    }

    @Test
    void doesNotAnswerPlainHttp() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThrows(IOException.class, () -> client.send(
                HttpRequest.newBuilder(health("http")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static SSLContext trusting() throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(CERTIFICATES.authority())) {
            trusted.setCertificateEntry("authority", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
