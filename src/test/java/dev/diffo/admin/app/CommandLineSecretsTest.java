package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineSecretsTest {

    static final java.util.Set<String> COMMANDS = java.util.Set.of("catalogue", "migrate");

    @Test
    void whatFollowsPasswordIsSuspectUnlessItIsAnOptionOrACommand() {
        assertThat(CommandLineSecrets.suspects(new String[] {"--password", "s3cret", "catalogue"}, COMMANDS)).containsExactly("s3cret");
        assertThat(CommandLineSecrets.suspects(new String[] {"--password=s3cret", "catalogue"}, COMMANDS)).containsExactly("s3cret");
        assertThat(CommandLineSecrets.suspects(new String[] {"--password", "--uri", "bolt://h:7687"}, COMMANDS)).isEmpty();
        assertThat(CommandLineSecrets.suspects(new String[] {"catalogue", "--password"}, COMMANDS)).isEmpty();
        assertThat(CommandLineSecrets.suspects(new String[] {"--uri", "bolt://h:7687", "--password", "catalogue", "--json"}, COMMANDS)).isEmpty();
    }
}
