package yardstick.identity;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The local identity provider as a program of its own: what the compose stack's local mode runs in
 * a container ({@code yardstick/local-identity}), so that the services in their containers and
 * {@code ./yardstick demo} on the host sign in at one provider. It listens on every interface of
 * its container, on {@code YARDSTICK_IDP_PORT} (8090), and its tokens name
 * {@code YARDSTICK_IDP_ISSUER}: the containers reach it by its network name and the host at
 * localhost, yet the services must see one issuer. Local users only: never for a deployment.
 * {@code probe} is its container health check.
 */
public final class LocalIdentityServer {

    private LocalIdentityServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> environment = System.getenv();
        int port = Integer.parseInt(environment.getOrDefault("YARDSTICK_IDP_PORT", "8090"));
        if (args.length > 0 && args[0].equals("probe")) {
            System.exit(answers("http://localhost:" + port + "/" + LocalDirectory.ISSUER_ID + "/jwks") ? 0 : 1);
        }
        Optional<String> issuer = Optional.ofNullable(environment.get("YARDSTICK_IDP_ISSUER")).filter(i -> !i.isBlank());
        LocalIdentityProvider provider = LocalIdentityProvider.start(InetAddress.getByAddress(new byte[4]), port, issuer);
        System.out.println("Local identity provider on port " + provider.port() + ", issuer " + provider.issuer());
        Runtime.getRuntime().addShutdownHook(new Thread(provider::close, "local-identity-stop"));
        Thread.currentThread().join();
    }

    static boolean answers(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
