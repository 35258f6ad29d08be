package dev.diffo.admin.repository;

import dev.diffo.admin.domain.SpecificationStatus;
import dev.diffo.admin.domain.SpecificationType;

/** The instance contract over the in-memory fake the ViewModel tests use. */
class FakeInstanceRepositoryContractTest extends InstanceRepositoryContract {
    private final FakeInstanceRepository fake = new FakeInstanceRepository();

    @Override
    protected InstanceRepository repository() {
        return fake;
    }

    @Override
    protected void seedParty(String key) {
        fake.parties.add(key);
    }

    @Override
    protected void seedSpecification(String uuid, String name, long major, SpecificationType type, SpecificationStatus status) {
        fake.specification(uuid, name, major, type, status);
    }
}
