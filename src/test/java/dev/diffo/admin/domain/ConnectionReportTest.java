package dev.diffo.admin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionReportTest {

    static final GraphShape CATALOGUE = new GraphShape(30, 2, 11, 0, java.util.List.of(), Map.of("Specification", 2L, "Instance", 11L, "Provider", 13L));

    @Test
    void anRspOperatorsTestConnectionTellsNoCountOfEveryRspsInstances() {
        ConnectionReport report = new ConnectionReport("bolt://db:7687", "Not encrypted.", "2026.01.0", "community", "neo4j", CATALOGUE, Optional.empty());

        assertThat(report.lines()).anySatisfy(line -> assertThat(line).contains("11 instance(s)"));
        assertThat(report.forRsp("ORG000000123456").lines()).noneSatisfy(line -> assertThat(line).contains("11"))
                .anySatisfy(line -> assertThat(line).contains("ORG000000123456's own are counted once connected"));
    }
}
