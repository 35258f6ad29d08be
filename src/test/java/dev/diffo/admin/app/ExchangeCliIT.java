package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.support.DiffoLivebookCatalogue;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.StoreCredentials;
import dev.diffo.admin.support.TestGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalogue export} and {@code catalogue import} on a catalogue diffo wrote (no allowed values recorded). */
@ExtendWith(Neo4jExtension.class)
class ExchangeCliIT {

    static final String V1_VALUES = """
            {"@type": "ServiceSpecification", "name": "broadband", "version": "v1.1.0",
             "specCharacteristic": [{"name": "broadband.technology", "valueType": "string",
               "characteristicValueSpecification": [{"value": "fttc"}, {"value": "fttb"}, {"value": "fttn"}, {"value": "fttp"}, {"value": "fw"}]}]}
            """;

    StoreCredentials store;
    TestGraph graph;
    @TempDir
    Path dir;

    @BeforeEach
    void write(StoreCredentials store, TestGraph graph) {
        DiffoLivebookCatalogue.write(graph);
        this.store = store;
        this.graph = graph;
    }

    LauncherIT.Run run(String... args) {
        return LauncherIT.run(store, args);
    }

    long recordedRules() {
        return graph.count("MATCH (:Specification)-[:ALLOWS]->(r:CharacteristicRule) RETURN count(r)");
    }

    @Test
    void aVersionWithoutRecordedValuesIsExportedWithANoteAndAnExistingFileIsNotOverwritten() throws IOException {
        Path out = dir.resolve("v1.json");

        LauncherIT.Run export = run("catalogue", "export", "--name", "broadband", "--major", "1", "--out", out.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("Wrote 1 specification version to " + out);
        assertThat(export.err()).contains("note: broadband v1.1.0 has no allowed values recorded");
        String written = Files.readString(out);
        assertThat(written).contains("\"version\" : \"v1.1.0\"", "\"diffoAdminNote\"").doesNotContain("specCharacteristic\" :");

        LauncherIT.Run again = run("catalogue", "export", "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains(out + " exists");
        assertThat(Files.readString(out)).isEqualTo(written);
    }

    @Test
    void aDryRunWritesNothingAndTheImportRecordsTheValuesWithoutABump() throws IOException {
        Path document = Files.writeString(dir.resolve("partner.json"), V1_VALUES);
        String diffoBefore = graph.diffoFingerprint();

        LauncherIT.Run dryRun = run("catalogue", "import", document.toString(), "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Import of partner.json: 1 to record allowed values", "stays v1.1.0", "Dry run: nothing was written.");
        assertThat(recordedRules()).isZero();

        LauncherIT.Run imported = run("catalogue", "import", document.toString(), "--reason", "as the partner catalogue says");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("done: recorded the allowed values of broadband v1.1.0");
        assertThat(recordedRules()).isEqualTo(1);
        assertThat(graph.diffoFingerprint()).isEqualTo(diffoBefore);
        assertThat(run("spec", "history", "--name", "broadband").out()).contains("as the partner catalogue says");
    }

    @Test
    void aRefusedDryRunIsNotDoneAndAMalformedDocumentIsAnError() throws IOException {
        run("catalogue", "import", Files.writeString(dir.resolve("v1.json"), V1_VALUES).toString());
        Path narrowing = Files.writeString(dir.resolve("narrow.json"), V1_VALUES.replace("{\"value\": \"fttb\"}, ", ""));
        Path malformed = Files.writeString(dir.resolve("bad.json"), "[" + V1_VALUES + ", {\"name\": [\"router\"]}]");

        LauncherIT.Run refused = run("catalogue", "import", narrowing.toString(), "--dry-run");
        LauncherIT.Run bad = run("catalogue", "import", malformed.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("refused", "would narrow v1.1.0: it removes the value fttb from broadband.technology");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("$[1].name");
        assertThat(recordedRules()).isEqualTo(1);
    }
}
