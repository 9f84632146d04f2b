package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadModel;
import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestConfig.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The load over time: stages resolved to offsets (nanoseconds since the start) with their start and end level
 * (virtual users or arrivals per second). Without configured stages there is one stage at the settings' level for
 * the settings' duration (unbounded when only an iteration limit applies).
 */
public final class LoadPlan {
    /** One resolved stage. */
    public record Phase(int index, String name, long startNanos, long endNanos, double from, double to, Stage stage) {
        /** The level at an offset inside the phase. */
        public double levelAt(long offset) {
            if (endNanos == Long.MAX_VALUE || endNanos == startNanos) {
                return to;
            }
            double f = Math.min(1, Math.max(0, (offset - startNanos) / (double) (endNanos - startNanos)));
            return from + (to - from) * f;
        }
    }

    private final LoadModel model;
    private final List<Phase> phases;

    private LoadPlan(LoadModel model, List<Phase> phases) {
        this.model = model;
        this.phases = List.copyOf(phases);
    }

    /** Resolves a configuration's stages. */
    public static LoadPlan of(LoadTestConfig config) {
        LoadModel model = config.settings().model();
        List<Phase> phases = new ArrayList<>();
        if (config.stages().isEmpty()) {
            double level = model == LoadModel.OPEN
                    ? config.settings().rate()
                    : config.settings().virtualUsers();
            long end = config.settings().duration() == null
                    ? Long.MAX_VALUE
                    : config.settings().duration().toNanos();
            phases.add(new Phase(0, "main", 0, end, level, level, null));
        } else {
            long t = 0;
            double previous = 0;
            for (int i = 0; i < config.stages().size(); i++) {
                Stage s = config.stages().get(i);
                double target = model == LoadModel.OPEN ? s.targetRate() : s.targetVus();
                long end = t + s.duration().toNanos();
                phases.add(new Phase(i, s.name(), t, end, s.ramp() ? previous : target, target, s));
                previous = target;
                t = end;
            }
        }
        return new LoadPlan(model, phases);
    }

    /** The phases in order. */
    public List<Phase> phases() {
        return phases;
    }

    /** The model. */
    public LoadModel model() {
        return model;
    }

    /** The planned end offset ({@link Long#MAX_VALUE} when unbounded). */
    public long endNanos() {
        return phases.get(phases.size() - 1).endNanos();
    }

    /** The phase index at an offset (the last phase past the end). */
    public int phaseAt(long offset) {
        for (Phase p : phases) {
            if (offset < p.endNanos()) {
                return p.index();
            }
        }
        return phases.size() - 1;
    }

    /** The level (VUs or rate) at an offset. */
    public double levelAt(long offset) {
        return phases.get(phaseAt(offset)).levelAt(offset);
    }
}
