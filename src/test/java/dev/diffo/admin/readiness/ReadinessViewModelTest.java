package dev.diffo.admin.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.domain.LedgerMove;
import dev.diffo.admin.domain.MajorShare;
import dev.diffo.admin.domain.Rsp;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.repository.ReadinessRepository;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readiness screen's state over an in-memory repository, each task run at once. */
class ReadinessViewModelTest {

    static final String V1 = "v1-uuid";
    static final String V2 = "v2-uuid";

    static Specification spec(String uuid, long major, long instances, SpecificationStatus status) {
        return new Specification(uuid, "broadband", SpecificationType.SERVICE, major, 0, 0, 4, "d", "Access", null, null, instances, List.of(), status);
    }

    /** broadband v1 (frozen, 3 of acme, 1 of beta) and v2 (2 of acme, moved in one batch an hour ago). */
    static final class Fake implements ReadinessRepository {
        final List<String> calls = new ArrayList<>();

        @Override
        public List<String> names() {
            return List.of("broadband", "router");
        }

        @Override
        public List<Specification> majors(String name) {
            calls.add("majors " + name);
            return List.of(spec(V2, 2, 2, SpecificationStatus.CURRENT), spec(V1, 1, 4, SpecificationStatus.FROZEN));
        }

        @Override
        public List<MajorShare> shares(String name) {
            return List.of(new MajorShare(V1, 1, new Rsp("beta", null, Rsp.FoundBy.NAME_PREFIX), 1), new MajorShare(V2, 2, new Rsp("acme", null, Rsp.FoundBy.NAME_PREFIX), 2),
                    new MajorShare(V1, 1, new Rsp("acme", null, Rsp.FoundBy.NAME_PREFIX), 3));
        }

        @Override
        public List<LedgerMove> moves(List<String> specUuids) {
            return List.of(new LedgerMove(V1, V2, ZonedDateTime.now().minusHours(1), 2, null));
        }
    }

    final Fake repository = new Fake();
    final ReadinessViewModel viewModel = new ReadinessViewModel(new ReadinessService(repository), new ImmediateTaskRunner());

    @Test
    void anRspOperatorIsRefusedEveryRspsReadinessBeforeAnythingIsRead() {
        dev.diffo.admin.common.CurrentAccess access = new dev.diffo.admin.common.CurrentAccess();
        access.set(dev.diffo.admin.domain.Access.rspOperator("acme"));
        ReadinessService service = new ReadinessService(repository, access);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.read("broadband"))
                .isInstanceOf(dev.diffo.admin.domain.NotPermittedException.class)
                .hasMessageContaining("every RSP's instances").hasMessageContaining("acme");
        assertThat(repository.calls).isEmpty();

        access.set(dev.diffo.admin.domain.Access.VIEWER);
        assertThat(service.read("broadband").shares()).hasSize(3);
    }

    @Test
    void aNameShowsEachMajorsRspsOldMajorsFirstAndMostInstancesFirst() {
        viewModel.open("broadband");

        assertThat(viewModel.rows()).extracting(ReadinessViewModel.Row::version, ReadinessViewModel.Row::standing, ReadinessViewModel.Row::status,
                ReadinessViewModel.Row::rspKey, ReadinessViewModel.Row::instances)
                .containsExactly(tuple("v1.0.0", "old", "frozen", "acme", 3L), tuple("v1.0.0", "old", "frozen", "beta", 1L),
                        tuple("v2.0.0", "latest", "current", "acme", 2L));
        assertThat(viewModel.versions()).containsExactly("v1.0.0", "v2.0.0");
        assertThat(viewModel.bars()).extracting(ReadinessViewModel.Bar::version, ReadinessViewModel.Bar::rsp, ReadinessViewModel.Bar::instances)
                .contains(tuple("v1.0.0", "acme", 3L), tuple("v2.0.0", "acme", 2L));
        assertThat(viewModel.summaryProperty().get()).startsWith("broadband: 2 majors · 4 instances on old majors, held by 2 RSPs · read in ");
    }

    @Test
    void theOldMajorsLineStepsDownAtEachBatchAndItsPaceGivesADate() {
        viewModel.open("broadband");

        assertThat(viewModel.lines()).singleElement().satisfies(l -> {
            assertThat(l.version()).isEqualTo("v1.0.0");
            assertThat(l.points()).extracting(p -> p[1]).containsExactly(6L, 6L, 4L, 4L);
        });
        assertThat(viewModel.projectionsProperty().get()).startsWith("Projected: v1.0.0: zero on ").contains(" a day");
    }

    @Test
    void theTableExportsAsCsv(@TempDir Path dir) throws Exception {
        viewModel.open("broadband");
        Path file = dir.resolve("readiness.csv");

        viewModel.exportCsv(file);

        assertThat(Files.readAllLines(file)).containsExactly("name,version,major,old_major,status,rsp,rsp_name,found_by,instances",
                "broadband,v1.0.0,1,true,frozen,acme,,by name prefix,3", "broadband,v1.0.0,1,true,frozen,beta,,by name prefix,1",
                "broadband,v2.0.0,2,false,current,acme,,by name prefix,2");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Table written to " + file);
    }

    @Test
    void aChartsPixelsAreWrittenAsAPng(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chart.png");
        int[] argb = {0xFF1F6FB2, 0xFFFFFFFF, 0xFF000000, 0x80D97706, 0xFF059669, 0xFF7C3AED};

        viewModel.exportPng(3, 2, argb, file);

        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(3);
        assertThat(read.getHeight()).isEqualTo(2);
        assertThat(read.getRGB(0, 0)).isEqualTo(0xFF1F6FB2);
        assertThat(read.getRGB(0, 1)).isEqualTo(0x80D97706);
        assertThat(viewModel.messageProperty().get()).isEqualTo("Chart written to " + file);
    }

    @Test
    void picturesOfTheWrongSizeAreRefusedAndNothingIsWritten(@TempDir Path dir) {
        Path file = dir.resolve("chart.png");

        viewModel.exportPng(3, 3, new int[4], file);

        assertThat(file).doesNotExist();
        assertThat(viewModel.messageProperty().get()).startsWith("The chart was not written: ");
    }
}
