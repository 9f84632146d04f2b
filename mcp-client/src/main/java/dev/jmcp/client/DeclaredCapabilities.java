package dev.jmcp.client;

import dev.jmcp.core.protocol.capabilities.ClientCapabilities;
import dev.jmcp.core.protocol.capabilities.ClientCapabilities.SamplingFeature;
import dev.jmcp.core.protocol.capabilities.TaskRequests;
import dev.jmcp.core.protocol.capabilities.TasksCapability;
import java.util.ArrayList;
import java.util.List;

/** The client capabilities the builder's handlers imply, in each era's shape. */
final class DeclaredCapabilities {
    private DeclaredCapabilities() {}

    /** For {@code initialize}: roots with {@code listChanged}, and {@code tasks} (2025-11-25) when offered. */
    static ClientCapabilities handshake(McpClientBuilder b) {
        ClientCapabilities.Builder caps = common(b);
        if (b.roots != null) {
            caps.roots(true);
        }
        if (b.tasks != null) {
            TasksCapability.Builder tasks = TasksCapability.builder().requests(taskRequests(b.tasks));
            if (b.tasks.list()) {
                tasks.list();
            }
            if (b.tasks.cancel()) {
                tasks.cancel();
            }
            caps.tasks(tasks.build());
        }
        return caps.build();
    }

    /**
     * For the 2026-07-28 {@code _meta}: roots is a bare object; no {@code tasks} (core tasks are gone, and the
     * server sends no requests in that era).
     */
    static ClientCapabilities stateless(McpClientBuilder b) {
        ClientCapabilities.Builder caps = common(b);
        if (b.roots != null) {
            caps.roots(false);
        }
        return caps.build();
    }

    private static ClientCapabilities.Builder common(McpClientBuilder b) {
        ClientCapabilities.Builder caps = ClientCapabilities.builder();
        if (!b.experimental.isEmpty()) {
            caps.experimental(b.experimental);
        }
        if (b.sampling != null && b.samplingTools) {
            caps.sampling(SamplingFeature.TOOLS);
        } else if (b.sampling != null) {
            caps.sampling();
        }
        if (b.elicitation != null) {
            List<ClientCapabilities.ElicitationMode> modes = new ArrayList<>();
            if (b.elicitationForm) {
                modes.add(ClientCapabilities.ElicitationMode.FORM);
            }
            if (b.elicitationUrl) {
                modes.add(ClientCapabilities.ElicitationMode.URL);
            }
            // the builder's elicitation(...) always declares at least one mode
            caps.elicitation(
                    modes.get(0), modes.subList(1, modes.size()).toArray(ClientCapabilities.ElicitationMode[]::new));
        }
        if (!b.extensions.isEmpty()) {
            caps.extensions(b.extensions);
        }
        return caps;
    }

    /** The task-augmentable requests the client accepts, e.g. {@code {"sampling": {"createMessage": {}}}}. */
    private static TaskRequests taskRequests(ClientTaskOptions tasks) {
        TaskRequests.Builder requests = TaskRequests.builder();
        if (tasks.sampling()) {
            requests.samplingCreateMessage();
        }
        if (tasks.elicitation()) {
            requests.elicitationCreate();
        }
        return requests.build();
    }
}
