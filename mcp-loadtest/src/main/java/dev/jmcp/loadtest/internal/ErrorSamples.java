package dev.jmcp.loadtest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first few error messages of each error class of a run, so a report can say what went wrong and not only how
 * often. Bounded: at most {@value #PER_CLASS} messages per class, {@value #MAX_CLASSES} classes and
 * {@value #MAX_LENGTH} characters per message. Only failed requests touch it; once a class is full a failure costs
 * one map lookup.
 */
public final class ErrorSamples {
    /** Messages kept per error class. */
    public static final int PER_CLASS = 5;

    /** Error classes kept. */
    public static final int MAX_CLASSES = 64;

    /** Characters kept per message. */
    public static final int MAX_LENGTH = 300;

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        final AtomicInteger taken = new AtomicInteger();
        final String[] messages = new String[PER_CLASS];
    }

    /** Keeps {@code message} if its class has room. */
    public void offer(String errorClass, String message) {
        if (errorClass == null) {
            return;
        }
        Slot slot = slots.get(errorClass);
        if (slot == null) {
            if (slots.size() >= MAX_CLASSES) {
                return;
            }
            slot = slots.computeIfAbsent(errorClass, k -> new Slot());
        }
        if (slot.taken.get() >= PER_CLASS) {
            return;
        }
        int i = slot.taken.getAndIncrement();
        if (i < PER_CLASS) {
            String m = message == null ? "" : message;
            slot.messages[i] = m.length() > MAX_LENGTH ? m.substring(0, MAX_LENGTH) + "..." : m;
        }
    }

    /** The samples by class (distinct messages, in the order seen). */
    public Map<String, List<String>> snapshot() {
        Map<String, List<String>> out = new TreeMap<>();
        slots.forEach((k, slot) -> {
            List<String> list = new ArrayList<>();
            for (String m : slot.messages) {
                if (m != null && !list.contains(m)) {
                    list.add(m);
                }
            }
            out.put(k, list);
        });
        return out;
    }
}
