package dev.diffo.admin.readiness;

import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.domain.LedgerMove;
import dev.diffo.admin.domain.MajorShare;
import dev.diffo.admin.domain.RemainingSeries;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.repository.ReadinessRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Withdrawal readiness of a specification name: per major, which RSPs still hold instances and how many; per old
 * major, how many instances stood on it over time (from the migration ledger) and when the recent pace reaches zero.
 * Also the table as CSV and a chart's pixels as PNG.
 */
@Singleton
public class ReadinessService {

    /** One major: its instances over time (old majors only) and the projected date it empties. */
    public record MajorLine(Specification major, boolean old, List<RemainingSeries.Point> series, RemainingSeries.Projection projection) {
    }

    /** What the view shows for one name, read at {@code asOf}; {@code millis} is how long the reads took. */
    public record Readiness(String name, List<Specification> majors, List<MajorShare> shares, List<MajorLine> lines, ZonedDateTime asOf,
                            long millis) {
        public Readiness {
            majors = List.copyOf(majors);
            shares = List.copyOf(shares);
            lines = List.copyOf(lines);
        }

        /** The major of {@code specUuid}, or null. */
        public Specification major(String specUuid) {
            return majors.stream().filter(m -> m.uuid().equals(specUuid)).findFirst().orElse(null);
        }

        /** Whether {@code specUuid} is an old major (any but the highest). */
        public boolean old(String specUuid) {
            return lines.stream().anyMatch(l -> l.old() && l.major().uuid().equals(specUuid));
        }
    }

    private final ReadinessRepository repository;
    private final CurrentAccess access;

    @Inject
    public ReadinessService(ReadinessRepository repository, CurrentAccess access) {
        this.repository = repository;
        this.access = access;
    }

    /** As a catalogue manager (tests and tools that build the service by hand). */
    public ReadinessService(ReadinessRepository repository) {
        this(repository, new CurrentAccess());
    }

    public List<String> names() {
        return repository.names();
    }

    /** Reads the readiness of {@code name} now. */
    public Readiness read(String name) {
        return read(name, ZonedDateTime.now(ZoneId.of("Etc/UTC")));
    }

    /** Reads the readiness of {@code name} as of {@code asOf} (the projection's today). */
    public Readiness read(String name, ZonedDateTime asOf) {
        access.requireEveryRsp("The withdrawal readiness of " + name);
        long start = System.nanoTime();
        List<MajorShare> shares = repository.shares(name);
        List<Specification> majors = repository.majors(name).stream().sorted(Comparator.comparingLong(Specification::majorVersion)).toList();
        List<LedgerMove> moves = majors.isEmpty() ? List.of() : repository.moves(majors.stream().map(Specification::uuid).toList());
        long latest = majors.isEmpty() ? 0 : majors.getLast().majorVersion();
        List<MajorLine> lines = majors.stream().map(m -> {
            long now = shares.stream().filter(s -> s.specUuid().equals(m.uuid())).mapToLong(MajorShare::instances).sum();
            return new MajorLine(m, m.majorVersion() < latest, RemainingSeries.of(m.uuid(), now, moves, asOf),
                    RemainingSeries.project(m.uuid(), now, moves, asOf));
        }).toList();
        List<MajorShare> sorted = shares.stream()
                .sorted(Comparator.comparingLong(MajorShare::major).thenComparing(Comparator.comparingLong(MajorShare::instances).reversed())
                        .thenComparing(s -> s.rsp().key()))
                .toList();
        return new Readiness(name, majors, sorted, lines, asOf, (System.nanoTime() - start) / 1_000_000);
    }

    /** The table as CSV: one row per major and RSP, old majors marked (header first). */
    public static void writeCsv(Readiness readiness, Appendable out) throws IOException {
        out.append("name,version,major,old_major,status,rsp,rsp_name,found_by,instances\n");
        for (MajorShare s : readiness.shares()) {
            Specification major = readiness.major(s.specUuid());
            out.append(String.join(",", csv(readiness.name()), major == null ? "" : major.version(), Long.toString(s.major()),
                    Boolean.toString(readiness.old(s.specUuid())), major == null ? "" : major.status().name().toLowerCase(java.util.Locale.ROOT),
                    csv(s.rsp().key()), csv(s.rsp().name() == null ? "" : s.rsp().name()), csv(s.rsp().how()), Long.toString(s.instances())))
                    .append('\n');
        }
    }

    /** A picture given as ARGB pixels (row by row) written as a PNG. */
    public static void writePng(int width, int height, int[] argb, Path file) throws IOException {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("a picture of " + width + " × " + height + " needs " + (long) width * height + " pixels, not " + argb.length);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\n") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
