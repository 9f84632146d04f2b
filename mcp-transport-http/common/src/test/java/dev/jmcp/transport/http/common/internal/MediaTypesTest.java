package dev.jmcp.transport.http.common.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypesTest {
    @Test
    void acceptAdmitsTheTypeItsMajorWildcardOrAnythingAndIgnoresCaseSpacesAndParameters() {
        assertThat(MediaTypes.accepts(null, "application/json")).isTrue();
        assertThat(MediaTypes.accepts("  ", "application/json")).isTrue();
        assertThat(MediaTypes.accepts("application/json, text/event-stream", "application/json"))
                .isTrue();
        assertThat(MediaTypes.accepts("application/json, text/event-stream", "text/event-stream"))
                .isTrue();
        assertThat(MediaTypes.accepts(" Application/JSON ;q=0.9", "application/json"))
                .isTrue();
        assertThat(MediaTypes.accepts("text/html,*/*;q=0.1", "application/json"))
                .isTrue();
        assertThat(MediaTypes.accepts("application/*", "application/json")).isTrue();
        assertThat(MediaTypes.accepts("APPLICATION/*", "application/json")).isTrue();
        assertThat(MediaTypes.accepts("text/*", "application/json")).isFalse();
        assertThat(MediaTypes.accepts("application/json", "text/event-stream")).isFalse();
        assertThat(MediaTypes.accepts("application/jsonx", "application/json")).isFalse();
        assertThat(MediaTypes.accepts("application/json5,", "application/json")).isFalse();
        assertThat(MediaTypes.accepts(",,", "application/json")).isFalse();
        assertThat(MediaTypes.accepts("*/*x", "application/json")).isFalse();
        assertThat(MediaTypes.accepts("application/x*", "application/json")).isFalse();
    }

    @Test
    void jsonContentTypeIgnoresCaseSpacesAndParametersOnly() {
        assertThat(MediaTypes.isJson("application/json")).isTrue();
        assertThat(MediaTypes.isJson(" Application/Json ; charset=utf-8")).isTrue();
        assertThat(MediaTypes.isJson("application/json-patch+json")).isFalse();
        assertThat(MediaTypes.isJson("text/json")).isFalse();
        assertThat(MediaTypes.isJson("")).isFalse();
        assertThat(MediaTypes.isJson(null)).isFalse();
    }
}
