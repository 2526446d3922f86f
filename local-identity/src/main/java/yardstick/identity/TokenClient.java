package yardstick.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in at a provider's token endpoint and answers the bearer token, as any OAuth 2 client would. */
public final class TokenClient {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String CLIENT = "yardstick-cli";

    private final String tokenUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TokenClient(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    /** A local user's token (password grant), with the user's own roles. */
    public String signIn(String subject) {
        return request("grant_type=password&username=" + encode(subject) + "&password=local&scope=openid", CLIENT);
    }

    /** A token for {@code subject} holding {@code roles}, the subject made up if the directory does not know it. */
    public String signIn(String subject, String... roles) {
        StringBuilder scope = new StringBuilder("openid");
        for (String role : roles) {
            scope.append(' ').append(LocalDirectory.ROLE_SCOPE_PREFIX).append(role);
        }
        return request("grant_type=password&username=" + encode(subject) + "&password=local&scope=" + encode(scope.toString()), CLIENT);
    }

    /** The token of the default local user holding {@code role}. */
    public String signInAs(String role) {
        LocalUser user = LocalDirectory.defaultUserFor(role)
                .orElseThrow(() -> new IllegalArgumentException("no local user holds the role " + role));
        return signIn(user.subject());
    }

    /** A system's own token, by the client credentials grant. */
    public String clientCredentials(String clientId) {
        return request("grant_type=client_credentials&scope=openid", clientId);
    }

    private String request(String form, String clientId) {
        String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":local").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                // The first answer of a provider just started includes making its signing key: seconds on a busy machine.
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException(tokenUrl + " answered " + response.statusCode() + ": " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach the identity provider at " + tokenUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
