package dev.jmcp.server;

import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.roots.Root;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The client's answers to an {@link InputBatch}, by key. */
public final class InputAnswers {
    private final Map<String, Object> answers;

    /**
     * The answers by key: {@link ElicitResult}, {@link CreateMessageResult} or a {@code List<Root>}.
     *
     * @param answers the answers
     */
    public InputAnswers(Map<String, ?> answers) {
        this.answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /**
     * The keys, in the order they were added to the batch.
     *
     * @return the keys, in the order they were added to the batch
     */
    public Set<String> keys() {
        return answers.keySet();
    }

    /**
     * The elicitation answer under {@code key}.
     *
     * @param key the key the request was added under
     * @return the elicitation answer under {@code key}
     */
    public ElicitResult elicitation(String key) {
        return get(key, ElicitResult.class);
    }

    /**
     * The sampling answer under {@code key}.
     *
     * @param key the key the request was added under
     * @return the sampling answer under {@code key}
     */
    public CreateMessageResult sampling(String key) {
        return get(key, CreateMessageResult.class);
    }

    /**
     * The roots answer under {@code key}.
     *
     * @param key the key the answer is filed under
     * @return the roots answer under {@code key}
     */
    @SuppressWarnings("unchecked")
    public List<Root> roots(String key) {
        return get(key, List.class);
    }

    private <T> T get(String key, Class<T> type) {
        Objects.requireNonNull(key, "key");
        Object v = answers.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no input was asked under the key '" + key + "'");
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("the input under '" + key + "' is not a " + type.getSimpleName());
        }
        return type.cast(v);
    }
}
