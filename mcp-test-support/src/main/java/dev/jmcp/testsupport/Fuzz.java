package dev.jmcp.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small, deterministic fuzzing loop for tests: draws inputs from a generator seeded per input, runs a check on
 * each, and on the first failure throws an {@link AssertionError} naming the input and the seed that replays it.
 *
 * <p>How many inputs: the system property {@value #INPUTS_PROPERTY} (the build sets 2,000; {@code -Pfuzz} sets a
 * million). Which inputs: {@value #SEED_PROPERTY} fixes the run's seed (default: random, printed on failure);
 * {@value #REPLAY_PROPERTY} runs exactly one input, the one a failure named.
 */
public final class Fuzz {
    /** The system property with the number of inputs per fuzz loop. */
    public static final String INPUTS_PROPERTY = "jmcp.fuzz.inputs";

    /** The system property fixing the run's seed. */
    public static final String SEED_PROPERTY = "jmcp.fuzz.seed";

    /** The system property replaying one input by its seed. */
    public static final String REPLAY_PROPERTY = "jmcp.fuzz.replay";

    /** Inputs per loop when {@value #INPUTS_PROPERTY} is not set. */
    public static final int DEFAULT_INPUTS = 2_000;

    private static final int SHOWN_BYTES = 400;

    private Fuzz() {}

    /** The number of inputs each loop runs. */
    public static long inputs() {
        return Long.getLong(INPUTS_PROPERTY, DEFAULT_INPUTS);
    }

    /**
     * Runs {@code check} on {@link #inputs()} inputs made by {@code generator}.
     *
     * @param what what is fuzzed, for the failure message
     * @return the number of inputs checked
     * @throws AssertionError on the first input whose check throws, naming the input and its replay seed
     */
    public static <T> long run(String what, Function<SplittableRandom, T> generator, Consumer<T> check) {
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(check, "check");
        String replay = System.getProperty(REPLAY_PROPERTY);
        if (replay != null && !replay.isBlank()) {
            runOne(what, Long.parseLong(replay.trim()), generator, check, 0);
            return 1;
        }
        long runSeed = Long.getLong(SEED_PROPERTY, new SplittableRandom().nextLong());
        SplittableRandom seeds = new SplittableRandom(runSeed);
        long n = inputs();
        try {
            for (long i = 0; i < n; i++) {
                runOne(what, seeds.nextLong(), generator, check, i);
            }
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "\n  (the whole run: -D" + SEED_PROPERTY + "=" + runSeed + ")", e);
        }
        return n;
    }

    /**
     * Like {@link #run}, with the inputs shared among {@code threads} threads (for checks that wait on I/O, such as
     * an HTTP exchange). The first failure stops every thread and is thrown.
     *
     * @return the number of inputs checked
     */
    public static <T> long runConcurrently(
            String what, int threads, Function<SplittableRandom, T> generator, Consumer<T> check)
            throws InterruptedException {
        String replay = System.getProperty(REPLAY_PROPERTY);
        if (threads <= 1 || (replay != null && !replay.isBlank())) {
            return run(what, generator, check);
        }
        long runSeed = Long.getLong(SEED_PROPERTY, new SplittableRandom().nextLong());
        long n = inputs();
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<AssertionError> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(
                    () -> {
                        long i;
                        while (failure.get() == null && (i = next.getAndIncrement()) < n) {
                            try {
                                runOne(
                                        what,
                                        new SplittableRandom(runSeed ^ (i * 0x9E3779B97F4A7C15L)).nextLong(),
                                        generator,
                                        check,
                                        i);
                            } catch (AssertionError e) {
                                failure.compareAndSet(null, e);
                            }
                        }
                    },
                    "fuzz-" + t);
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(
                    failure.get().getMessage() + "\n  (the whole run: -D" + SEED_PROPERTY + "=" + runSeed + ")",
                    failure.get());
        }
        return n;
    }

    private static <T> void runOne(
            String what, long seed, Function<SplittableRandom, T> generator, Consumer<T> check, long index) {
        T input = generator.apply(new SplittableRandom(seed));
        try {
            check.accept(input);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(
                    what + ": input #" + index + " failed (replay with -D" + REPLAY_PROPERTY + "=" + seed + "): "
                            + describe(input) + "\n  " + e,
                    e);
        }
    }

    /** A printable form of an input: bytes as escaped UTF-8, cut at 400 bytes; anything else by toString. */
    public static String describe(Object input) {
        if (!(input instanceof byte[] bytes)) {
            return String.valueOf(input);
        }
        String text = new String(bytes, 0, Math.min(bytes.length, SHOWN_BYTES), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(text.length() + 16).append('"');
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
        if (bytes.length > SHOWN_BYTES) {
            sb.append(" ... (").append(bytes.length).append(" bytes)");
        }
        return sb.toString();
    }

    /** Random bytes, {@code 0..maxLength} long. */
    public static byte[] bytes(SplittableRandom random, int maxLength) {
        byte[] b = new byte[random.nextInt(maxLength + 1)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    /** One of {@code choices}, uniformly. */
    @SafeVarargs
    public static <T> T oneOf(SplittableRandom random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
