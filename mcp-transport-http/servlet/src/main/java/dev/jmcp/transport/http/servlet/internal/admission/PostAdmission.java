package dev.jmcp.transport.http.servlet.internal.admission;

import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import dev.jmcp.transport.http.servlet.auth.ScopePolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The admission pipeline of a Streamable HTTP POST, in order: media types, body read and decode, scopes, the
 * version header against {@code _meta}, the standard headers and the 2026-07-28 envelope. The first check that
 * refuses answers the POST; a POST that passes them all goes on to its session or exchange.
 */
public final class PostAdmission {
    private final BodyDecoder decoder;
    private final List<PostCheck> checks;

    /** The pipeline for one endpoint. */
    public PostAdmission(BodyDecoder decoder, ResourceServerAuth auth, ScopePolicy scopePolicy) {
        this.decoder = decoder;
        this.checks = List.of(new ScopeCheck(auth, scopePolicy), new VersionCheck(), new StandardHeadersCheck());
    }

    /**
     * Runs every check on {@code request}, reading its body.
     *
     * @param token the caller the built-in bearer authorization validated, or null
     */
    public Outcome admit(HttpServletRequest request, AuthInfo token) throws IOException {
        Optional<Rejection> media = MediaTypeCheck.streamable(request.getHeader("Accept"), request.getContentType());
        if (media.isPresent()) {
            return Outcome.refused(media.get());
        }
        BodyDecoder.Body body = decoder.read(request);
        if (body.isRefused()) {
            return Outcome.refused(body.rejection());
        }
        return admit(DecodedPost.of(body.messages(), body.batch(), request::getHeader, token));
    }

    /**
     * Like {@link #admit(HttpServletRequest, AuthInfo)}, but the body is read with non-blocking servlet I/O, so a
     * slowly sent body holds no container thread (issue #14, D6); {@code then} runs on a container thread in async
     * mode (see {@link BodyDecoder#readAsync}).
     */
    public void admitAsync(
            HttpServletRequest request,
            HttpServletResponse response,
            AuthInfo token,
            Duration bodyTimeout,
            OutcomeConsumer then)
            throws IOException {
        Optional<Rejection> media = MediaTypeCheck.streamable(request.getHeader("Accept"), request.getContentType());
        if (media.isPresent()) {
            then.accept(Outcome.refused(media.get()));
            return;
        }
        decoder.readAsync(
                request,
                response,
                bodyTimeout,
                body -> then.accept(
                        body.isRefused()
                                ? Outcome.refused(body.rejection())
                                : admit(DecodedPost.of(body.messages(), body.batch(), request::getHeader, token))));
    }

    /** What answers a POST once admission decided. */
    @FunctionalInterface
    public interface OutcomeConsumer {
        /** Answers the POST. */
        void accept(Outcome outcome) throws IOException;
    }

    /** Runs the checks that follow decoding on {@code post}. */
    public Outcome admit(DecodedPost post) {
        for (PostCheck check : checks) {
            Optional<Rejection> refused = check.check(post);
            if (refused.isPresent()) {
                return Outcome.refused(refused.get());
            }
        }
        return new Outcome(post, null);
    }

    /**
     * What admission decided.
     *
     * @param post the admitted POST, or null when refused
     * @param rejection the refusal, or null when admitted
     */
    public record Outcome(DecodedPost post, Rejection rejection) {
        static Outcome refused(Rejection rejection) {
            return new Outcome(null, rejection);
        }

        /** Whether the POST was refused. */
        public boolean isRefused() {
            return rejection != null;
        }
    }
}
