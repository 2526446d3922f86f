package yardstick.suite;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import yardstick.identity.LocalDirectory;
import yardstick.identity.TokenClient;

/**
 * People signed in at the local identity provider, each once and their token reused, as bearer
 * call credentials for a stub: {@code stub.withCallCredentials(signIns.as("publisher"))}.
 * The users are the local directory's, the same {@code ./yardstick token ROLE} gives.
 */
public final class SignIns {

    public static final String INSPECTOR = "inspector";
    public static final String LEAD_INSPECTOR = "lead-inspector";
    public static final String RATINGS_PANEL = "ratings-panel";
    public static final String PUBLISHER = "publisher";
    public static final String INSPECTED_SERVICE = "inspected-service";
    public static final String ADMINISTRATOR = "administrator";
    public static final String INTEGRATION = "integration";
    /** The roles people and other systems hold, as the tokens name them; the services' own are not given out. */
    public static final List<String> ROLES = List.of(INSPECTOR, LEAD_INSPECTOR, RATINGS_PANEL, PUBLISHER, INSPECTED_SERVICE,
            ADMINISTRATOR, INTEGRATION);

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final TokenClient tokens;
    /** By role or by user: each signs in once. */
    private final Map<String, CallCredentials> signedIn = new ConcurrentHashMap<>();

    public SignIns(TokenClient tokens) {
        this.tokens = tokens;
    }

    /** The local provider that {@code ./yardstick up} runs, on {@code YARDSTICK_IDP_PORT} (8090). */
    public static SignIns local(Map<String, String> environment) {
        return new SignIns(new TokenClient(localTokenUrl(environment)));
    }

    static String localTokenUrl(Map<String, String> environment) {
        return "http://localhost:" + idpPort(environment) + "/" + LocalDirectory.ISSUER_ID + "/token";
    }

    static int idpPort(Map<String, String> environment) {
        return Integer.parseInt(environment.getOrDefault("YARDSTICK_IDP_PORT", "8090"));
    }

    /** The default local user holding {@code role}, for example lead-inspector-1 for {@code lead-inspector}. */
    public CallCredentials as(String role) {
        return signedIn.computeIfAbsent("role " + role, r -> bearer(tokens.signInAs(role)));
    }

    /** A local user of the directory, with their own roles, for example inspected-service-2 (Harrow). */
    public CallCredentials user(String subject) {
        return signedIn.computeIfAbsent("user " + subject, s -> bearer(tokens.signIn(subject)));
    }

    /**
     * The default local user of a role, whom {@link #as} signs in: the subject an inspection's team lists.
     */
    public static String subject(String role) {
        return LocalDirectory.defaultUserFor(role).orElseThrow(() -> new IllegalArgumentException("no local user holds the role " + role))
                .subject();
    }

    /** Sends {@code token} as the call's bearer token. */
    public static CallCredentials bearer(String token) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo requestInfo, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(AUTHORIZATION, "Bearer " + token);
                applier.apply(headers);
            }
        };
    }
}
