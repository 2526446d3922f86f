package yardstick.platform.testing;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executor;
import yardstick.identity.LocalIdentityProvider;
import yardstick.identity.TokenClient;
import yardstick.platform.identity.Role;

/**
 * The tests' identity provider: the same real OIDC server {@code ./yardstick up} runs, one per
 * test JVM, and bearer tokens from it for the roles a test acts in.
 */
public final class TestIdentity {

    /** Who the tests act as unless they say otherwise: one person holding every person's role. */
    public static final String TESTER = "tester-1";
    private static final Role[] PEOPLE = {Role.INSPECTOR, Role.LEAD_INSPECTOR, Role.RATINGS_PANEL, Role.PUBLISHER,
        Role.INSPECTED_SERVICE, Role.ADMINISTRATOR, Role.INTEGRATION};

    private static LocalIdentityProvider provider;

    private TestIdentity() {
    }

    public static synchronized LocalIdentityProvider provider() {
        if (provider == null) {
            provider = LocalIdentityProvider.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(provider::close));
        }
        return provider;
    }

    /** Configuration for a service under test to trust the provider and sign in as itself. */
    public static Map<String, String> properties() {
        LocalIdentityProvider idp = provider();
        return Map.of(
                "yardstick.identity.issuer", idp.issuer(),
                "yardstick.identity.jwks-url", idp.jwksUrl(),
                "yardstick.identity.token-url", idp.tokenUrl(),
                "yardstick.identity.audience", "yardstick");
    }

    public static TokenClient tokens() {
        return provider().tokens();
    }

    /** A token for {@code subject} holding {@code roles}. */
    public static String token(String subject, Role... roles) {
        return tokens().signIn(subject, Arrays.stream(roles).map(Role::claim).toArray(String[]::new));
    }

    /** The tester's token, holding every person's role. */
    public static String tester() {
        return token(TESTER, PEOPLE);
    }

    public static CallCredentials as(String subject, Role... roles) {
        return bearer(token(subject, roles));
    }

    public static CallCredentials bearer(String token) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo requestInfo, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                applier.apply(headers);
            }
        };
    }
}
