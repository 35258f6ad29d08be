package dev.diffo.admin.app;

import dev.diffo.admin.domain.ConnectionProfile;
import dev.diffo.admin.domain.DiffoAdminException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Why a TLS connection failed, as one plain sentence and a hint: the certificate is not trusted, it names another
 * host, or the server does not speak TLS at all (or speaks only TLS to a plain address). Read from the driver's
 * exception and its causes (the JDK's SSL exceptions); anything else is left to the caller.
 */
final class TlsFailures {
    private TlsFailures() {
    }

    private static final Logger LOG = Logger.getLogger(TlsFailures.class.getName());

    /** The explanation, or null when {@code e} is not a TLS failure. */
    static DiffoAdminException explain(RuntimeException e, String uri, Path trustedCa) {
        if (e instanceof DiffoAdminException) {
            return null;
        }
        String scheme = ConnectionProfile.scheme(uri);
        boolean encrypted = scheme.contains("+") || trustedCa != null;
        String chain = chain(e);
        DiffoAdminException told = null;
        if (encrypted && (chain.contains("no subject alternative") || chain.contains("no name matching") || chain.contains("hostname")
                && chain.contains("not verified") || chain.contains("does not match") && chain.contains("certificate"))) {
            told = new DiffoAdminException("The server at " + uri + " has a certificate for another host name",
                    "Use the host name the certificate names (ask its administrator which), or have the certificate reissued with this one. Nothing was sent.", e);
        } else if (encrypted && (chain.contains("pkix path") || chain.contains("unable to find valid certification path")
                || chain.contains("certpathvalidatorexception") || chain.contains("signature check failed") || chain.contains("untrusted")
                || chain.contains("trust anchor"))) {
            told = new DiffoAdminException("The server at " + uri + " has a certificate that " + (trustedCa == null
                    ? "this computer does not trust" : "is not signed by the CA in " + trustedCa),
                    trustedCa == null ? "Give the profile your organisation's CA certificate (Trusted CA), or use +ssc to accept any certificate (not recommended). Nothing was sent."
                            : "Check that this is the CA that signed the server's certificate (ask its administrator). Nothing was sent.", e);
        } else if (encrypted && (chain.contains("sslexception") || chain.contains("sslhandshake") || chain.contains("unrecognized ssl message")
                || chain.contains("not an ssl/tls record") || chain.contains("remote host terminated the handshake") || chain.contains("ssl")
                || chain.contains("handshake"))) {
            told = new DiffoAdminException("The server at " + uri + " did not answer in TLS: it may not have TLS enabled for Bolt",
                    "Use " + scheme.replace("+ssc", "").replace("+s", "") + ":// if the server is meant to be unencrypted, or ask its administrator to enable Bolt TLS. Nothing was sent.", e);
        }
        if (told != null) {
            LOG.log(Level.FINE, "TLS to " + uri + " failed", e);
        }
        return told;
    }

    private static String chain(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
            for (Throwable s : t.getSuppressed()) {
                all.append(s.getClass().getName()).append(": ").append(s.getMessage()).append('\n');
            }
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }

    /** How the connection is protected, one sentence. */
    static String protection(String scheme, Path trustedCa) {
        if (scheme.endsWith("+ssc")) {
            return "Encrypted (TLS), but any certificate is accepted (+ssc): the server is not authenticated; use +s with its CA to be sure it is the server you mean.";
        }
        if (scheme.endsWith("+s")) {
            return "Encrypted (TLS); the certificate is signed by " + (trustedCa == null ? "a CA this computer trusts" : "the CA in " + trustedCa)
                    + " and names the host.";
        }
        return "Not encrypted: what is sent, the password included, can be read on the network (use " + scheme + "+s:// where the server has TLS).";
    }
}
