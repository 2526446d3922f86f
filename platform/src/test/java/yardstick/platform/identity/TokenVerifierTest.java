package yardstick.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yardstick.identity.LocalIdentityProvider;

/**
 * Bearer tokens as an attacker or a careless client would send them: each refused, and a token
 * signed by a key the issuer published after the service started accepted without restart.
 * The issuer's key set is served over real HTTP, as an identity provider's is.
 */
class TokenVerifierTest {

    private static final String ISSUER = "https://idp.example/yardstick";

    private final AtomicReference<String> published = new AtomicReference<>();
    private HttpServer jwks;
    private RSAKey key;
    private TokenVerifier verifier;

    @BeforeEach
    void publishOneKey() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("first").generate();
        published.set(new JWKSet(key.toPublicJWK()).toString());
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/jwks", exchange -> {
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        IdentitySettings settings = new IdentitySettings();
        settings.setIssuer(ISSUER);
        settings.setJwksUrl("http://localhost:" + jwks.getAddress().getPort() + "/jwks");
        settings.setAudience("yardstick");
        settings.setJwksMinimumRefetch(Duration.ZERO);
        verifier = new TokenVerifier(settings);
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience("yardstick")
                .subject("inspector-7")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("roles", List.of("inspector", "ratings-panel", "no-such-role"));
    }

    private static String signed(RSAKey by, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(by.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(by));
        return jwt.serialize();
    }

    private String refusal(String token) {
        return assertThrows(TokenVerifier.InvalidToken.class, () -> verifier.verify(token)).getMessage();
    }

    @Test
    void aGoodTokenNamesItsSubjectAndTheRolesTheSuiteKnows() throws Exception {
        Caller caller = verifier.verify(signed(key, claims().build()));
        assertEquals("inspector-7", caller.subject());
        assertEquals(Set.of(Role.INSPECTOR, Role.RATINGS_PANEL), caller.roles());
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        String message = refusal(signed(key, claims().issueTime(Date.from(past.minusSeconds(60)))
                .notBeforeTime(Date.from(past.minusSeconds(60))).expirationTime(Date.from(past)).build()));
        assertTrue(message.contains("xpired"), message);
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        String message = refusal(signed(key, claims().notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build()));
        assertTrue(message.contains("before"), message);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        refusal(signed(key, claims().issuer("https://elsewhere.example/").build()));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        refusal(signed(key, claims().audience("another-system").build()));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String message = refusal(new PlainJWT(claims().build()).serialize());
        assertTrue(message.contains("signature") || message.contains("Unsecured") || message.contains("unsecured"), message);
    }

    @Test
    void aTokenSignedByAnUnpublishedKeyIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("first").generate();
        refusal(signed(stranger, claims().build()));
        RSAKey unknownId = new RSAKeyGenerator(2048).keyID("never-published").generate();
        refusal(signed(unknownId, claims().build()));
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        // The classic confusion: HS256 with the issuer's public key as the shared secret.
        byte[] secret = key.toPublicJWK().toRSAPublicKey().getEncoded();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("first").build(), claims().build());
        forged.sign(new MACSigner(secret));
        refusal(forged.serialize());
    }

    @Test
    void anAlgNoneHeaderOnASignedLookingTokenIsRefused() throws Exception {
        String good = signed(key, claims().build());
        String[] parts = good.split("\\.");
        String none = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"first\"}").toString();
        refusal(none + "." + parts[1] + "." + parts[2]);
        refusal(none + "." + parts[1] + ".");
    }

    @Test
    void aKeyPublishedAfterStartIsPickedUpWithoutRestart() throws Exception {
        verifier.verify(signed(key, claims().build()));
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("second").generate();
        String byRotated = signed(rotated, claims().build());
        refusal(byRotated);
        published.set(new JWKSet(List.of(key.toPublicJWK(), rotated.toPublicJWK())).toString());
        assertEquals("inspector-7", verifier.verify(byRotated).subject());
    }

    @Test
    void theLocalProvidersTokensAreAcceptedThroughDiscovery() throws Exception {
        try (LocalIdentityProvider idp = LocalIdentityProvider.start(0)) {
            IdentitySettings settings = new IdentitySettings();
            settings.setIssuer(idp.issuer());
            TokenVerifier local = new TokenVerifier(settings);
            Caller caller = local.verify(idp.tokens().signIn("lead-inspector-1"));
            assertEquals("lead-inspector-1", caller.subject());
            assertEquals(Set.of(Role.LEAD_INSPECTOR), caller.roles());
            Caller service = local.verify(idp.tokens().clientCredentials("rating-service"));
            assertEquals(Set.of(Role.RATING_SERVICE), service.roles());
            Caller kent = local.verify(idp.tokens().signIn("inspected-service-1"));
            assertEquals("inspectedServices/kent", kent.inspectedService().orElseThrow());
        }
    }
}
