package dev.jmcp.loadtest.cli;

import dev.jmcp.loadtest.target.HttpOptions;
import dev.jmcp.loadtest.target.TargetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The target options every subcommand shares (a picocli mixin): extra HTTP headers for a URL target. */
final class TargetOptions {
    @Option(names = "--header", description = "Extra HTTP header NAME=VALUE")
    List<String> headers = new ArrayList<>();

    @Option(
            names = "--oauth-client-id",
            description = "OAuth client credentials grant for an HTTP target: the client id (jmcp's OAuth client"
                    + " discovers the authorization server and shares one token across sessions)")
    String oauthClientId;

    @Option(
            names = "--oauth-client-secret",
            description = "The OAuth client secret (default: environment variable " + SECRET_ENV + ")")
    String oauthClientSecret;

    @Option(names = "--oauth-scope", description = "An OAuth scope to request (repeatable)")
    List<String> oauthScopes = new ArrayList<>();

    @Option(
            names = "--sampling-latency",
            description = "Answer the server's sampling/createMessage requests after this long (a stand-in model;"
                    + " default 0)")
    String samplingLatency;

    @Option(
            names = "--elicitation-latency",
            description =
                    "Answer the server's elicitation/create requests after this long (a stand-in user;" + " default 0)")
    String elicitationLatency;

    @Option(
            names = "--decline-elicitation",
            description = "Decline elicitations (default: accept forms with content generated from their schema)")
    boolean declineElicitation;

    @Option(
            names = "--http-client",
            description = "HTTP client for an HTTP target: built-in (default: jmcp's HTTP/1.1 client, a keep-alive pool"
                    + " per session) or jdk (java.net.http; needed for HTTP/2 and shared connections)")
    String httpClient;

    @Option(
            names = "--http-version",
            description = "HTTP version: 1.1 (default) or 2 (h2 over https, h2c over http; the jdk client)")
    String httpVersion;

    @Option(
            names = "--connections",
            description = "per-session (each session its own HTTP client and connections, like a fleet of clients;"
                    + " default with the built-in client) or shared (one client for all sessions; the jdk client's"
                    + " default)")
    String connections;

    /** The environment variable the OAuth client secret is read from when the command line gives none. */
    static final String SECRET_ENV = "JMCP_LOADTEST_OAUTH_CLIENT_SECRET";

    /** The HTTP options of the command line over those of {@code base} (field by field). */
    private TargetSpec withHttp(TargetSpec spec) {
        if (httpClient == null && httpVersion == null && connections == null) {
            return spec;
        }
        HttpOptions base = spec.http();
        return spec.withHttp(new HttpOptions(
                httpClient == null ? base.engine() : HttpOptions.parseEngine(httpClient),
                httpVersion == null ? base.version() : HttpOptions.Version.parse(httpVersion),
                connections == null ? base.connections() : HttpOptions.Connections.parse(connections)));
    }

    private TargetSpec withOAuth(TargetSpec spec) {
        spec = withHttp(spec);
        if (samplingLatency != null || elicitationLatency != null || declineElicitation) {
            spec = spec.withAnswers(new TargetSpec.ClientAnswers(
                    samplingLatency == null ? null : dev.jmcp.loadtest.internal.Durations.parse(samplingLatency),
                    elicitationLatency == null ? null : dev.jmcp.loadtest.internal.Durations.parse(elicitationLatency),
                    !declineElicitation));
        }
        if (oauthClientId == null) {
            return spec;
        }
        String secret = oauthClientSecret != null ? oauthClientSecret : System.getenv(SECRET_ENV);
        if (secret == null) {
            throw new IllegalArgumentException(
                    "--oauth-client-id needs --oauth-client-secret or the environment variable " + SECRET_ENV);
        }
        return spec.withOAuth(new TargetSpec.OAuth(oauthClientId, secret, oauthScopes));
    }

    /**
     * The target the positional words name: one HTTP (or {@code sim:}) URL, or a stdio command and its arguments;
     * {@code null} when there are none.
     */
    TargetSpec spec(List<String> target) {
        if (target == null || target.isEmpty()) {
            return null;
        }
        Map<String, String> h = headers();
        if (target.size() == 1 && target.get(0).matches("(?i)(https?|sim):.*")) {
            return withOAuth(new TargetSpec(target.get(0), List.of(), h, Map.of()));
        }
        return withOAuth(new TargetSpec(null, target, h, Map.of()));
    }

    /**
     * The target to run against: the command line's (if any) or else the configuration's, with the headers and
     * environment of both merged (the command line's {@code --header} wins on the same name); {@code null} when
     * neither names one. Nothing given is silently dropped.
     */
    TargetSpec merge(TargetSpec fromCommandLine, TargetSpec fromConfig) {
        TargetSpec base = fromCommandLine != null ? fromCommandLine : fromConfig;
        if (base == null) {
            if (!headers.isEmpty()) {
                throw new IllegalArgumentException("--header given but no target");
            }
            return null;
        }
        Map<String, String> h = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        if (fromConfig != null) {
            h.putAll(fromConfig.headers());
            env.putAll(fromConfig.env());
        }
        h.putAll(headers());
        env.putAll(base.env());
        TargetSpec merged = new TargetSpec(
                base.url(),
                base.command(),
                h,
                env,
                base.oauth(),
                base.answers(),
                fromConfig != null ? fromConfig.http() : base.http());
        return withOAuth(merged);
    }

    private Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        for (String header : headers) {
            int eq = header.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--header expects NAME=VALUE, got " + header);
            }
            h.put(header.substring(0, eq), header.substring(eq + 1));
        }
        return h;
    }
}
