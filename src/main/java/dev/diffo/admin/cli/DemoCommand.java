package dev.diffo.admin.cli;

import dev.diffo.admin.catalogue.DemoService;
import dev.diffo.admin.domain.ConnectionInfo;
import dev.diffo.admin.domain.Scenario;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = "Load the demo catalogue (broadband v1 and v2, Acme's and Beta's instances). Loading twice creates nothing new.")
public class DemoCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext context;

    private final Provider<DemoService> demo;

    @Inject
    public DemoCommand(Provider<DemoService> demo) {
        this.demo = demo;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ConnectionInfo info = context.connect();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Connected: " + info.summary());
        Scenario.LoadResult result = demo.get().loadDemo();
        out.println(result.changedAnything() ? "Demo loaded. " + result.summary() : "The demo was already loaded; nothing changed. " + result.summary());
        out.flush();
        return 0;
    }
}
