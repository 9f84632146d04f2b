package dev.jmcp.loadtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jmcp.loadtest.LoadTestReport.Latency;
import java.util.Map;

/**
 * The report section of the MCP-deep scenarios ({@code mcpScenarios} in the JSON report, schema 1.2): each part is
 * {@code null} when its scenario did not run. Latencies are milliseconds. Since schema 1.3 the section also carries
 * the histograms its latencies were computed from ({@code histograms}), so that {@code merge} adds the segments'
 * histograms instead of averaging percentiles.
 *
 * @param progress {@code tools/call} steps with {@code progress = true}: time to the first progress notification
 * @param tasks {@code tools/call} steps with {@code task = true}: time to completion, polls, terminal states
 * @param subscriptions {@code [subscribe]}: fan-out latency of {@code notifications/resources/updated}
 * @param idleStreams {@code [idle_streams]}: idle GET streams or {@code subscriptions/listen} held during the run
 * @param resumption {@code [resumption]}: SSE streams dropped and resumed with {@code Last-Event-ID}
 * @param idleExpiry {@code [idle_expiry]}: sessions left idle past a time, then reused
 * @param histograms the latency histograms (microseconds) behind the parts' latencies, each HdrHistogram's
 *     compressed encoding in Base64, keyed {@code part.field} ({@code progress.timeToFirstProgress}, {@code
 *     progress.callLatency}, {@code tasks.timeToCompletion}, {@code tasks.polls} (polls per created task), {@code subscriptions.latency}, {@code
 *     resumption.resumeLatency}); an empty latency has none; {@code null} in reports before schema 1.3
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpScenarios(
        Progress progress,
        Tasks tasks,
        Subscriptions subscriptions,
        IdleStreams idleStreams,
        Resumption resumption,
        IdleExpiry idleExpiry,
        Map<String, String> histograms) {

    /** Key of the time-to-first-progress histogram in {@link #histograms()}. */
    public static final String FIRST_PROGRESS = "progress.timeToFirstProgress";

    /** Key of the progress calls' service-time histogram in {@link #histograms()}. */
    public static final String PROGRESS_CALLS = "progress.callLatency";

    /** Key of the tasks' time-to-completion histogram in {@link #histograms()}. */
    public static final String TASK_COMPLETION = "tasks.timeToCompletion";

    /** Key of the histogram of {@code tasks/get} polls per created task in {@link #histograms()} (a count, not µs). */
    public static final String TASK_POLLS = "tasks.polls";

    /** Key of the subscription fan-out latency histogram in {@link #histograms()}. */
    public static final String SUBSCRIPTION_LATENCY = "subscriptions.latency";

    /** Key of the resumption latency histogram in {@link #histograms()}. */
    public static final String RESUME_LATENCY = "resumption.resumeLatency";

    /**
     * The section without histograms (as reports before schema 1.3 were).
     *
     * @param progress see the record component
     * @param tasks see the record component
     * @param subscriptions see the record component
     * @param idleStreams see the record component
     * @param resumption see the record component
     * @param idleExpiry see the record component
     */
    public McpScenarios(
            Progress progress,
            Tasks tasks,
            Subscriptions subscriptions,
            IdleStreams idleStreams,
            Resumption resumption,
            IdleExpiry idleExpiry) {
        this(progress, tasks, subscriptions, idleStreams, resumption, idleExpiry, null);
    }

    /**
     * Whether no part ran.
     *
     * @return true when every part is {@code null}
     */
    public boolean isEmpty() {
        return progress == null
                && tasks == null
                && subscriptions == null
                && idleStreams == null
                && resumption == null
                && idleExpiry == null;
    }

    /**
     * Time to first progress.
     *
     * @param calls calls made with a progress token
     * @param withProgress calls that received at least one progress notification
     * @param timeToFirstProgress from sending the call to its first {@code notifications/progress}
     * @param callLatency the same calls' service time (send to answer), for comparison
     */
    public record Progress(long calls, long withProgress, Latency timeToFirstProgress, Latency callLatency) {}

    /**
     * Tool calls made as tasks.
     *
     * @param calls task calls made
     * @param created calls the server answered with a task
     * @param notCreated calls the server answered at once with the result (2026-07-28 extension: its choice)
     * @param timeToCompletion from the call to the task's result (creation, polls at the server's {@code
     *     pollInterval}, {@code tasks/result})
     * @param pollsMean mean {@code tasks/get} polls per created task
     * @param pollsMax most polls of one task
     * @param states tasks by terminal state ({@code completed}, {@code failed}, {@code cancelled}) or what ended the
     *     wait ({@code timeout}, {@code error}, {@code not_created})
     */
    public record Tasks(
            long calls,
            long created,
            long notCreated,
            Latency timeToCompletion,
            double pollsMean,
            long pollsMax,
            Map<String, Long> states) {}

    /**
     * {@code resources/subscribe} fan-out.
     *
     * @param era {@code handshake} ({@code resources/subscribe}, notifications on the GET stream) or {@code
     *     2026-07-28} ({@code subscriptions/listen})
     * @param uri the resource
     * @param sessions subscriber sessions requested
     * @param subscribed subscribers that subscribed
     * @param triggers triggers sent (after a warm-up trigger that is not counted)
     * @param triggerErrors triggers that failed
     * @param expected notifications expected: successful triggers times subscribers
     * @param received notifications matched to a trigger
     * @param missed expected notifications that never arrived (waited for up to the step timeout after the last
     *     trigger)
     * @param unexpected notifications with no trigger left to match (coalescing or duplicates)
     * @param latency from sending a trigger to each subscriber's {@code notifications/resources/updated}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subscriptions(
            String era,
            String uri,
            int sessions,
            int subscribed,
            long triggers,
            long triggerErrors,
            long expected,
            long received,
            long missed,
            long unexpected,
            Latency latency) {}

    /**
     * Idle streams held during the run.
     *
     * @param kind {@code get} (the handshake era's standalone GET stream) or {@code subscriptions/listen}
     *     (2026-07-28)
     * @param requested streams requested
     * @param opened streams the server accepted
     * @param failedToOpen streams that could not be opened
     * @param closedByServer streams the server ended while the run lasted
     * @param openAtEnd streams still open when the run ended
     * @param heldSeconds how long the streams were held (the run's duration)
     */
    public record IdleStreams(
            String kind,
            int requested,
            int opened,
            int failedToOpen,
            int closedByServer,
            int openAtEnd,
            double heldSeconds) {}

    /**
     * SSE resumption under load.
     *
     * @param sessions sessions whose GET stream was dropped and resumed
     * @param drops streams dropped by the tester
     * @param resumed resumptions the server accepted
     * @param resumeFailures resumptions refused or failed
     * @param resumeLatency from sending the {@code GET} with {@code Last-Event-ID} to the stream's answer
     * @param triggers triggers sent (each should reach every session once)
     * @param events distinct events received
     * @param lost expected events never received: one per trigger and session
     * @param duplicated events received more than once (same event id)
     */
    public record Resumption(
            int sessions,
            long drops,
            long resumed,
            long resumeFailures,
            Latency resumeLatency,
            long triggers,
            long events,
            long lost,
            long duplicated) {}

    /**
     * Sessions left idle past a time, then reused.
     *
     * @param sessions sessions held
     * @param idleSeconds how long each was left idle between requests
     * @param reuses requests made after an idle period
     * @param succeeded of those, the ones answered
     * @param expired 404 answers (session expired) seen at reuse: each is followed by a re-initialisation and a retry,
     *     or, when the retry gets a 404 again, ends that reuse (so {@code expired - reinitialised} reuses failed by
     *     expiry, not counted as errors)
     * @param reinitialised new sessions the client opened after a 404 (the request then retried on it)
     * @param errors other failures, by class in {@code errorsByClass}
     * @param errorsByClass failures by class (not counting expiries the client recovered from)
     */
    public record IdleExpiry(
            int sessions,
            double idleSeconds,
            long reuses,
            long succeeded,
            long expired,
            long reinitialised,
            long errors,
            Map<String, Long> errorsByClass) {}
}
