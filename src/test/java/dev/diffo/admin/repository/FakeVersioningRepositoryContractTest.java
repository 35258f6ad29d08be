package dev.diffo.admin.repository;

/** The versioning contract over the in-memory fake the ViewModel tests use. */
class FakeVersioningRepositoryContractTest extends VersioningRepositoryContract {
    private final FakeVersioningRepository fake = new FakeVersioningRepository();

    @Override
    protected VersioningRepository repository() {
        return fake;
    }

    @Override
    protected void seedInstance(String specificationUuid, String name, String technology) {
        fake.instance(specificationUuid, name, "broadband", broadbandValue(technology));
    }

    static String broadbandValue(String technology) {
        return "{\"type\":\"dynamic\",\"value\":{\"type\":\"Elixir.Diffo.Nbn.BroadbandValue\",\"value\":{\"technology\":\"" + technology + "\"}}}";
    }
}
