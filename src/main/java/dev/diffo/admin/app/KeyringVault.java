package dev.diffo.admin.app;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import dev.diffo.admin.common.PasswordVault;
import dev.diffo.admin.domain.DiffoAdminException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Profile passwords in the operating system's keyring through java-keyring (the Secret Service on Linux desktops,
 * the Keychain on macOS, the Credential Manager on Windows), under the service {@code diffo-admin} and the profile's
 * name. Where there is none (a Linux without a Secret Service, e.g. headless or over SSH), it says so and the
 * password is asked at each connect. {@code -Ddiffo.keyring=none} turns it off (the tests do: they never touch a
 * real keyring).
 */
public final class KeyringVault implements PasswordVault {

    static final String SERVICE = "diffo-admin";
    static final String OFF_PROPERTY = "diffo.keyring";
    private static final Logger LOG = Logger.getLogger(KeyringVault.class.getName());

    private volatile Keyring keyring;
    private volatile String why;

    private synchronized Keyring keyring() {
        if (keyring == null && why == null) {
            if ("none".equalsIgnoreCase(System.getProperty(OFF_PROPERTY, ""))) {
                why = "The OS keyring is turned off (-D" + OFF_PROPERTY + "=none): the password is asked at each connect.";
                return null;
            }
            try {
                keyring = Keyring.create();
            } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
                why = "No OS keyring here (" + describe(e) + "): the password is asked at each connect.";
                LOG.fine("No keyring: " + e);
            }
        }
        return keyring;
    }

    private static String describe(Throwable e) {
        String os = System.getProperty("os.name", "");
        return os.toLowerCase(java.util.Locale.ROOT).contains("linux") ? "no Secret Service, e.g. GNOME Keyring or KWallet, on this session's D-Bus"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public boolean available() {
        return keyring() != null;
    }

    @Override
    public String why() {
        return available() ? "" : why;
    }

    @Override
    public Optional<char[]> find(String profile) {
        Keyring k = keyring();
        if (k == null) {
            return Optional.empty();
        }
        try {
            String password = k.getPassword(SERVICE, profile);
            return password == null || password.isEmpty() ? Optional.empty() : Optional.of(password.toCharArray());
        } catch (PasswordAccessException | RuntimeException e) {
            // none kept for this profile (or the keyring is locked and the user said no): ask
            LOG.fine("No password in the keyring for profile " + profile + ": " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void store(String profile, char[] password) {
        Keyring k = keyring();
        if (k == null) {
            throw new DiffoAdminException("Cannot keep the password: " + why, "Leave 'Remember in the OS keyring' unticked; it is asked at each connect.");
        }
        try {
            k.setPassword(SERVICE, profile, new String(password));
        } catch (PasswordAccessException | RuntimeException e) {
            throw new DiffoAdminException("The OS keyring refused to keep the password for " + profile + " (" + e.getClass().getSimpleName() + ")",
                    "Unlock the keyring and try again, or leave 'Remember' unticked.", e);
        }
    }

    @Override
    public void forget(String profile) {
        Keyring k = keyring();
        if (k == null) {
            return;
        }
        try {
            k.deletePassword(SERVICE, profile);
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.fine("Nothing to forget in the keyring for " + profile);
        }
    }
}
