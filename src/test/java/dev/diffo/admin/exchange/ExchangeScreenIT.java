package dev.diffo.admin.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.diffo.admin.app.MainView;
import dev.diffo.admin.app.ViewLoader;
import dev.diffo.admin.catalogue.CatalogueViewModel;
import java.util.List;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.domain.Specification;
import dev.diffo.admin.repository.CatalogueRepository;
import dev.diffo.admin.repository.VersioningRepository;
import dev.diffo.admin.support.FxScreenExtension;
import dev.diffo.admin.support.Neo4jExtension;
import dev.diffo.admin.support.Snapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** File → Import…'s preview, headless, over the real services on embedded Neo4j with the demo loaded. */
@ExtendWith({Neo4jExtension.class, FxScreenExtension.class})
class ExchangeScreenIT {

    /** router and modem are new, broadband v1 gains fw (a next minor), v2 is as recorded; two fields TMF has and we do not keep. */
    static final String THREE = """
            [
              {"@type": "ResourceSpecification", "id": "%s", "name": "router", "version": "v1.2.0", "category": "Equipment", "description": "Home router",
               "validFor": {"startDateTime": "2026-01-01T00:00:00Z"},
               "resourceSpecCharacteristic": [{"name": "wifi", "valueType": "string",
                 "resourceSpecCharacteristicValue": [{"value": "wifi6"}, {"value": "wifi7"}]}]},
              {"@type": "ServiceSpecification", "name": "broadband", "version": "v1.1.0",
               "specCharacteristic": [{"name": "broadband.technology", "valueType": "string", "regex": "^f",
                 "characteristicValueSpecification": [{"value": "fttc"}, {"value": "fttb"}, {"value": "fttn"}, {"value": "fttp"}, {"value": "fw"}]}]},
              {"@type": "ServiceSpecification", "name": "broadband", "version": "v2.0.0",
               "specCharacteristic": [{"name": "broadband.technology", "valueType": "string",
                 "characteristicValueSpecification": [{"value": "fttc"}, {"value": "fttn"}, {"value": "fttp"}, {"value": "fw"}]}]}
            """.formatted(ExchangeScreenIT.ROUTER);

    /** The three, and a name diffo refuses. */
    static final String PARTNER_DOCUMENT = THREE + """
            , {"@type": "ServiceSpecification", "name": "Modem Service", "version": "v1.0.0"}]
            """;

    static final String ROUTER = "0b7c1e2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d";

    final FxRobot robot = new FxRobot();

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    ExchangeViewModel mount(Injector injector) throws TimeoutException {
        FxScreenExtension.show(() -> {
            Region root = (Region) injector.getInstance(ViewLoader.class).load(ExchangeView.class).root();
            root.setPrefSize(1100, 460);
            return root;
        });
        return injector.getInstance(ExchangeViewModel.class);
    }

    @SuppressWarnings("unchecked")
    TableView<ImportPlan.Step> steps() {
        return robot.lookup("#steps").queryAs(TableView.class);
    }

    @Test
    void aDocumentWithARefusedSpecificationIsPreviewedAndCannotBeImported(Injector injector, DemoService demo, @TempDir Path dir)
            throws TimeoutException, IOException {
        demo.loadDemo();
        ExchangeViewModel model = mount(injector);
        Path file = Files.writeString(dir.resolve("partner-catalogue.json"), PARTNER_DOCUMENT);

        robot.interact(() -> model.preview(file));
        await(() -> steps().getItems().size() == 4);

        assertThat(steps().getItems()).extracting(ImportPlan.Step::action).containsExactly(ImportPlan.Action.CREATE, ImportPlan.Action.MINOR,
                ImportPlan.Action.UNCHANGED, ImportPlan.Action.REFUSED);
        assertThat(robot.lookup("#heading").queryAs(Label.class).getText())
                .contains("1 to create", "1 as a next minor", "1 unchanged", "1 refused", "nothing is written");
        assertThat(robot.lookup("#keptAside").queryAs(Label.class).getText()).contains("$[0].validFor", "$[1].specCharacteristic[0].regex");
        assertThat(robot.lookup("#importButton").queryAs(Button.class).isDisabled()).isTrue();
        Snapshots.save(robot.lookup("#steps").query().getParent(), "exchange-import-preview");
    }

    @Test
    void theMainWindowOffersExportAndImportAndShowsWhatAnImportCreated(Injector injector, DemoService demo, @TempDir Path dir)
            throws TimeoutException, IOException {
        demo.loadDemo();
        CatalogueViewModel catalogue = injector.getInstance(CatalogueViewModel.class);
        FxScreenExtension.show(() -> {
            Region root = (Region) injector.getInstance(ViewLoader.class).load(MainView.class).root();
            root.setPrefSize(1280, 800);
            return root;
        });
        await(() -> catalogue.find("a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5").isPresent());
        MenuBar menus = robot.lookup("#menuBar").queryAs(MenuBar.class);
        List<MenuItem> file = menus.getMenus().getFirst().getItems();
        assertThat(file).filteredOn(item -> "exportMenuItem".equals(item.getId())).singleElement().extracting(MenuItem::isDisable).isEqualTo(false);
        assertThat(file).filteredOn(item -> "importMenuItem".equals(item.getId())).singleElement().extracting(MenuItem::isDisable).isEqualTo(false);
        ExchangeViewModel model = injector.getInstance(ExchangeViewModel.class);
        Path document = Files.writeString(dir.resolve("partner-catalogue.json"), THREE + "]");

        robot.interact(() -> model.preview(document));
        await(() -> model.canImportProperty().get());
        robot.interact(model::importNow);

        await(() -> catalogue.find(ROUTER).isPresent());
        assertThat(catalogue.find(ROUTER).orElseThrow().version()).isEqualTo("v1.2.0");
    }

    @Test
    void aCleanDocumentIsImportedFromThePreview(Injector injector, DemoService demo, CatalogueRepository catalogue, VersioningRepository versions,
                                                @TempDir Path dir) throws TimeoutException, IOException {
        demo.loadDemo();
        ExchangeViewModel model = mount(injector);
        Path file = Files.writeString(dir.resolve("partner-catalogue.json"), THREE + "]");

        robot.interact(() -> model.preview(file));
        await(() -> steps().getItems().size() == 3);
        assertThat(robot.lookup("#importButton").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#reason").write("partner catalogue, week 48");
        robot.clickOn("#importButton");
        await(() -> !robot.lookup("#outcome").queryAs(Label.class).getText().isEmpty());

        assertThat(robot.lookup("#outcome").queryAs(Label.class).getText())
                .isEqualTo("Imported: created router v1.2.0; added to broadband as v1.1.0.");
        Specification router = versions.find("router", 1).orElseThrow();
        assertThat(router.type().stored()).isEqualTo("resourceSpecification");
        assertThat(versions.rules(router.uuid())).singleElement().extracting(r -> r.allowedValues()).isEqualTo(java.util.List.of("wifi6", "wifi7"));
        assertThat(versions.find("broadband", 1).orElseThrow().version()).isEqualTo("v1.1.0");
        assertThat(versions.history("router")).singleElement().extracting(e -> e.reason()).isEqualTo("partner catalogue, week 48");
        assertThat(catalogue.findSpecifications("")).hasSize(3);
        Snapshots.save(robot.lookup("#steps").query().getParent(), "exchange-import-done");
    }
}
