package dev.diffo.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diffo.admin.app.Preferences.WindowState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The window's remembered place: read back as written; anything else is ignored, never a broken window. */
class WindowStateTest {

    @Test
    void whatIsRememberedIsReadBack() {
        WindowState state = new WindowState(120.5, 40, 1280, 800, false, "GRAPH");

        assertThat(WindowState.decode(state.encode())).contains(state);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "1,2,3", "x,0,1280,800,false,CATALOGUE", "0,0,10,10,false,CATALOGUE"})
    void whatCannotBeReadOrIsTooSmallIsIgnored(String kept) {
        assertThat(WindowState.decode(kept)).isEmpty();
    }
}
