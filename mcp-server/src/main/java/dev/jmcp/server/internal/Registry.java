package dev.jmcp.server.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registered entries by key, in registration order; a change runs the change callback. Thread-safe. */
public final class Registry<T> {
    private final Map<String, T> entries = new LinkedHashMap<>();
    private final Runnable onChange;

    Registry(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Adds or replaces an entry. */
    public void put(String key, T value) {
        synchronized (entries) {
            entries.put(key, value);
        }
        onChange.run();
    }

    /** Removes an entry; returns whether it was there. */
    public boolean remove(String key) {
        T removed;
        synchronized (entries) {
            removed = entries.remove(key);
        }
        if (removed != null) {
            onChange.run();
        }
        return removed != null;
    }

    /** The entry for {@code key}, or null. */
    public T get(String key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    /** A snapshot of the entries in registration order. */
    public List<T> list() {
        synchronized (entries) {
            return new ArrayList<>(entries.values());
        }
    }

    /** Whether nothing is registered. */
    public boolean isEmpty() {
        synchronized (entries) {
            return entries.isEmpty();
        }
    }
}
