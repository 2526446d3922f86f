package yardstick.platform.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a bearer token as OWASP ASVS asks: a signature by one of the issuer's published keys
 * (fetched, cached, and fetched again when a token names a key it has not seen, so a rotated key
 * is picked up without restart), with an asymmetric algorithm only (so {@code alg: none} and an
 * HMAC "signed" with the public key are refused), {@code exp} and {@code nbf} within a small
 * clock skew, the issuer exactly, and this suite's audience. A token once verified is known until
 * its {@code exp} (no clock skew then), so that its signature is not checked again on every call.
 */
public final class TokenVerifier {

    /** Asymmetric signatures only: a verifier that accepted HS256 could be fooled with the public key as the secret. */
    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    /** Tokens verified, until they expire: a client sends the same token with every call until it renews it. */
    private static final int KEPT_TOKENS = 10_000;

    private final IdentitySettings settings;
    private volatile DefaultJWTProcessor<SecurityContext> processor;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Caller caller, Instant expires) {
    }

    public TokenVerifier(IdentitySettings settings) {
        this.settings = settings;
    }

    /** Why a token was refused, in words safe to tell the caller. */
    public static final class InvalidToken extends Exception {
        public InvalidToken(String reason) {
            super(reason);
        }
    }

    public Caller verify(String token) throws InvalidToken {
        if (!settings.configured()) {
            throw new InvalidToken("no identity provider is configured");
        }
        Verified known = verified.get(token);
        if (known != null) {
            if (Instant.now().isBefore(known.expires())) {
                return known.caller();
            }
            verified.remove(token);
        }
        DefaultJWTProcessor<SecurityContext> checks = processor();
        JWTClaimsSet claims;
        try {
            claims = checks.process(token, null);
        } catch (BadJWTException e) {
            throw new InvalidToken("token rejected: " + e.getMessage());
        } catch (ParseException e) {
            throw new InvalidToken("not a JWT");
        } catch (BadJOSEException e) {
            throw new InvalidToken("signature not accepted: " + e.getMessage());
        } catch (JOSEException e) {
            throw new InvalidToken("signature could not be checked");
        } catch (RuntimeException e) {
            // The key set could not be fetched: the caller is no less unknown for it.
            throw new InvalidToken("the identity provider's keys could not be read");
        }
        Caller caller = caller(claims);
        if (claims.getExpirationTime() != null) {
            if (verified.size() >= KEPT_TOKENS) {
                verified.clear();
            }
            verified.put(token, new Verified(caller, claims.getExpirationTime().toInstant()));
        }
        return caller;
    }

    private Caller caller(JWTClaimsSet claims) throws InvalidToken {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String claim : stringList(claims, settings.getRolesClaim())) {
            Role.fromClaim(claim).ifPresent(roles::add);
        }
        Optional<String> inspectedService;
        try {
            inspectedService = Optional.ofNullable(claims.getStringClaim(settings.getInspectedServiceClaim()))
                    .filter(s -> !s.isBlank());
        } catch (ParseException e) {
            throw new InvalidToken(settings.getInspectedServiceClaim() + " is not a string");
        }
        return new Caller(claims.getSubject(), roles, inspectedService);
    }

    private static List<String> stringList(JWTClaimsSet claims, String name) throws InvalidToken {
        Object value = claims.getClaim(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        if (value instanceof List<?> many) {
            List<String> names = new ArrayList<>();
            for (Object item : many) {
                if (!(item instanceof String s)) {
                    throw new InvalidToken(name + " must be a list of strings");
                }
                names.add(s);
            }
            return names;
        }
        throw new InvalidToken(name + " must be a list of strings");
    }

    private DefaultJWTProcessor<SecurityContext> processor() {
        DefaultJWTProcessor<SecurityContext> current = processor;
        if (current == null) {
            synchronized (this) {
                if (processor == null) {
                    processor = build();
                }
                current = processor;
            }
        }
        return current;
    }

    private DefaultJWTProcessor<SecurityContext> build() {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(URI.create(settings.jwksUrlOrDiscovered()).toURL())
                    .cache(settings.getJwksCacheTime().toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                    .rateLimited(settings.getJwksMinimumRefetch().toMillis())
                    .refreshAheadCache(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("yardstick.identity.jwks-url is not a URL", e);
        }
        DefaultJWTProcessor<SecurityContext> built = new DefaultJWTProcessor<>();
        built.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                // Mutable sets: the verifier asks them whether they contain null.
                new HashSet<>(List.of(settings.getAudience())),
                new JWTClaimsSet.Builder().issuer(settings.getIssuer()).build(),
                new HashSet<>(List.of("sub", "exp", "iat", "iss", "aud")),
                new HashSet<>());
        claims.setMaxClockSkew((int) settings.getClockSkew().toSeconds());
        built.setJWTClaimsSetVerifier(claims);
        return built;
    }
}
