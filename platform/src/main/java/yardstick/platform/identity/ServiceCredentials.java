package yardstick.platform.identity;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The service's own identity on calls to its neighbours: an access token from the identity
 * provider by the client credentials grant (RFC 6749, 4.4), kept until shortly before it expires.
 */
public final class ServiceCredentials extends CallCredentials {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final IdentitySettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;
    /** Read from the issuer's discovery document once, when first needed, unless configured. */
    private URI tokenEndpoint;

    public ServiceCredentials(IdentitySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void applyRequestMetadata(RequestInfo requestInfo, Executor executor, MetadataApplier applier) {
        executor.execute(() -> {
            try {
                Metadata headers = new Metadata();
                headers.put(IdentityInterceptor.AUTHORIZATION, "Bearer " + token());
                applier.apply(headers);
            } catch (RuntimeException e) {
                applier.fail(Status.UNAVAILABLE.withDescription("no token for this service's own identity: " + e.getMessage()));
            }
        });
    }

    /** A current access token, fetched again when the last is about to expire. */
    public synchronized String token() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&scope=" + encode("openid " + settings.getAudience());
        String basic = Base64.getEncoder().encodeToString(
                (encode(settings.getClientId()) + ":" + encode(settings.getClientSecret())).getBytes(StandardCharsets.UTF_8));
        if (tokenEndpoint == null) {
            tokenEndpoint = URI.create(settings.tokenUrlOrDiscovered());
        }
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the token endpoint answered " + response.statusCode());
            }
            Map<String, Object> body = JSONObjectUtils.parse(response.body());
            Instant now = clock.instant();
            token = (String) body.get("access_token");
            Number expiresIn = (Number) body.getOrDefault("expires_in", 60);
            renewAt = now.plusSeconds(expiresIn.longValue()).minus(RENEW_BEFORE_EXPIRY);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("the token endpoint could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
