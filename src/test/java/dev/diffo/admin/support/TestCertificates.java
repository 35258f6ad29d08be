package dev.diffo.admin.support;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A certificate authority of the test's own, and server certificates it signs (PEM files, as Neo4j and the driver read them). */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A CA: its key pair and self-signed certificate. */
    public record Authority(KeyPair keys, X509Certificate certificate) {

        public static Authority create(String name) {
            try {
                KeyPair keys = rsa();
                X500Name subject = new X500Name("CN=" + name);
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(SERIAL.incrementAndGet()),
                        Date.from(Instant.now().minus(Duration.ofDays(1))), Date.from(Instant.now().plus(Duration.ofDays(30))), subject, keys.getPublic());
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                return new Authority(keys, new JcaX509CertificateConverter().getCertificate(builder.build(signer(keys))));
            } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Writes the CA's certificate (what a profile's Trusted CA names). */
        public Path writeCertificate(Path file) throws IOException {
            writePem(file, certificate);
            return file;
        }

        /**
         * A server certificate for {@code hostNames} (DNS names, or IP addresses when they start with a digit), with its
         * key, written as Neo4j's SSL policy expects them: {@code dir/private.key} and {@code dir/public.crt}.
         */
        public void issueServer(Path dir, List<String> hostNames) throws IOException {
            try {
                KeyPair serverKeys = rsa();
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(certificate.getSubjectX500Principal().getName()),
                        BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(Instant.now().minus(Duration.ofDays(1))), Date.from(Instant.now().plus(Duration.ofDays(30))),
                        new X500Name("CN=" + hostNames.getFirst()), serverKeys.getPublic());
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(hostNames.stream()
                        .map(h -> new GeneralName(Character.isDigit(h.charAt(0)) ? GeneralName.iPAddress : GeneralName.dNSName, h)).toArray(GeneralName[]::new)));
                X509Certificate server = new JcaX509CertificateConverter().getCertificate(builder.build(signer(keys)));
                Files.createDirectories(dir.resolve("trusted"));
                Files.createDirectories(dir.resolve("revoked"));
                writePem(dir.resolve("private.key"), serverKeys.getPrivate());
                writePem(dir.resolve("public.crt"), server);
            } catch (GeneralSecurityException | OperatorCreationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestCertificates() {
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static ContentSigner signer(KeyPair keys) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
    }

    private static void writePem(Path file, Object object) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            // a private key as PKCS#8 ("BEGIN PRIVATE KEY"), which Neo4j reads
            pem.writeObject(object instanceof java.security.PrivateKey key ? new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY", key.getEncoded()) : object);
        }
    }
}
