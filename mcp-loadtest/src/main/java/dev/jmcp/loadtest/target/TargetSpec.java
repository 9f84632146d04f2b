package dev.jmcp.loadtest.target;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the server under test is: an HTTP URL, or a command to start for stdio.
 *
 * @param url the Streamable HTTP endpoint, or {@code null} for stdio
 * @param command the stdio command and its arguments (empty for HTTP)
 * @param headers extra HTTP headers (authorization, ...)
 * @param env extra environment variables for a stdio server
 * @param oauth OAuth client credentials for an HTTP target (tokens obtained through jmcp's OAuth client), or
 *     {@code null}
 * @param answers how the tester answers server-initiated requests (sampling, elicitation); never {@code null}
 * @param http the HTTP client, version and connection sharing of an HTTP target; never {@code null}
 */
public record TargetSpec(
        String url,
        List<String> command,
        Map<String, String> headers,
        Map<String, String> env,
        OAuth oauth,
        ClientAnswers answers,
        HttpOptions http) {
    /**
     * How the tester, as the client, answers the server's own requests during a step: {@code sampling/createMessage}
     * with a fixed text message after {@code samplingLatency} (a stand-in for the LLM), and
     * {@code elicitation/create} after {@code elicitationLatency} by accepting a form with content generated from
     * its schema (or declining). The latency is part of the step's latency, as a real user's or model's would be.
     *
     * @param samplingLatency how long the simulated model takes (default 0)
     * @param elicitationLatency how long the simulated user takes (default 0)
     * @param acceptElicitation accept (default) or decline
     */
    public record ClientAnswers(Duration samplingLatency, Duration elicitationLatency, boolean acceptElicitation) {
        /** Immediate answers, elicitations accepted. */
        public static final ClientAnswers IMMEDIATE = new ClientAnswers(Duration.ZERO, Duration.ZERO, true);

        /**
         * Null-safe.
         *
         * @param samplingLatency how long the simulated model takes (default 0)
         * @param elicitationLatency how long the simulated user takes (default 0)
         * @param acceptElicitation accept (default) or decline
         */
        public ClientAnswers {
            samplingLatency = samplingLatency == null ? Duration.ZERO : samplingLatency;
            elicitationLatency = elicitationLatency == null ? Duration.ZERO : elicitationLatency;
        }
    }

    /**
     * A target with the default HTTP options (the built-in client, HTTP/1.1, a pool per session).
     *
     * @param url the Streamable HTTP endpoint, or {@code null} for stdio
     * @param command the stdio command and its arguments (empty for HTTP)
     * @param headers extra HTTP headers
     * @param env extra environment variables for a stdio server
     * @param oauth OAuth client credentials, or {@code null}
     * @param answers how server-initiated requests are answered
     */
    public TargetSpec(
            String url,
            List<String> command,
            Map<String, String> headers,
            Map<String, String> env,
            OAuth oauth,
            ClientAnswers answers) {
        this(url, command, headers, env, oauth, answers, HttpOptions.DEFAULTS);
    }

    /**
     * A copy whose sessions use these HTTP options.
     *
     * @param options the HTTP client, version and connection sharing
     * @return the copy
     */
    public TargetSpec withHttp(HttpOptions options) {
        return new TargetSpec(url, command, headers, env, oauth, answers, options);
    }

    /**
     * A target with OAuth and immediate answers.
     *
     * @param url the URL
     * @param command the command
     * @param headers the headers
     * @param env the env
     * @param oauth the OAuth
     */
    public TargetSpec(
            String url, List<String> command, Map<String, String> headers, Map<String, String> env, OAuth oauth) {
        this(url, command, headers, env, oauth, ClientAnswers.IMMEDIATE);
    }

    /**
     * A copy answering server-initiated requests this way.
     *
     * @param a the a
     * @return a copy answering server-initiated requests this way
     */
    public TargetSpec withAnswers(ClientAnswers a) {
        return new TargetSpec(url, command, headers, env, oauth, a, http);
    }

    /**
     * OAuth 2.1 client credentials grant for a protected HTTP target: the tester discovers the authorization server
     * from the target's challenge (protected resource metadata), obtains a token once, shares it across every session
     * and refreshes it when it expires.
     *
     * @param clientId the client id
     * @param clientSecret the client secret (never echoed in reports)
     * @param scopes scopes to request, or empty for the challenge's
     */
    public record OAuth(String clientId, String clientSecret, List<String> scopes) {
        /**
         * Validates and copies.
         *
         * @param clientId the client id
         * @param clientSecret the client secret (never echoed in reports)
         * @param scopes scopes to request, or empty for the challenge's
         */
        public OAuth {
            if (clientId == null || clientId.isEmpty() || clientSecret == null) {
                throw new IllegalArgumentException("OAuth client credentials need a client id and a secret");
            }
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "OAuth[clientId=" + clientId + ", scopes=" + scopes + "]";
        }
    }

    /**
     * A target without OAuth.
     *
     * @param url the URL
     * @param command the command
     * @param headers the headers
     * @param env the env
     */
    public TargetSpec(String url, List<String> command, Map<String, String> headers, Map<String, String> env) {
        this(url, command, headers, env, null);
    }

    /**
     * A copy with OAuth client credentials.
     *
     * @param credentials the credentials
     * @return a copy with OAuth client credentials
     */
    public TargetSpec withOAuth(OAuth credentials) {
        return new TargetSpec(url, command, headers, env, credentials, answers, http);
    }

    /**
     * Validates and copies.
     *
     * @param url the URL
     * @param command the command
     * @param headers the headers
     * @param env the env
     * @param oauth the OAuth
     * @param answers the answers
     * @param http the HTTP client, version and connection sharing; null for the defaults
     */
    public TargetSpec {
        command = command == null ? List.of() : List.copyOf(command);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        env = env == null ? Map.of() : Map.copyOf(env);
        answers = answers == null ? ClientAnswers.IMMEDIATE : answers;
        http = http == null ? HttpOptions.DEFAULTS : http;
        if ((url == null) == command.isEmpty()) {
            throw new IllegalArgumentException("exactly one of url or command is required");
        }
        if (oauth != null && url == null) {
            throw new IllegalArgumentException("OAuth client credentials apply to HTTP targets only");
        }
    }

    /**
     * An HTTP target.
     *
     * @param url the URL
     * @return an HTTP target
     */
    public static TargetSpec http(String url) {
        return new TargetSpec(url, List.of(), Map.of(), Map.of());
    }

    /**
     * A stdio target.
     *
     * @param command the command
     * @return a stdio target
     */
    public static TargetSpec stdio(List<String> command) {
        return new TargetSpec(null, command, Map.of(), Map.of());
    }

    /**
     * Whether this is a stdio target.
     *
     * @return whether this is a stdio target
     */
    public boolean isStdio() {
        return url == null;
    }

    /**
     * A short description.
     *
     * @return a short description
     */
    public String describe() {
        return isStdio() ? "stdio: " + String.join(" ", command) : url;
    }
}
