package dev.jmcp.loadtest;

/**
 * An execution segment for distributed generation: process {@code index} of {@code count} takes every
 * {@code count}-th arrival of every stage (open model: arrivals {@code n} with {@code n % count == index - 1} of the
 * one schedule all processes compute; closed model: the virtual users with that ordinal), so N processes started
 * anywhere (Kubernetes Jobs, SSH) together offer exactly the configured load, and {@code merge} turns their outputs
 * into one report.
 *
 * @param index this process's segment, 1-based
 * @param count the number of segments
 */
public record Segment(int index, int count) {
    /** The whole run (no distribution). */
    public static final Segment WHOLE = new Segment(1, 1);

    /**
     * Validates.
     *
     * @param index this process's segment, 1-based
     * @param count the number of segments
     */
    public Segment {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("segment must be i/n with 1 <= i <= n, got " + index + "/" + count);
        }
    }

    /**
     * Parses {@code i/n}.
     *
     * @param text the text
     * @return the parsed segment
     */
    public static Segment parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--segment expects i/n (e.g. 2/4), got " + text);
        }
        try {
            return new Segment(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--segment expects i/n (e.g. 2/4), got " + text);
        }
    }

    /**
     * Whether this is the whole run.
     *
     * @return whether this is the whole run
     */
    public boolean whole() {
        return count == 1;
    }

    /**
     * Whether the global ordinal {@code n} (0-based arrival or virtual user) belongs to this segment.
     *
     * @param n the n
     * @return whether the global ordinal {@code n} (0-based arrival or virtual user) belongs to this segment
     */
    public boolean owns(long n) {
        return n % count == index - 1;
    }

    /**
     * How many of the ordinals {@code 0 .. total-1} belong to this segment.
     *
     * @param total the total
     * @return how many of the ordinals {@code 0 .. total-1} belong to this segment
     */
    public long share(long total) {
        if (total <= 0) {
            return 0;
        }
        long full = total / count;
        return full + ((total % count) > (index - 1) ? 1 : 0);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
