package yardstick.identity;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * The local users and what their tokens say: the provider's directory, mapping users to roles.
 * People sign in by the password grant (any password: this provider is for loopback only); the
 * services and other systems by client credentials, their client id being their subject. A
 * request may ask for a role by scope ({@code role:publisher}), which is how
 * {@code ./yardstick token ROLE --subject NAME} makes a user of its own.
 */
public final class LocalDirectory implements OAuth2TokenCallback {

    public static final String ISSUER_ID = "yardstick";
    public static final String AUDIENCE = "yardstick";
    public static final String ROLES_CLAIM = "roles";
    public static final String INSPECTED_SERVICE_CLAIM = "inspected_service";
    public static final String ROLE_SCOPE_PREFIX = "role:";
    public static final long TOKEN_SECONDS = 3600;

    /** The users {@code ./yardstick token ROLE} signs in as, one per role, and a second inspector for a team of two. */
    private static final Map<String, LocalUser> USERS = new LinkedHashMap<>();

    static {
        add(LocalUser.of("inspector-1", "inspector"));
        add(LocalUser.of("inspector-2", "inspector"));
        add(LocalUser.of("lead-inspector-1", "lead-inspector"));
        add(LocalUser.of("ratings-panel-1", "ratings-panel"));
        add(LocalUser.of("publisher-1", "publisher"));
        add(new LocalUser("inspected-service-1", List.of("inspected-service"), Optional.of("inspectedServices/kent")));
        add(new LocalUser("inspected-service-2", List.of("inspected-service"), Optional.of("inspectedServices/harrow")));
        add(LocalUser.of("administrator-1", "administrator"));
        add(LocalUser.of("integration", "integration"));
        add(LocalUser.of("case-service", "case-service"));
        add(LocalUser.of("rating-service", "rating-service"));
        add(LocalUser.of("report-service", "report-service"));
    }

    /** The issuer every token names, whatever address it was asked at; empty: the address asked at. */
    private final Optional<String> issuer;

    public LocalDirectory() {
        this(Optional.empty());
    }

    /**
     * With a fixed issuer: for a provider reached under two names (from the host as localhost, from
     * containers by their network's name), whose tokens must name one issuer the services trust.
     */
    public LocalDirectory(Optional<String> issuer) {
        this.issuer = issuer;
    }

    private static void add(LocalUser user) {
        USERS.put(user.subject(), user);
    }

    /** The local user that {@code ./yardstick token ROLE} gives by default: the first holding the role. */
    public static Optional<LocalUser> defaultUserFor(String role) {
        return USERS.values().stream().filter(u -> u.roles().contains(role)).findFirst();
    }

    public static Optional<LocalUser> user(String subject) {
        return Optional.ofNullable(USERS.get(subject));
    }

    @Override
    public String issuerId() {
        return ISSUER_ID;
    }

    @Override
    public String subject(TokenRequest request) {
        AuthorizationGrant grant = request.getAuthorizationGrant();
        if (grant instanceof ResourceOwnerPasswordCredentialsGrant password) {
            return password.getUsername();
        }
        ClientAuthentication authentication = request.getClientAuthentication();
        ClientID client = authentication != null ? authentication.getClientID() : request.getClientID();
        return client == null ? "anonymous" : client.getValue();
    }

    @Override
    public String typeHeader(TokenRequest request) {
        return "JWT";
    }

    @Override
    public List<String> audience(TokenRequest request) {
        return List.of(AUDIENCE);
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest request) {
        String subject = subject(request);
        Optional<LocalUser> known = user(subject);
        List<String> asked = new ArrayList<>();
        Scope scope = request.getScope();
        if (scope != null) {
            scope.toStringList().stream()
                    .filter(s -> s.startsWith(ROLE_SCOPE_PREFIX))
                    .map(s -> s.substring(ROLE_SCOPE_PREFIX.length()))
                    .forEach(asked::add);
        }
        List<String> roles = asked.isEmpty() ? known.map(LocalUser::roles).orElse(List.of()) : asked;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(ROLES_CLAIM, roles);
        Optional<String> service = known.flatMap(LocalUser::inspectedService)
                .or(() -> roles.contains("inspected-service")
                        ? defaultUserFor("inspected-service").flatMap(LocalUser::inspectedService)
                        : Optional.empty());
        service.ifPresent(s -> claims.put(INSPECTED_SERVICE_CLAIM, s));
        // Claims added here are set after the provider's own, so this "iss" is the token's.
        issuer.ifPresent(i -> claims.put("iss", i));
        return claims;
    }

    @Override
    public long tokenExpiry() {
        return TOKEN_SECONDS;
    }
}
