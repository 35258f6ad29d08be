package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineSecretsTest {

    @Test
    void whatFollowsPasswordIsSuspectUnlessItIsAnOption() {
        assertThat(CommandLineSecrets.suspects(new String[] {"--password", "s3cret", "catalogue"})).containsExactly("s3cret");
        assertThat(CommandLineSecrets.suspects(new String[] {"--password=s3cret", "catalogue"})).containsExactly("s3cret");
        assertThat(CommandLineSecrets.suspects(new String[] {"--password", "--uri", "bolt://h:7687"})).isEmpty();
        assertThat(CommandLineSecrets.suspects(new String[] {"catalogue", "--password"})).isEmpty();
    }
}
