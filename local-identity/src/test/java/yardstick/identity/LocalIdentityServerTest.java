package yardstick.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalIdentityServerTest {

    @Test
    void tokensNameTheFixedIssuerWhateverAddressTheyWereAskedAt() throws Exception {
        String issuer = "http://identity:8090/yardstick";
        try (LocalIdentityProvider provider = LocalIdentityProvider.start(InetAddress.getLoopbackAddress(), 0, Optional.of(issuer))) {
            String asked = "http://127.0.0.1:" + provider.port() + "/yardstick/token";
            var claims = SignedJWT.parse(new TokenClient(asked).signInAs("publisher")).getJWTClaimsSet();
            assertEquals(issuer, claims.getIssuer());
            assertEquals(java.util.List.of("publisher"), claims.getStringListClaim(LocalDirectory.ROLES_CLAIM));
            var service = SignedJWT.parse(new TokenClient(asked).clientCredentials("case-service")).getJWTClaimsSet();
            assertEquals(issuer, service.getIssuer());
            assertEquals(issuer, provider.issuer());
        }
    }

    @Test
    void withoutAFixedIssuerTokensNameTheAddressAskedAt() throws Exception {
        try (LocalIdentityProvider provider = LocalIdentityProvider.start(0)) {
            String token = new TokenClient(provider.tokenUrl()).signInAs("inspector");
            assertEquals(provider.issuer(), SignedJWT.parse(token).getJWTClaimsSet().getIssuer());
        }
    }

    @Test
    void theProbeAnswersOnlyWhileTheProviderServesItsKeys() {
        int port;
        try (LocalIdentityProvider provider = LocalIdentityProvider.start(0)) {
            port = provider.port();
            assertTrue(LocalIdentityServer.answers(provider.jwksUrl()));
        }
        assertFalse(LocalIdentityServer.answers("http://localhost:" + port + "/yardstick/jwks"));
    }
}
