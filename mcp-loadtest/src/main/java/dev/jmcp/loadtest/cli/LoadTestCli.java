package dev.jmcp.loadtest.cli;

import dev.jmcp.loadtest.ConfigException;
import dev.jmcp.loadtest.ConfigLoader;
import dev.jmcp.loadtest.LoadTest;
import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.ReportFiles;
import dev.jmcp.loadtest.Targets;
import dev.jmcp.loadtest.internal.Durations;
import dev.jmcp.loadtest.target.Discovery;
import dev.jmcp.loadtest.target.TargetSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
        subcommands = {
            LoadTestCli.Run.class,
            LoadTestCli.Init.class,
            LoadTestCli.FindCeiling.class,
            LoadTestCli.Compare.class,
            LoadTestCli.EraAb.class,
            LoadTestCli.Merge.class
        })
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
    private LoadTestReport lastReport;
    private Path lastHistogramLog;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the args
     */
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

    /**
     * Runs the command line and returns the exit code (for tests and embedding).
     *
     * @param args the args
     * @param out the out
     * @param err the err
     * @return the process exit code
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        LoadTestCli root = new LoadTestCli();
        root.stdout = out;
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
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

    /** What a run command does with its built test: run it, or search for the ceiling. */
    @FunctionalInterface
    private interface Execution {
        LoadTestReport execute(LoadTest test) throws InterruptedException;
    }

    /**
     * Runs the test {@code options} configure with {@code execution} (Ctrl+C stops it and the reports are still
     * written), writes the reports and returns the exit code.
     */
    private int runAndReport(LoadTestConfig cfg, RunOptions options, Execution execution, PrintWriter err)
            throws Exception {
        return runAndReport(cfg, options, execution, err, "");
    }

    private int runAndReport(LoadTestConfig cfg, RunOptions options, Execution execution, PrintWriter err, String label)
            throws Exception {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + label
                + (options.segment().whole()
                        ? ""
                        : "-segment" + options.segment().index() + "of"
                                + options.segment().count());
        LoadTest.Builder builder = LoadTest.builder()
                .config(cfg)
                .liveView(options.quiet ? null : stdout)
                .segment(options.segment());
        if (!options.noReport) {
            builder.histogramLog(options.reportDir.resolve("loadtest-" + stamp + ".hlog"));
        }
        if (options.prometheusAddress() != null) {
            builder.prometheus(options.prometheusAddress());
        }
        LoadTest test = builder.build();
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
            LoadTestReport report = execution.execute(test);
            lastReport = report;
            lastHistogramLog = report.histogramLog() == null ? null : options.reportDir.resolve(report.histogramLog());
            return writeReports(report, options, err, stamp);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting (Ctrl+C); the reports are written
            }
        }
    }

    private int writeReports(LoadTestReport report, RunOptions options, PrintWriter err, String stamp)
            throws IOException {
        PrintStream out = stdout;
        out.print(ReportFiles.summary(report));
        if (!options.noReport) {
            Path json = options.reportDir.resolve("loadtest-" + stamp + ".json");
            Path html = options.reportDir.resolve("loadtest-" + stamp + ".html");
            ReportFiles.writeJson(report, json);
            ReportFiles.writeHtml(report, html);
            out.println("reports: " + json + " " + html
                    + (report.histogramLog() == null ? "" : " " + options.reportDir.resolve(report.histogramLog())));
        }
        if (options.junit != null) {
            ReportFiles.writeJUnitXml(report, options.junit);
            out.println("junit: " + options.junit);
        }
        LoadTestReport.Generator g = report.generator();
        if (g.sessionsOpened() == 0 && g.sessionOpenFailures() > 0) {
            err.println("error: target unreachable: no session could be opened (" + g.sessionOpenFailures()
                    + " attempts; see errors in the report)");
            return EXIT_FAILURE;
        }
        return report.passed() ? EXIT_OK : EXIT_THRESHOLD;
    }

    /** {@code run}: runs a load test. */
    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run a load test")
    static final class Run implements Callable<Integer> {
        @Mixin
        RunOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        LoadTestCli parent;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            return parent.runAndReport(options.loadConfig(err), options, LoadTest::run, err);
        }
    }

    /** {@code find-ceiling}: searches (geometric, then bisection) for the highest rate that meets the SLO. */
    @Command(
            name = "find-ceiling",
            mixinStandardHelpOptions = true,
            description =
                    "Search the open-model arrival rate (doubling, then bisecting) for the highest one that meets the"
                            + " SLO")
    static final class FindCeiling implements Callable<Integer> {
        @Mixin
        RunOptions options;

        @Option(names = "--start-rate", description = "First rate (per second)")
        Double startRate;

        @Option(names = "--step-rate", description = "Resolution: bisection stops when the bracket is narrower")
        Double stepRate;

        @Option(names = "--step-duration", description = "Duration of each step, e.g. 10s")
        String stepDuration;

        @Option(names = "--max-rate", description = "Highest rate tried")
        Double maxRate;

        @Option(names = "--slo-p99", description = "SLO p99 bound, e.g. 200ms")
        String sloP99;

        @Option(names = "--slo-error-rate", description = "SLO error-rate bound, e.g. 1%% or 0.01")
        String sloErrorRate;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        LoadTestCli parent;

        /** The configuration with the ceiling options of the command line applied. */
        private LoadTestConfig withCeilingOptions(LoadTestConfig cfg) {
            LoadTestConfig.CeilingSettings c = cfg.ceiling();
            return cfg.withCeiling(new LoadTestConfig.CeilingSettings(
                    startRate != null ? startRate : c.startRate(),
                    stepRate != null ? stepRate : c.stepRate(),
                    stepDuration != null ? Durations.parse(stepDuration) : c.stepDuration(),
                    maxRate != null ? maxRate : c.maxRate(),
                    sloP99 != null ? Durations.parse(sloP99) : c.sloP99(),
                    sloErrorRate != null ? fraction(sloErrorRate) : c.sloErrorRate(),
                    c.sloDropRate(),
                    c.growthFactor(),
                    c.repeats()));
        }

        private static double fraction(String s) {
            String t = s.trim();
            return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            LoadTestConfig cfg = withCeilingOptions(options.loadConfig(err));
            return parent.runAndReport(cfg, options, LoadTest::findCeiling, err);
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

        @Mixin
        TargetOptions targetOptions;

        @Parameters(arity = "1..*", paramLabel = "URL | -- COMMAND ARGS")
        List<String> target;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            TargetSpec t = targetOptions.spec(target);
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

    /** {@code compare}: a current report against a baseline, exit 99 past the regression limits. */
    @Command(
            name = "compare",
            mixinStandardHelpOptions = true,
            description = "Compare CURRENT.json with BASELINE.json; exit 99 when a figure regressed past its limit")
    static final class Compare implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "BASELINE.json")
        Path baseline;

        @Parameters(index = "1", paramLabel = "CURRENT.json")
        Path current;

        @Option(names = "--max-p50-increase", description = "Largest allowed p50 increase (default 20%%)")
        String p50 = "20%";

        @Option(names = "--max-p99-increase", description = "Largest allowed p99 increase (default 20%%)")
        String p99 = "20%";

        @Option(names = "--max-throughput-decrease", description = "Largest allowed throughput decrease (default 10%%)")
        String throughput = "10%";

        @Option(
                names = "--max-error-rate-increase",
                description = "Largest allowed error-rate increase in percentage points (default 1%%)")
        String errorRate = "1%";

        @Option(names = "--html", description = "Also write the comparison as HTML here")
        Path html;

        @CommandLine.ParentCommand
        LoadTestCli parent;

        private static double percent(String s) {
            String t = s.trim();
            return Double.parseDouble(t.endsWith("%") ? t.substring(0, t.length() - 1) : t);
        }

        @Override
        public Integer call() throws Exception {
            dev.jmcp.loadtest.ReportComparison.Limits limits = new dev.jmcp.loadtest.ReportComparison.Limits(
                    percent(p50), percent(p99), percent(throughput), percent(errorRate));
            dev.jmcp.loadtest.ReportComparison c =
                    dev.jmcp.loadtest.ReportComparison.compare(baseline, current, limits);
            parent.stdout.print(c.text());
            if (html != null) {
                Path dir = html.toAbsolutePath().getParent();
                if (dir != null) {
                    Files.createDirectories(dir);
                }
                Files.writeString(html, c.html(), StandardCharsets.UTF_8);
                parent.stdout.println("html: " + html);
            }
            return c.regressed() ? EXIT_THRESHOLD : EXIT_OK;
        }
    }

    /**
     * {@code era-ab}: the same scenario in the handshake era (persistent sessions, {@code initialize}) and stateless
     * (2026-07-28), one after the other, reported side by side.
     */
    @Command(
            name = "era-ab",
            mixinStandardHelpOptions = true,
            description = "Run the scenario with handshake-era sessions, then stateless (2026-07-28), and print both"
                    + " side by side")
    static final class EraAb implements Callable<Integer> {
        @Mixin
        RunOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        LoadTestCli parent;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            LoadTestConfig cfg = options.loadConfig(err);
            LoadTestConfig handshake =
                    cfg.withSettings(cfg.settings().withSessionMode(dev.jmcp.loadtest.target.SessionMode.PERSISTENT));
            LoadTestConfig stateless =
                    cfg.withSettings(cfg.settings().withSessionMode(dev.jmcp.loadtest.target.SessionMode.STATELESS));
            parent.stdout.println("== A: handshake era (initialize, persistent sessions)");
            int a = parent.runAndReport(handshake, options, LoadTest::run, err, "-handshake");
            LoadTestReport ra = parent.lastReport;
            Path la = parent.lastHistogramLog;
            parent.stdout.println("== B: stateless (2026-07-28, no session)");
            int b = parent.runAndReport(stateless, options, LoadTest::run, err, "-stateless");
            LoadTestReport rb = parent.lastReport;
            Path lb = parent.lastHistogramLog;
            dev.jmcp.loadtest.ReportComparison c = dev.jmcp.loadtest.ReportComparison.compare(
                    ra, la, rb, lb, dev.jmcp.loadtest.ReportComparison.Limits.NONE);
            parent.stdout.println();
            parent.stdout.println("== era A/B: " + version(ra) + " (handshake) vs " + version(rb) + " (stateless)");
            parent.stdout.print(c.text("handshake", "stateless"));
            if (a == EXIT_FAILURE || b == EXIT_FAILURE) {
                return EXIT_FAILURE;
            }
            return a == EXIT_OK && b == EXIT_OK ? EXIT_OK : EXIT_THRESHOLD;
        }

        private static String version(LoadTestReport r) {
            return r.server() == null ? "?" : r.server().getOrDefault("protocolVersion", "?");
        }
    }

    /** {@code merge}: joins the reports of execution segments into one (exact, from their histogram logs). */
    @Command(
            name = "merge",
            mixinStandardHelpOptions = true,
            description = "Merge the JSON reports (and .hlog files next to them) of `run --segment i/n` processes"
                    + " into one report")
    static final class Merge implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "SEGMENT.json")
        List<Path> reports;

        @Option(
                names = {"-o", "--output"},
                description = "Merged JSON report (default: loadtest-reports/loadtest-merged-<time>.json); the HTML"
                        + " and .hlog are written next to it")
        Path output;

        @Option(names = "--junit", description = "Write JUnit XML here")
        Path junit;

        @CommandLine.ParentCommand
        LoadTestCli parent;

        @Override
        public Integer call() throws Exception {
            dev.jmcp.loadtest.ReportMerge.Result merged = dev.jmcp.loadtest.ReportMerge.merge(reports);
            Path json = output != null
                    ? output
                    : Path.of(
                            "loadtest-reports",
                            "loadtest-merged-"
                                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                                    + ".json");
            String base = json.getFileName().toString().replaceFirst("\\.json$", "");
            Path hlog = json.resolveSibling(base + ".hlog");
            long start = java.time.Instant.parse(merged.report().startedAt()).toEpochMilli();
            Path dir = json.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            dev.jmcp.loadtest.ReportMerge.writeHistogramLog(merged, hlog, start);
            LoadTestReport report =
                    merged.report().withHistogramLog(hlog.getFileName().toString());
            ReportFiles.writeJson(report, json);
            Path html = json.resolveSibling(base + ".html");
            ReportFiles.writeHtml(report, html);
            parent.stdout.print(ReportFiles.summary(report));
            parent.stdout.println("merged " + reports.size() + " reports: " + json + " " + html + " " + hlog);
            if (junit != null) {
                ReportFiles.writeJUnitXml(report, junit);
            }
            return report.passed() ? EXIT_OK : EXIT_THRESHOLD;
        }
    }
}
