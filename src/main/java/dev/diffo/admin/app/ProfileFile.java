package dev.diffo.admin.app;

import dev.diffo.admin.common.Profiles;
import dev.diffo.admin.domain.Access;
import dev.diffo.admin.domain.ConnectionProfile;
import dev.diffo.admin.domain.DiffoAdminException;
import dev.diffo.admin.domain.InvalidInputException;
import dev.diffo.admin.domain.Role;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The profiles in one readable file, {@code profiles.properties} in the user's config directory (0700; the file 0600,
 * replaced whole on each change so a crash never leaves half a file). One block per profile:
 * <pre>
 * last=prod
 * profile.prod.uri=neo4j+s://db.example:7687
 * profile.prod.user=catalogue
 * profile.prod.database=catalogue
 * profile.prod.trustedCa=/etc/ssl/our-ca.crt
 * profile.prod.role=rsp-operator
 * profile.prod.rsp=ORG000000123456
 * </pre>
 * {@code auth=none} for a server without authentication. A password is never written, and a file that holds one is
 * refused (its owner is told to remove it).
 */
public final class ProfileFile implements Profiles {

    static final String FILE_NAME = "profiles.properties";
    private static final String PREFIX = "profile.";
    private static final String LAST = "last";

    private final Path directory;

    public ProfileFile(Path directory) {
        this.directory = directory;
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    @Override
    public String location() {
        return file().toString();
    }

    @Override
    public synchronized List<ConnectionProfile> list() {
        return List.copyOf(read().profiles.values());
    }

    @Override
    public synchronized Optional<ConnectionProfile> find(String name) {
        return Optional.ofNullable(read().profiles.get(name == null ? "" : name.strip()));
    }

    @Override
    public synchronized void save(ConnectionProfile profile, String replacing) {
        Contents contents = read();
        boolean renamed = replacing == null || !replacing.equals(profile.name());
        if (renamed && contents.profiles.containsKey(profile.name())) {
            throw new InvalidInputException("A profile named " + profile.name() + " exists already",
                    "Choose it in the list to edit it, or give this one another name. Nothing was saved.");
        }
        if (replacing != null && !replacing.equals(profile.name())) {
            contents.profiles.remove(replacing);
            if (replacing.equals(contents.last)) {
                contents.last = profile.name();
            }
        }
        contents.profiles.put(profile.name(), profile);
        write(contents);
    }

    @Override
    public synchronized void remove(String name) {
        Contents contents = read();
        if (contents.profiles.remove(name) != null) {
            if (name.equals(contents.last)) {
                contents.last = null;
            }
            write(contents);
        }
    }

    @Override
    public synchronized Optional<String> lastUsed() {
        Contents contents = read();
        return Optional.ofNullable(contents.last).filter(contents.profiles::containsKey);
    }

    @Override
    public synchronized void markUsed(String name) {
        Contents contents = read();
        if (contents.profiles.containsKey(name) && !name.equals(contents.last)) {
            contents.last = name;
            write(contents);
        }
    }

    private static final class Contents {
        final Map<String, ConnectionProfile> profiles = new TreeMap<>(Comparator.comparing((String n) -> n.toLowerCase(java.util.Locale.ROOT)).thenComparing(n -> n));
        String last;
    }

    private Contents read() {
        Contents contents = new Contents();
        Path file = file();
        if (!Files.exists(file)) {
            return contents;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new DiffoAdminException("Cannot read the profiles in " + file + ": " + e.getMessage(),
                    "Fix or remove the file (it is plain text); the app keeps connection profiles there.", e);
        }
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.toLowerCase(java.util.Locale.ROOT).contains("password")) {
                throw new DiffoAdminException("The profile file " + file + " contains a password (" + key + ")",
                        "Remove that line: passwords are asked at connect or kept in the OS keyring, never in this file.");
            }
            if (key.startsWith(PREFIX)) {
                int dot = key.lastIndexOf('.');
                if (dot > PREFIX.length()) {
                    byName.computeIfAbsent(key.substring(PREFIX.length(), dot), n -> new TreeMap<>()).put(key.substring(dot + 1), properties.getProperty(key));
                }
            }
        }
        for (var entry : byName.entrySet()) {
            contents.profiles.put(entry.getKey(), toProfile(file, entry.getKey(), entry.getValue()));
        }
        String last = properties.getProperty(LAST);
        contents.last = last == null || last.isBlank() ? null : last.strip();
        return contents;
    }

    private static ConnectionProfile toProfile(Path file, String name, Map<String, String> fields) {
        try {
            String role = fields.get("role");
            Access access = new Access(role == null || role.isBlank() ? Role.CATALOGUE_MANAGER : Role.parse(role), fields.get("rsp"));
            String ca = fields.get("trustedCa");
            return new ConnectionProfile(name, fields.get("uri"), fields.get("user"), "none".equalsIgnoreCase(fields.getOrDefault("auth", "").strip()),
                    fields.get("database"), ca == null || ca.isBlank() ? null : Path.of(ca.strip()), access);
        } catch (DiffoAdminException e) {
            throw new DiffoAdminException("The profile " + name + " in " + file + " is not valid: " + e.getMessage(),
                    e.hint() + " (Edit it in File → Connect…, or in the file.)", e);
        }
    }

    private void write(Contents contents) {
        StringBuilder text = new StringBuilder();
        text.append("# diffo-admin's connection profiles (File → Connect…, or --profile NAME).\n")
                .append("# No passwords here: they are asked at connect or kept in the operating system's keyring.\n");
        if (contents.last != null) {
            text.append(LAST).append('=').append(escape(contents.last)).append('\n');
        }
        for (ConnectionProfile p : contents.profiles.values()) {
            String k = PREFIX + p.name() + ".";
            text.append('\n').append(k).append("uri=").append(escape(p.uri())).append('\n');
            if (p.noAuth()) {
                text.append(k).append("auth=none\n");
            } else {
                text.append(k).append("user=").append(escape(p.user())).append('\n');
            }
            if (p.database() != null) {
                text.append(k).append("database=").append(escape(p.database())).append('\n');
            }
            if (p.trustedCa() != null) {
                text.append(k).append("trustedCa=").append(escape(p.trustedCa().toString())).append('\n');
            }
            text.append(k).append("role=").append(p.access().role().key()).append('\n');
            p.access().rsp().ifPresent(rsp -> text.append(k).append("rsp=").append(escape(rsp)).append('\n'));
        }
        try {
            if (!Files.exists(directory)) {
                PrivateFiles.prepareDirectory(directory);
            }
            Path temp = directory.resolve(FILE_NAME + ".tmp");
            Files.deleteIfExists(temp);
            if (PrivateFiles.posix(directory)) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PrivateFiles.OWNER_ONLY_FILE));
            } else {
                Files.createFile(temp);
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DiffoAdminException("Cannot save the profiles in " + file() + ": " + e.getMessage(),
                    "Check that the directory " + directory + " is yours and writable (or set -D" + DataDirectories.CONFIG_DIR_PROPERTY + "). Nothing was saved.", e);
        }
    }

    /** A value as {@link Properties#load} reads it back: backslashes, line breaks and leading blanks escaped. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case ' ' -> out.append(i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** For tests and messages: every profile's name. */
    List<String> names() {
        return new ArrayList<>(read().profiles.keySet());
    }
}
