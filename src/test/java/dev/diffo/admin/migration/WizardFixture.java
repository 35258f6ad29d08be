package dev.diffo.admin.migration;

import dev.diffo.admin.common.CurrentAccess;
import dev.diffo.admin.common.ImmediateTaskRunner;
import dev.diffo.admin.common.ManualTaskRunner;
import dev.diffo.admin.common.RecordingDialogs;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.domain.CharacteristicRule;
import dev.diffo.admin.domain.CharacteristicRule.ValueType;
import dev.diffo.admin.domain.MigrationPlan.Offence;
import dev.diffo.admin.domain.Operator;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;
import dev.diffo.admin.repository.FakeCatalogueRepository;
import dev.diffo.admin.repository.FakeMigrationRepository;
import dev.diffo.admin.repository.FakeVersioningRepository;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * The migration wizard without a toolkit or a database, for the tests of its steps: the real {@link MigrationService}
 * over in-memory repositories. Acme has five broadband instances on v1 (fttp, fttb, fttb, fw, fttn); v2 no longer
 * allows fttb and fw. Beta's instance on v1 is never selected.
 */
abstract class WizardFixture {

    static final String V1 = "47c890ba-0bdd-44ac-93f6-d8fa3645dcd8";
    static final String V2 = "7ae0e213-52e9-4298-8cd8-ada08104839e";
    static final String V3 = "40d9f61a-ab4a-41a5-bc94-db52d23f4078";
    static final String V4 = "713e3395-c4f0-4447-871d-6d8a04c469e3";
    static final String ROUTER_V1 = "c3a1f5de-7b2e-4d8a-9f61-0e5b7c2d4a18";
    static final String ROUTER_V2 = "e8d2b4c6-1a3f-4e5b-a7c9-2f4d6b8e0a13";
    static final Offence FTTB = new Offence("broadband.technology", "fttb");
    static final Offence FW = new Offence("broadband.technology", "fw");

    static Specification spec(String uuid, String name, long major, SpecificationStatus status) {
        return new Specification(uuid, name, SpecificationType.SERVICE, major, 0, 0, 4, "d", "Access", null, null, 0, List.of(), status);
    }

    /** A broadband value as diffo stores it. */
    static String broadband(String technology) {
        return "{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.Diffo.Nbn.BroadbandValue\",\"value\":{\"technology\":\"" + technology + "\"}}}";
    }

    final FakeCatalogueRepository catalogue = new FakeCatalogueRepository();
    final FakeVersioningRepository versioning = new FakeVersioningRepository();
    /** When set, reading the runs fails with it (as a connection lost right after a batch failed would). */
    RuntimeException runsUnreadable;
    /** When set, listing the instances that carry a value fails with it. */
    RuntimeException carryingUnreadable;
    final FakeMigrationRepository instances = new FakeMigrationRepository(catalogue) {
        @Override
        public synchronized List<dev.diffo.admin.domain.MigrationRun> runs(String sourceOrTargetUuid) {
            if (runsUnreadable != null) {
                throw runsUnreadable;
            }
            return super.runs(sourceOrTargetUuid);
        }

        @Override
        public synchronized List<InstanceRef> carrying(String sourceUuid, String rsp, String nameFilter, List<dev.diffo.admin.domain.StoredValue> values,
                                                       String contains, String after, int limit) {
            if (carryingUnreadable != null) {
                throw carryingUnreadable;
            }
            return super.carrying(sourceUuid, rsp, nameFilter, values, contains, after, limit);
        }
    };
    final MigrationService service = new MigrationService(instances, catalogue, versioning, new Operator("ops"), new CurrentAccess());
    final RecordingDialogs dialogs = new RecordingDialogs();
    TaskRunner tasks = new ImmediateTaskRunner();
    MigrationViewModel wizard = wizard(tasks);
    /** The per-instance browser the last {@link #showInstances} opened. */
    InstanceRemediesViewModel browser;
    /** Lets the work submitted so far finish: nothing to do with the immediate runner. */
    Runnable settle = () -> { };

    MigrationViewModel wizard(TaskRunner tasks) {
        return new MigrationViewModel(service, catalogue, tasks, dialogs);
    }

    /** The wizard on work that waits for the test; the steps below let it finish. */
    ManualTaskRunner waitingWork() {
        ManualTaskRunner manual = new ManualTaskRunner();
        tasks = manual;
        wizard = wizard(manual);
        settle = manual::runAll;
        return manual;
    }

    @BeforeEach
    void catalogue() {
        catalogue.specifications.addAll(List.of(
                spec(ROUTER_V2, "router", 2, SpecificationStatus.CURRENT),
                spec(V2, "broadband", 2, SpecificationStatus.CURRENT),
                spec(V1, "broadband", 1, SpecificationStatus.CURRENT),
                spec(V3, "broadband", 3, SpecificationStatus.FROZEN),
                spec(ROUTER_V1, "router", 1, SpecificationStatus.CURRENT)));
        versioning.rules.put(V1, List.of(new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of("fttc", "fttb", "fttn", "fttp", "fw"), false)));
        versioning.rules.put(V2, List.of(new CharacteristicRule("broadband", "technology", ValueType.STRING, List.of("fttc", "fttn", "fttp"), false)));
        String[] technologies = {"fttp", "fttb", "fttb", "fw", "fttn"};
        for (int i = 0; i < technologies.length; i++) {
            instances.add(V1, "acme-" + (i + 1), Map.of("broadband", broadband(technologies[i])), "Broadband", "Instance", "Provider");
        }
        instances.add(V1, "beta-1", Map.of("broadband", broadband("fttb")), "Broadband", "Instance", "Provider");
    }

    SelectionViewModel selection() {
        return wizard.selection();
    }

    RemediesViewModel remedies() {
        return wizard.remedies();
    }

    ExecutionViewModel execution() {
        return wizard.execution();
    }

    /** Opens the per-instance browser on {@code remedy}'s instances whose name contains {@code containing}. */
    InstanceRemediesViewModel showInstances(RemedyChoice remedy, String containing) {
        browser = new InstanceRemediesViewModel(service, tasks, remedies());
        browser.start(remedy);
        browser.containingProperty().set(containing);
        browser.find();
        return browser;
    }

    Specification source(String uuid) {
        return selection().sourcesProperty().stream().filter(s -> s.uuid().equals(uuid)).findFirst().orElseThrow();
    }

    /** Acme's instances on v1, towards v2, in batches of two. */
    void choose() {
        wizard.reload();
        settle.run();
        selection().sourceProperty().set(source(V1));
        selection().rspProperty().set("acme");
        execution().batchSizeProperty().set(2);
        settle.run();
    }

    RemedyChoice remedy(Offence offence) {
        return remedies().remediesProperty().stream().filter(r -> r.offence().equals(offence)).findFirst().orElseThrow();
    }

    /** Checked, with fttb mapped to fttn and fw's instances left on v1. */
    void checkedAndRemedied() {
        choose();
        remedies().check();
        settle.run();
        remedy(FTTB).choice().set("fttn");
        remedy(FW).choice().set(RemedyChoice.EXCLUDE);
    }

    InstanceRemediesViewModel.InstanceChoice instanceChoice(String name) {
        return browser.instanceChoicesProperty().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
