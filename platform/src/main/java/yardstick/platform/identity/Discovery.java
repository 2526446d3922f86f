package yardstick.platform.identity;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

/** The issuer's OpenID discovery document ({@code /.well-known/openid-configuration}), read when first needed. */
record Discovery(String jwksUri, String tokenEndpoint) {

    static Discovery of(String issuer) {
        URI uri = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            Map<String, Object> document = JSONObjectUtils.parse(response.body());
            if (!issuer.equals(document.get("issuer"))) {
                throw new IllegalStateException(uri + " names another issuer: " + document.get("issuer"));
            }
            return new Discovery((String) document.get("jwks_uri"), (String) document.get("token_endpoint"));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("could not read " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + uri, e);
        }
    }
}
