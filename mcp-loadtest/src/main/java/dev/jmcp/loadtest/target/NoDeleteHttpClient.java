package dev.jmcp.loadtest.target;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that sends everything through another one except {@code DELETE}, which fails at once without
 * reaching the network: sessions closed through it are abandoned, as by a client that crashed
 * ({@link SessionMode#PER_ITERATION_ABANDON}). The transport treats a failed {@code DELETE} as best effort.
 */
final class NoDeleteHttpClient extends HttpClient {
    private final HttpClient delegate;

    NoDeleteHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    private static boolean isDelete(HttpRequest request) {
        return "DELETE".equals(request.method());
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        if (isDelete(request)) {
            throw new IOException("session abandoned: DELETE not sent");
        }
        return delegate.send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        if (isDelete(request)) {
            return CompletableFuture.failedFuture(new IOException("session abandoned: DELETE not sent"));
        }
        return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        if (isDelete(request)) {
            return CompletableFuture.failedFuture(new IOException("session abandoned: DELETE not sent"));
        }
        return delegate.sendAsync(request, handler, pushPromiseHandler);
    }
}
