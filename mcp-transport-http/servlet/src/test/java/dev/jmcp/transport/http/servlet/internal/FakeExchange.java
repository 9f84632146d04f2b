package dev.jmcp.transport.http.servlet.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** One request and response pair without a container, for unit tests of the async writers. */
final class FakeExchange {
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    final Map<String, Object> attributes = new HashMap<>();
    int status = 200;
    String contentType;
    boolean completed;
    private boolean asyncStarted;

    private final ServletOutputStream out = new ServletOutputStream() {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}

        @Override
        public void write(int b) {
            body.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            body.write(b, off, len);
        }
    };

    private final AsyncContext async = proxy(AsyncContext.class, (name, args) -> {
        if (name.equals("complete")) {
            completed = true;
        }
        return null;
    });

    final HttpServletRequest request = proxy(HttpServletRequest.class, (name, args) -> switch (name) {
        case "startAsync" -> {
            asyncStarted = true;
            yield async;
        }
        case "isAsyncStarted" -> asyncStarted;
        case "getAsyncContext" -> async;
        case "setAttribute" -> attributes.put((String) args[0], args[1]);
        case "getAttribute" -> attributes.get((String) args[0]);
        case "getMethod" -> "POST";
        default -> null;
    });

    final HttpServletResponse response = proxy(HttpServletResponse.class, (name, args) -> switch (name) {
        case "getOutputStream" -> out;
        case "setStatus" -> {
            status = (Integer) args[0];
            yield null;
        }
        case "setContentType" -> {
            contentType = (String) args[0];
            yield null;
        }
        case "isCommitted" -> body.size() > 0;
        default -> null;
    });

    String text() {
        return body.toString(StandardCharsets.UTF_8);
    }

    private interface Handler {
        Object handle(String name, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            Object result = handler.handle(m.getName(), args);
            if (result != null || !m.getReturnType().isPrimitive()) {
                return result;
            }
            Class<?> r = m.getReturnType();
            if (r == boolean.class) {
                return false;
            }
            if (r == void.class) {
                return null;
            }
            if (r == long.class) {
                return 0L;
            }
            return 0;
        });
    }
}
