package dev.jmcp.loadtest.cli;

import dev.jmcp.loadtest.ConfigException;
import dev.jmcp.loadtest.ConfigLoader;
import dev.jmcp.loadtest.LoadModel;
import dev.jmcp.loadtest.LoadTest;
import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestConfig.Settings;
import dev.jmcp.loadtest.LoadTestConfig.Stage;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.ReportFiles;
import dev.jmcp.loadtest.Targets;
import dev.jmcp.loadtest.internal.Durations;
import dev.jmcp.loadtest.target.Discovery;
import dev.jmcp.loadtest.target.SessionMode;
import dev.jmcp.loadtest.target.TargetSpec;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jmcp-loadtest}: load-tests an MCP server. Exit codes: 0 passed, 99 a threshold failed, 2 configuration
 * or usage error, 1 any other failure.
 */
@Command(
        name = "jmcp-loadtest",
        mixinStandardHelpOptions = true,
        version = "jmcp-loadtest 0.1.0",
        description = "Load-tests an MCP server over Streamable HTTP or stdio.",
        subcommands = {LoadTestCli.Run.class, LoadTestCli.Init.class, LoadTestCli.FindCeiling.class})
public final class LoadTestCli implements Callable<Integer> {
    /** Every threshold passed. */
    public static final int EXIT_OK = 0;
    /** A failure other than a threshold or the configuration. */
    public static final int EXIT_FAILURE = 1;
    /** The configuration or the command line is invalid. */
    public static final int EXIT_CONFIG = 2;
    /** At least one threshold failed (like k6). */
    public static final int EXIT_THRESHOLD = 99;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PrintStream stdout = System.out;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        quietLogging();
        System.exit(execute(args, System.out, System.err));
    }

    /**
     * Without a logback configuration of the user's, only warnings are logged (to stderr): the SDK's debug logging
     * would drown the live view and cost the generator time.
     */
    private static void quietLogging() {
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        LoadTestCli root = new LoadTestCli();
        root.stdout = out;
        CommandLine cl = new CommandLine(root);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ConfigException || ex instanceof IllegalArgumentException) {
                err.println("error: " + ex.getMessage());
                return EXIT_CONFIG;
            }
            err.println("error: " + ex);
            return EXIT_FAILURE;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return EXIT_CONFIG;
        });
        int code = cl.execute(args);
        out.flush();
        return code;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return EXIT_CONFIG;
    }

    /** Options shared by {@code run} and {@code find-ceiling}. */
    abstract static class RunOptions implements Callable<Integer> {
        @Option(
                names = {"-c", "--config"},
                description = "TOML configuration (jmcp or cargo-pmcp loadtest.toml format)")
        Path config;

        @Option(
                names = "--duration",
                description = "Run time, e.g. 15s, 2m (with stages: the run stops there, the stages cut)")
        String duration;

        @Option(names = "--vus", description = "Closed model: virtual users (ignored with stages)")
        Integer vus;

        @Option(names = "--rate", description = "Open model: scenario iterations per second")
        Double rate;

        @Option(names = "--iterations", description = "Stop after this many iterations")
        Long iterations;

        @Option(names = "--session-mode", description = "persistent, per-iteration or stateless")
        String sessionMode;

        @Option(names = "--seed", description = "Random seed")
        Long seed;

        @Option(
                names = {"-t", "--threshold"},
                description = "Threshold such as p99<50ms, error_rate<1%%, tool:echo:p95<20ms")
        List<String> thresholds = new ArrayList<>();

        @Option(
                names = "--report-dir",
                description = "Directory for the JSON and HTML reports (default: loadtest-reports)")
        Path reportDir = Path.of("loadtest-reports");

        @Option(names = "--no-report", description = "Write no report files")
        boolean noReport;

        @Option(names = "--junit", description = "Write JUnit XML here")
        Path junit;

        @Option(names = "--quiet", description = "No live view")
        boolean quiet;

        @Option(names = "--header", description = "Extra HTTP header NAME=VALUE")
        List<String> headers = new ArrayList<>();

        @Parameters(
                arity = "0..*",
                paramLabel = "URL | -- COMMAND ARGS",
                description = "HTTP URL, or (after --) the stdio command")
        List<String> target = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        LoadTestCli parent;

        LoadTestConfig loadConfig() {
            LoadTestConfig cfg;
            Path file = config != null ? config : defaultConfig();
            if (file != null) {
                cfg = ConfigLoader.load(file);
            } else {
                cfg = ConfigLoader.parse("[[scenario]]\ntype = \"ping\"\n", "<default: ping>");
            }
            Settings s = cfg.settings();
            if (duration != null) {
                s = s.withDuration(Durations.parse(duration));
            }
            if (vus != null) {
                s = s.withModel(LoadModel.CLOSED).withVirtualUsers(vus);
            }
            if (rate != null) {
                s = s.withModel(LoadModel.OPEN).withRate(rate);
            }
            if (iterations != null) {
                s = s.withIterations(iterations);
                if (duration == null && cfg.stages().isEmpty()) {
                    s = s.withDuration(null);
                }
            }
            if (sessionMode != null) {
                s = s.withSessionMode(
                        SessionMode.valueOf(sessionMode.toUpperCase(Locale.ROOT).replace('-', '_')));
            }
            if (seed != null) {
                s = s.withSeed(seed);
            }
            cfg = cfg.withSettings(s);
            if (duration != null && !cfg.stages().isEmpty()) {
                cfg = cfg.withStages(capStages(cfg.stages(), Durations.parse(duration)));
            }
            if ((vus != null || rate != null) && !cfg.stages().isEmpty()) {
                spec.commandLine().getErr().println("note: --vus/--rate ignored because the config has stages");
            }
            if (!thresholds.isEmpty()) {
                List<String> all = new ArrayList<>(cfg.thresholds());
                all.addAll(thresholds);
                cfg = cfg.withThresholds(all);
            }
            TargetSpec t = targetSpec(target, headers);
            if (t != null) {
                cfg = cfg.withTarget(t);
            }
            if (cfg.target() == null) {
                throw new IllegalArgumentException(
                        "no target: give a URL, `-- command args` or a [target] section in the config");
            }
            return cfg;
        }

        private static Path defaultConfig() {
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null) {
                for (Path p : List.of(dir.resolve("loadtest.toml"), dir.resolve(".pmcp/loadtest.toml"))) {
                    if (Files.isRegularFile(p)) {
                        return p;
                    }
                }
                dir = dir.getParent();
            }
            return null;
        }

        int runAndReport(boolean ceiling) throws Exception {
            LoadTestConfig cfg = loadConfig();
            PrintStream out = parent.stdout;
            LoadTest test =
                    LoadTest.builder().config(cfg).liveView(quiet ? null : out).build();
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = new Thread(
                    () -> {
                        test.stop();
                        try {
                            finished.await(15, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "jmcp-loadtest-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                LoadTestReport report = ceiling ? test.findCeiling() : test.run();
                return writeReports(report);
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting (Ctrl+C); the reports are written
                }
            }
        }

        private int writeReports(LoadTestReport report) throws java.io.IOException {
            PrintStream out = parent.stdout;
            out.print(ReportFiles.summary(report));
            if (!noReport) {
                String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
                Path json = reportDir.resolve("loadtest-" + stamp + ".json");
                Path html = reportDir.resolve("loadtest-" + stamp + ".html");
                ReportFiles.writeJson(report, json);
                ReportFiles.writeHtml(report, html);
                out.println("reports: " + json + " " + html);
            }
            if (junit != null) {
                ReportFiles.writeJUnitXml(report, junit);
                out.println("junit: " + junit);
            }
            LoadTestReport.Generator g = report.generator();
            if (g.sessionsOpened() == 0 && g.sessionOpenFailures() > 0) {
                spec.commandLine()
                        .getErr()
                        .println("error: target unreachable: no session could be opened (" + g.sessionOpenFailures()
                                + " attempts; see errors in the report)");
                return EXIT_FAILURE;
            }
            return report.passed() ? EXIT_OK : EXIT_THRESHOLD;
        }
    }

    /**
     * The stages cut at {@code limit} (so {@code --duration} bounds a staged run too): later stages are dropped and
     * the stage running at the limit ends there, at the level its ramp has reached by then.
     */
    static List<Stage> capStages(List<Stage> stages, Duration limit) {
        List<Stage> out = new ArrayList<>();
        long left = limit.toNanos();
        double previousVus = 0;
        double previousRate = 0;
        for (Stage s : stages) {
            if (left <= 0) {
                break;
            }
            long d = s.duration().toNanos();
            if (d <= left) {
                out.add(s);
            } else {
                double f = s.ramp() ? left / (double) d : 1;
                int vus = (int) Math.round(previousVus + (s.targetVus() - previousVus) * f);
                double rate = previousRate + (s.targetRate() - previousRate) * f;
                out.add(new Stage(s.name(), Duration.ofNanos(left), vus, rate, s.ramp()));
            }
            left -= d;
            previousVus = s.targetVus();
            previousRate = s.targetRate();
        }
        return out;
    }

    static TargetSpec targetSpec(List<String> target, List<String> headers) {
        if (target == null || target.isEmpty()) {
            return null;
        }
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>();
        for (String header : headers) {
            int eq = header.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--header expects NAME=VALUE, got " + header);
            }
            h.put(header.substring(0, eq), header.substring(eq + 1));
        }
        if (target.size() == 1 && target.get(0).matches("(?i)(https?|sim):.*")) {
            return new TargetSpec(target.get(0), List.of(), h, java.util.Map.of());
        }
        return new TargetSpec(null, target, h, java.util.Map.of());
    }

    /** {@code run}: runs a load test. */
    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run a load test")
    static final class Run extends RunOptions {
        @Override
        public Integer call() throws Exception {
            return runAndReport(false);
        }
    }

    /** {@code find-ceiling}: steps the arrival rate up until the SLO breaks. */
    @Command(
            name = "find-ceiling",
            mixinStandardHelpOptions = true,
            description =
                    "Step the open-model arrival rate up until the SLO breaks; report the highest sustainable rate")
    static final class FindCeiling extends RunOptions {
        @Option(names = "--start-rate", description = "First rate (per second)")
        Double startRate;

        @Option(names = "--step-rate", description = "Rate added per step")
        Double stepRate;

        @Option(names = "--step-duration", description = "Duration of each step, e.g. 10s")
        String stepDuration;

        @Option(names = "--max-rate", description = "Highest rate tried")
        Double maxRate;

        @Option(names = "--slo-p99", description = "SLO p99 bound, e.g. 200ms")
        String sloP99;

        @Option(names = "--slo-error-rate", description = "SLO error-rate bound, e.g. 1%% or 0.01")
        String sloErrorRate;

        @Override
        LoadTestConfig loadConfig() {
            LoadTestConfig cfg = super.loadConfig();
            LoadTestConfig.CeilingSettings c = cfg.ceiling();
            return cfg.withCeiling(new LoadTestConfig.CeilingSettings(
                    startRate != null ? startRate : c.startRate(),
                    stepRate != null ? stepRate : c.stepRate(),
                    stepDuration != null ? Durations.parse(stepDuration) : c.stepDuration(),
                    maxRate != null ? maxRate : c.maxRate(),
                    sloP99 != null ? Durations.parse(sloP99) : c.sloP99(),
                    sloErrorRate != null ? fraction(sloErrorRate) : c.sloErrorRate(),
                    c.sloDropRate()));
        }

        private static double fraction(String s) {
            String t = s.trim();
            return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
        }

        @Override
        public Integer call() throws Exception {
            return runAndReport(true);
        }
    }

    /** {@code init}: discovers a server's tools, resources and prompts and writes a starting config. */
    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = "Write a starting config from what a server offers")
    static final class Init implements Callable<Integer> {
        @Option(
                names = {"-o", "--output"},
                description = "Where to write (default: loadtest.toml)")
        Path output = Path.of("loadtest.toml");

        @Option(names = "--force", description = "Overwrite an existing file")
        boolean force;

        @Option(names = "--timeout", description = "Discovery timeout (default 30s)")
        String timeout = "30s";

        @Option(names = "--header", description = "Extra HTTP header NAME=VALUE")
        List<String> headers = new ArrayList<>();

        @Parameters(arity = "1..*", paramLabel = "URL | -- COMMAND ARGS")
        List<String> target;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            TargetSpec t = targetSpec(target, headers);
            if (Files.exists(output) && !force) {
                throw new IllegalArgumentException(output + " exists (use --force to overwrite)");
            }
            Duration d = Durations.parse(timeout);
            Discovery.Discovered found = Targets.discovery(t).discover(t, d);
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, ConfigTemplate.render(t, found), StandardCharsets.UTF_8);
            ConfigLoader.load(output); // what we write must load
            spec.commandLine()
                    .getOut()
                    .printf(
                            "wrote %s: %d tools, %d resources, %d prompts%n",
                            output,
                            found.tools().size(),
                            found.resourceUris().size(),
                            found.prompts().size());
            return EXIT_OK;
        }
    }
}
