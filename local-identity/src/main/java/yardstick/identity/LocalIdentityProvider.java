package yardstick.identity;

import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * A real OpenID Connect provider on loopback (discovery, JWKS, token endpoint), signing with keys
 * of its own made at start, with {@link LocalDirectory}'s users. What {@code ./yardstick up}
 * starts and what the tests sign in with; a deployment names its own provider instead.
 */
public final class LocalIdentityProvider implements AutoCloseable {

    private final MockOAuth2Server server;
    private final Optional<String> fixedIssuer;

    private LocalIdentityProvider(MockOAuth2Server server, Optional<String> fixedIssuer) {
        this.server = server;
        this.fixedIssuer = fixedIssuer;
    }

    /** Starts on loopback; port 0 takes a free one. */
    public static LocalIdentityProvider start(int port) {
        return start(InetAddress.getLoopbackAddress(), port, Optional.empty());
    }

    /**
     * Starts on {@code address}; with {@code fixedIssuer}, every token names that issuer, at whatever
     * address it was asked for (else the address asked at, as in {@link #start(int)}).
     */
    public static LocalIdentityProvider start(InetAddress address, int port, Optional<String> fixedIssuer) {
        OAuth2TokenProvider tokens = new OAuth2TokenProvider(new KeyProvider(), Instant::now);
        OAuth2Config config = new OAuth2Config(false, null, null, false, tokens, Set.of(new LocalDirectory(fixedIssuer)));
        MockOAuth2Server server = new MockOAuth2Server(config);
        try {
            server.start(address, port);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the local identity provider could not listen on port " + port + ": " + e.getMessage(), e);
        }
        return new LocalIdentityProvider(server, fixedIssuer);
    }

    /** The issuer, as the tokens' {@code iss} names it. */
    public String issuer() {
        return fixedIssuer.orElseGet(() -> server.issuerUrl(LocalDirectory.ISSUER_ID).toString());
    }

    public String jwksUrl() {
        return server.jwksUrl(LocalDirectory.ISSUER_ID).toString();
    }

    public String tokenUrl() {
        return server.tokenEndpointUrl(LocalDirectory.ISSUER_ID).toString();
    }

    public int port() {
        return server.baseUrl().port();
    }

    /**
     * The environment a service needs to trust this provider and to sign in as itself
     * ({@code YARDSTICK_OIDC_*}); each service's client id is its own name by default.
     */
    public Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("YARDSTICK_OIDC_ISSUER", issuer());
        environment.put("YARDSTICK_OIDC_JWKS_URL", jwksUrl());
        environment.put("YARDSTICK_OIDC_TOKEN_URL", tokenUrl());
        environment.put("YARDSTICK_OIDC_AUDIENCE", LocalDirectory.AUDIENCE);
        return environment;
    }

    /** A client for this provider's token endpoint. */
    public TokenClient tokens() {
        return new TokenClient(tokenUrl());
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
