package dev.diffo.admin.repository;

import dev.diffo.admin.domain.Scenario;

/** Writes a scenario (e.g. the demo) in diffo's shape, idempotently, in one transaction. */
public interface ScenarioRepository {

    Scenario.LoadResult load(Scenario scenario);
}
