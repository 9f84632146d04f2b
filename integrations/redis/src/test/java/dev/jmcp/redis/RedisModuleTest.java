package dev.jmcp.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code mcp-redis} is a named module (docs/jpms.md): its descriptor exports the API package only, and it resolves on
 * a module path made of this build's jmcp modules and its dependencies (Jedis and its own as automatic modules), so
 * an application on the module path can require it. Tests run on the class path (as everywhere in jmcp); the module
 * path is rebuilt here from the test class path.
 */
class RedisModuleTest {

    @Test
    void theDescriptorExportsTheApiPackageOnlyAndRequiresWhatItsApiNames() throws Exception {
        ModuleDescriptor d = descriptor();
        assertThat(d.isAutomatic()).isFalse();
        assertThat(d.name()).isEqualTo("dev.jmcp.redis");
        assertThat(d.packages()).contains("dev.jmcp.redis", "dev.jmcp.redis.internal");
        assertThat(d.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("dev.jmcp.redis");
        assertThat(d.exports()).allMatch(e -> !e.isQualified());
        Set<String> transitive = d.requires().stream()
                .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
                .map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet());
        assertThat(transitive)
                .containsExactlyInAnyOrder("dev.jmcp.server", "dev.jmcp.transport.http.servlet", "redis.clients.jedis");
    }

    @Test
    void theModuleResolvesOnAModulePathOfItsDependencies() throws Exception {
        ModuleFinder finder = ModuleFinder.of(modulePath().toArray(Path[]::new));
        Configuration cf =
                ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), Set.of("dev.jmcp.redis"));
        Set<String> resolved = cf.modules().stream().map(ResolvedModule::name).collect(Collectors.toSet());
        assertThat(resolved)
                .contains(
                        "dev.jmcp.redis",
                        "dev.jmcp.server",
                        "dev.jmcp.core",
                        "dev.jmcp.transport.http.servlet",
                        "redis.clients.jedis",
                        "jakarta.servlet");
    }

    private static ModuleDescriptor descriptor() throws Exception {
        Path classes = Path.of(RedisScaleOut.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return ModuleFinder.of(classes).findAll().iterator().next().descriptor();
    }

    /**
     * The test class path as a module path: every entry that is a module (explicit, or a jar with a valid automatic
     * name), the first of each name; class directories without a descriptor (the tests' own) are left out.
     */
    private static List<Path> modulePath() {
        List<Path> path = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.exists(p) || Files.isDirectory(p) && !Files.exists(p.resolve("module-info.class"))) {
                continue;
            }
            try {
                for (ModuleReference ref : ModuleFinder.of(p).findAll()) {
                    if (names.add(ref.descriptor().name())) {
                        path.add(p);
                    }
                }
            } catch (FindException e) {
                // not usable as a module (e.g. an invalid automatic name): not needed by dev.jmcp.redis
            }
        }
        return path;
    }
}
