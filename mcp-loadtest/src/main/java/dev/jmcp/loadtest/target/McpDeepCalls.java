package dev.jmcp.loadtest.target;

import dev.jmcp.client.CallOptions;
import dev.jmcp.client.McpClient;
import dev.jmcp.client.TaskNotCreatedException;
import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tasks.CreateTaskResult;
import dev.jmcp.core.protocol.tasks.GetTaskResult;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.loadtest.internal.McpOutcomes;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * The MCP-deep {@code tools/call} steps of {@link McpTarget}: a call with a progress token (time to the first
 * {@code notifications/progress}) and a call as a task (poll {@code tasks/get} at the server's {@code pollInterval}
 * until terminal, then {@code tasks/result}). The era is the session's: 2025-11-25 tasks in the handshake era, the
 * 2026-07-28 tasks extension when stateless. Never throws for server failures.
 */
final class McpDeepCalls {
    /** The poll interval when the server suggests none. */
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

    /** The shortest poll interval honoured (a server suggesting 0 is not polled in a busy loop). */
    static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(5);

    private McpDeepCalls() {}

    static StepOutcome execute(
            McpClient client, Step step, Duration timeout, BiFunction<String, JsonNode, String> schemaCheck)
            throws InterruptedException {
        long t0 = System.nanoTime();
        AtomicLong firstProgress = new AtomicLong(-1);
        CallOptions options = CallOptions.builder()
                .timeout(timeout)
                .totalTimeout(timeout)
                .progress((progress, total, message) -> firstProgress.compareAndSet(-1, System.nanoTime() - t0))
                .build();
        if (step.mode() == CallMode.TASK) {
            return task(client, step, timeout, options, t0, firstProgress, schemaCheck);
        }
        try {
            CallToolResult r = client.callTool(step.name(), arguments(step), options);
            return classify(step, r, schemaCheck).withDetail(StepDetail.progress(firstProgress.get()));
        } catch (McpCancelledException e) {
            interruptedCheck(e, step);
            return McpOutcomes.classify(e).withDetail(StepDetail.progress(firstProgress.get()));
        } catch (RuntimeException e) {
            return McpOutcomes.classify(e).withDetail(StepDetail.progress(firstProgress.get()));
        }
    }

    private static StepOutcome task(
            McpClient client,
            Step step,
            Duration timeout,
            CallOptions options,
            long t0,
            AtomicLong firstProgress,
            BiFunction<String, JsonNode, String> schemaCheck)
            throws InterruptedException {
        long deadline = t0 + timeout.toNanos();
        int polls = 0;
        String taskId = null;
        try {
            CreateTaskResult created;
            try {
                created = client.callToolAsTask(step.name(), arguments(step), TaskMetadata.defaults(), options);
            } catch (TaskNotCreatedException e) { // 2026-07-28: the server answered at once
                return classify(step, e.result(), schemaCheck)
                        .withDetail(StepDetail.task(0, "not_created", firstProgress.get()));
            }
            taskId = created.task().taskId();
            TaskStatus status = created.task().status();
            Duration interval = pollInterval(created.task().pollInterval(), DEFAULT_POLL_INTERVAL);
            while (!status.isTerminal()) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    cancelQuietly(client, taskId);
                    return StepOutcome.timeout().withDetail(StepDetail.task(polls, "timeout", firstProgress.get()));
                }
                long sleep = Math.min(interval.toNanos(), deadline - now);
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                GetTaskResult g = client.getTask(taskId);
                polls++;
                status = g.status();
                interval = pollInterval(g.pollInterval(), interval);
            }
            String state = status.wire().toLowerCase(Locale.ROOT);
            if (status == TaskStatus.CANCELLED) {
                return StepOutcome.protocolError("task " + taskId + " was cancelled by the server")
                        .withDetail(StepDetail.task(polls, state, firstProgress.get()));
            }
            CallToolResult result = client.getToolTaskResult(taskId);
            return classify(step, result, schemaCheck).withDetail(StepDetail.task(polls, state, firstProgress.get()));
        } catch (McpCancelledException e) {
            interruptedCheck(e, step);
            return McpOutcomes.classify(e).withDetail(StepDetail.task(polls, "error", firstProgress.get()));
        } catch (RuntimeException e) {
            return McpOutcomes.classify(e).withDetail(StepDetail.task(polls, "error", firstProgress.get()));
        }
    }

    private static Duration pollInterval(Long suggestedMs, Duration fallback) {
        if (suggestedMs == null) {
            return fallback;
        }
        Duration d = Duration.ofMillis(suggestedMs);
        return d.compareTo(MIN_POLL_INTERVAL) < 0 ? MIN_POLL_INTERVAL : d;
    }

    private static void cancelQuietly(McpClient client, String taskId) {
        try {
            client.cancelTask(taskId);
        } catch (RuntimeException ignored) {
            // best effort: the task may have ended meanwhile
        }
    }

    private static void interruptedCheck(McpCancelledException e, Step step) throws InterruptedException {
        if (Thread.interrupted()) {
            InterruptedException ie = new InterruptedException("interrupted during " + step.label());
            ie.initCause(e);
            throw ie;
        }
    }

    private static JsonNode arguments(Step step) {
        JsonNode args = step.arguments();
        return args == null || args.isNull() ? McpJson.object() : args;
    }

    private static StepOutcome classify(Step step, CallToolResult r, BiFunction<String, JsonNode, String> schemaCheck) {
        JsonNode json = McpJson.toTree(r);
        if (Boolean.TRUE.equals(r.isError())) {
            return StepOutcome.toolError(json);
        }
        String problem = schemaCheck.apply(step.name(), json);
        return problem == null ? StepOutcome.success(json) : StepOutcome.validationError(problem, json);
    }
}
