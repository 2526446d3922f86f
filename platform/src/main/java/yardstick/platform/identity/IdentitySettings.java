package yardstick.platform.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code yardstick.identity.*}: the inspectorate's OIDC provider. Configuration only; set by
 * {@code YARDSTICK_OIDC_ISSUER}, {@code YARDSTICK_OIDC_JWKS_URL}, {@code YARDSTICK_OIDC_AUDIENCE},
 * {@code YARDSTICK_OIDC_ROLES_CLAIM}, and for the service's own identity {@code YARDSTICK_OIDC_TOKEN_URL},
 * {@code <SERVICE>_CLIENT_ID} and {@code <SERVICE>_CLIENT_SECRET}.
 */
@ConfigurationProperties("yardstick.identity")
public class IdentitySettings {

    private String issuer = "";
    private String jwksUrl = "";
    private String audience = "yardstick";
    private String rolesClaim = "roles";
    private String inspectedServiceClaim = "inspected_service";
    /** How long a fetched key set is trusted before it is fetched again. */
    private Duration jwksCacheTime = Duration.ofMinutes(5);
    /** An unknown key makes the service fetch the key set again, but no more often than this. */
    private Duration jwksMinimumRefetch = Duration.ofSeconds(30);
    private Duration clockSkew = Duration.ofSeconds(30);
    private String tokenUrl = "";
    private String clientId = "";
    private String clientSecret = "";

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer == null ? "" : issuer.trim();
    }

    public String getJwksUrl() {
        return jwksUrl;
    }

    public void setJwksUrl(String jwksUrl) {
        this.jwksUrl = jwksUrl == null ? "" : jwksUrl.trim();
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getRolesClaim() {
        return rolesClaim;
    }

    public void setRolesClaim(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    public String getInspectedServiceClaim() {
        return inspectedServiceClaim;
    }

    public void setInspectedServiceClaim(String inspectedServiceClaim) {
        this.inspectedServiceClaim = inspectedServiceClaim;
    }

    public Duration getJwksCacheTime() {
        return jwksCacheTime;
    }

    public void setJwksCacheTime(Duration jwksCacheTime) {
        this.jwksCacheTime = jwksCacheTime;
    }

    public Duration getJwksMinimumRefetch() {
        return jwksMinimumRefetch;
    }

    public void setJwksMinimumRefetch(Duration jwksMinimumRefetch) {
        this.jwksMinimumRefetch = jwksMinimumRefetch;
    }

    public Duration getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl == null ? "" : tokenUrl.trim();
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public boolean configured() {
        return !issuer.isEmpty();
    }

    /** The key set's address: configured, or the issuer's discovery document's {@code jwks_uri}. */
    public String jwksUrlOrDiscovered() {
        return jwksUrl.isEmpty() ? Discovery.of(issuer).jwksUri() : jwksUrl;
    }

    /** The token endpoint: configured, or the issuer's discovery document's {@code token_endpoint}. */
    public String tokenUrlOrDiscovered() {
        return tokenUrl.isEmpty() ? Discovery.of(issuer).tokenEndpoint() : tokenUrl;
    }
}
