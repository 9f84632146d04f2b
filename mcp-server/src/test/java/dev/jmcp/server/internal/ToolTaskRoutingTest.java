package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.tools.ToolExecution.TaskSupport;
import dev.jmcp.server.internal.ToolTaskRouting.Facts;
import dev.jmcp.server.internal.ToolTaskRouting.Route;
import org.junit.jupiter.api.Test;

class ToolTaskRoutingTest {
    static final ProtocolVersion V2025_11 = ProtocolVersion.parse("2025-11-25").orElseThrow();
    static final ProtocolVersion V2025_06 = ProtocolVersion.parse("2025-06-18").orElseThrow();
    static final ProtocolVersion V2026 = ProtocolVersion.parse("2026-07-28").orElseThrow();

    static Route route(TaskSupport s, ProtocolVersion v, boolean perRequest, boolean ext, boolean task) {
        return ToolTaskRouting.route(new Facts("t", s, v, perRequest, ext, task));
    }

    static int rejection(TaskSupport s, ProtocolVersion v, boolean perRequest, boolean ext, boolean task) {
        return catchThrowableOfType(ProtocolError.class, () -> route(s, v, perRequest, ext, task))
                .code();
    }

    @Test
    void aPerRequestClientWithTheExtensionGetsATaskFromATaskSupportingTool() {
        assertThat(route(TaskSupport.OPTIONAL, V2026, true, true, false)).isEqualTo(Route.EXTENSION_TASK);
        assertThat(route(TaskSupport.FORBIDDEN, V2026, true, true, false)).isEqualTo(Route.INLINE);
    }

    @Test
    void aHandshakeClientAskingForATaskGetsACoreTask() {
        assertThat(route(TaskSupport.OPTIONAL, V2025_11, false, false, true)).isEqualTo(Route.CORE_TASK);
        assertThat(rejection(TaskSupport.FORBIDDEN, V2025_11, false, false, true))
                .isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
    }

    @Test
    void aToolThatRequiresATaskRejectsAnInlineCall() {
        assertThat(rejection(TaskSupport.REQUIRED, V2026, true, false, false))
                .isEqualTo(ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY);
        assertThat(rejection(TaskSupport.REQUIRED, V2025_11, false, false, false))
                .isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
    }

    @Test
    void revisionsWithoutTasksRunEveryToolInline() {
        assertThat(route(TaskSupport.REQUIRED, V2025_06, false, false, true)).isEqualTo(Route.INLINE);
        assertThat(route(TaskSupport.OPTIONAL, V2025_06, false, false, false)).isEqualTo(Route.INLINE);
    }
}
