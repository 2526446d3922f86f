package yardstick.platform.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for one test run and a server certificate it signs for
 * {@code localhost} (and 127.0.0.1), written as PEM files in a fresh folder: nothing to check in.
 */
public final class TestCertificates {

    private final Path authority;
    private final Path certificateChain;
    private final Path privateKey;

    private TestCertificates(Path authority, Path certificateChain, Path privateKey) {
        this.authority = authority;
        this.certificateChain = certificateChain;
        this.privateKey = privateKey;
    }

    public static TestCertificates make() {
        try {
            Path folder = Files.createTempDirectory("yardstick-tls");
            KeyPair authorityKeys = rsa();
            X500Name authorityName = new X500Name("CN=Yardstick test authority");
            X509Certificate authorityCertificate = sign(new JcaX509v3CertificateBuilder(authorityName, BigInteger.ONE,
                            from(), until(), authorityName, authorityKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
                    authorityKeys.getPrivate());

            KeyPair serverKeys = rsa();
            X509Certificate serverCertificate = sign(new JcaX509v3CertificateBuilder(authorityName, BigInteger.TWO,
                            from(), until(), new X500Name("CN=localhost"), serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1")})),
                    authorityKeys.getPrivate());

            Path authority = write(folder.resolve("authority.pem"), authorityCertificate);
            Path chain = write(folder.resolve("server.pem"), serverCertificate, authorityCertificate);
            // PKCS#8, the form Netty and Micronaut read without further help.
            Path key = write(folder.resolve("server-key.pem"), new JcaPKCS8Generator(serverKeys.getPrivate(), null));
            return new TestCertificates(authority, chain, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM bundle a client trusts: the test authority. */
    public Path authority() {
        return authority;
    }

    public Path certificateChain() {
        return certificateChain;
    }

    public Path privateKey() {
        return privateKey;
    }

    /** {@code yardstick.tls.*}: serve TLS with the server certificate, and trust the test authority. */
    public Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("yardstick.tls.cert", certificateChain.toString());
        properties.put("yardstick.tls.key", privateKey.toString());
        properties.put("yardstick.tls.trust", authority.toString());
        return properties;
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static Date from() {
        return Date.from(Instant.now().minus(Duration.ofDays(1)));
    }

    private static Date until() {
        return Date.from(Instant.now().plus(Duration.ofDays(2)));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }

    private static Path write(Path file, Object... objects) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                pem.writeObject(object);
            }
        }
        return Files.writeString(file, text.toString());
    }
}
