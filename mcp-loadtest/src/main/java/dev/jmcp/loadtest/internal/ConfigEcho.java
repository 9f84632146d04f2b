package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadModel;
import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.LoadTestConfig.Settings;
import dev.jmcp.loadtest.LoadTestConfig.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration as a report echoes it: settings, stages, scenarios (steps with their arguments), thresholds, the
 * breaking-point detector's settings (so {@code merge} can run it again) and the target. Header and environment <em>values</em> are never echoed (they carry credentials): only their names.
 */
final class ConfigEcho {
    private ConfigEcho() {}

    static Map<String, Object> of(LoadTestConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        Settings s = c.settings();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("model", s.model().name().toLowerCase(Locale.ROOT));
        if (s.model() == LoadModel.OPEN) {
            settings.put("rate", s.rate());
            settings.put("maxWorkers", s.maxWorkers());
            settings.put("maxQueueWait", Durations.format(s.maxQueueWait()));
            settings.put("sessionPool", s.sessionPool());
            settings.put("requestsPerSession", s.requestsPerSession());
            settings.put("overload", s.overload().name().toLowerCase(Locale.ROOT));
        } else {
            settings.put("virtualUsers", s.virtualUsers());
            settings.put("thinkTime", Durations.format(s.thinkTime().mean()));
            settings.put("pacing", Durations.format(s.pacing()));
        }
        settings.put("duration", s.duration() == null ? null : Durations.format(s.duration()));
        settings.put("iterations", s.iterations());
        settings.put("timeout", Durations.format(s.timeout()));
        settings.put(
                "sessionMode", s.sessionMode().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        settings.put("interval", Durations.format(s.interval()));
        settings.put("seed", s.seed());
        m.put("settings", settings);
        List<Object> stages = new ArrayList<>();
        for (Stage st : c.stages()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", st.name());
            x.put("duration", Durations.format(st.duration()));
            if (s.model() == LoadModel.OPEN) {
                x.put("targetRate", st.targetRate());
            } else {
                x.put("targetVus", st.targetVus());
            }
            x.put("ramp", st.ramp());
            stages.add(x);
        }
        m.put("stages", stages);
        List<Object> scenarios = new ArrayList<>();
        for (Scenario sc : c.scenarios()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", sc.name());
            x.put("weight", sc.weight());
            List<Object> steps = new ArrayList<>();
            for (FlowStep f : sc.steps()) {
                Map<String, Object> st = new LinkedHashMap<>();
                st.put("type", f.operation().method());
                if (f.name() != null) {
                    st.put("name", f.name());
                }
                if (f.arguments() != null) {
                    st.put("arguments", f.arguments());
                }
                if (f.mode() != dev.jmcp.loadtest.target.CallMode.PLAIN) {
                    st.put(f.mode() == dev.jmcp.loadtest.target.CallMode.TASK ? "task" : "progress", true);
                }
                steps.add(st);
            }
            x.put("steps", steps);
            scenarios.add(x);
        }
        m.put("scenarios", scenarios);
        m.put("thresholds", c.thresholds());
        m.put("breakingPoint", MergedBreakingPoint.echo(c.breakingPoint()));
        if (!c.mcpScenarios().isEmpty()) {
            // the sections as configured: records serialise with their component names
            m.put("mcpScenarios", dev.jmcp.core.McpJson.toTree(c.mcpScenarios()));
        }
        if (c.target() != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("description", c.target().describe());
            t.put("headerNames", List.copyOf(c.target().headers().keySet()));
            t.put("envNames", List.copyOf(c.target().env().keySet()));
            m.put("target", t);
        }
        return m;
    }
}
