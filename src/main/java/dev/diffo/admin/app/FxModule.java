package dev.diffo.admin.app;

import com.google.inject.AbstractModule;
import dev.diffo.admin.common.DialogService;
import dev.diffo.admin.common.TaskRunner;
import dev.diffo.admin.common.Views;

/** What only the desktop UI needs: background tasks that report to the FX thread, and dialogs. */
public class FxModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(TaskRunner.class).to(FxTaskRunner.class);
        bind(DialogService.class).to(FxDialogService.class);
        bind(Views.class).to(ViewLoader.class);
    }
}
