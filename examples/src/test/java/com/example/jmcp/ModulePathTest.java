package com.example.jmcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published jmcp artifacts are real named modules (docs/jpms.md): their descriptors export exactly the API
 * packages, and the demo application runs with every jmcp module and dependency on the module path.
 *
 * <p>The tests of every module run on the class path; this is the one place the module descriptors are exercised.
 * The module path is the test class path's explicit modules (jmcp's jars or, in a {@code test}-only build, its
 * {@code target/classes} directories, plus Jackson, SLF4J, Jetty, the servlet API, the schema validator, picocli).
 */
class ModulePathTest {
    /** Every published jmcp module that has a module-info (mcp-loadtest keeps an automatic name: docs/jpms.md). */
    private static final Set<String> JMCP_MODULES = Set.of(
            "dev.jmcp.core",
            "dev.jmcp.server",
            "dev.jmcp.client",
            "dev.jmcp.transport.stdio",
            "dev.jmcp.transport.http.common",
            "dev.jmcp.transport.http.client",
            "dev.jmcp.transport.http.servlet",
            "dev.jmcp.transport.http.jetty");

    private static final long CHILD_TIMEOUT_SECONDS = 120;

    private static List<Path> modulePath;
    private static Map<String, ModuleDescriptor> jmcpDescriptors;

    @BeforeAll
    static void findExplicitModulesOnTheClassPath() {
        modulePath = new ArrayList<>();
        jmcpDescriptors = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            explicitModule(path).ifPresent(d -> {
                modulePath.add(path);
                if (JMCP_MODULES.contains(d.name())) {
                    jmcpDescriptors.putIfAbsent(d.name(), d);
                }
            });
        }
    }

    @Test
    void everyPublishedModuleHasADescriptor() {
        assertThat(jmcpDescriptors.keySet()).containsExactlyInAnyOrderElementsOf(JMCP_MODULES);
    }

    @Test
    void modulesExportTheirApiPackagesToEveryoneAndInternalPackagesOnlyToSiblings() {
        for (ModuleDescriptor d : jmcpDescriptors.values()) {
            Map<String, ModuleDescriptor.Exports> exports =
                    d.exports().stream().collect(Collectors.toMap(ModuleDescriptor.Exports::source, e -> e));
            for (String pkg : d.packages()) {
                ModuleDescriptor.Exports e = exports.get(pkg);
                if (isInternal(pkg)) {
                    if (e != null) {
                        assertThat(e.isQualified())
                                .as("%s exports its internal package %s to everyone", d.name(), pkg)
                                .isTrue();
                        assertThat(e.targets())
                                .as("%s exports %s only to jmcp modules", d.name(), pkg)
                                .isSubsetOf(JMCP_MODULES);
                    }
                } else {
                    assertThat(e)
                            .as("%s exports its API package %s", d.name(), pkg)
                            .isNotNull();
                    assertThat(e.isQualified())
                            .as("%s exports %s to everyone", d.name(), pkg)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void demoRunsEverythingServerOverHttpOnTheModulePath() throws Exception {
        assertDemoRunsOnTheModulePath("everything");
    }

    @Test
    void demoRunsNotesServerOverHttpOnTheModulePath() throws Exception {
        assertDemoRunsOnTheModulePath("notes");
    }

    /**
     * Runs {@code Main demo} in a child JVM: the jmcp modules and their dependencies on the module path, only the
     * example application (a plain class-path program, like most users' code) on the class path.
     */
    private static void assertDemoRunsOnTheModulePath(String server) throws Exception {
        Path out = Files.createTempFile("jmcp-module-path", ".log");
        try {
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--module-path",
                    join(modulePath),
                    "--add-modules",
                    String.join(",", JMCP_MODULES) + ",info.picocli",
                    "-cp",
                    classesOf(Main.class).toString(),
                    Main.class.getName(),
                    "demo",
                    "--server",
                    server);
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            boolean exited = p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!exited) {
                p.destroyForcibly().waitFor();
            }
            String log = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(exited)
                    .as("demo finished within %ss:%n%s", CHILD_TIMEOUT_SECONDS, log)
                    .isTrue();
            assertThat(p.exitValue()).as(log).isZero();
            assertThat(log).as(log).contains("client  connected", "demo    done");
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The descriptor of a jar or exploded directory that has a module-info, else empty (automatic or plain). */
    private static Optional<ModuleDescriptor> explicitModule(Path path) {
        if (Files.isDirectory(path) && !Files.exists(path.resolve("module-info.class"))) {
            return Optional.empty();
        }
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return ModuleFinder.of(path).findAll().stream()
                    .map(ModuleReference::descriptor)
                    .filter(d -> !d.isAutomatic())
                    .findFirst();
        } catch (FindException e) {
            return Optional.empty();
        }
    }

    private static boolean isInternal(String pkg) {
        return pkg.endsWith(".internal") || pkg.contains(".internal.");
    }

    private static Path classesOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
