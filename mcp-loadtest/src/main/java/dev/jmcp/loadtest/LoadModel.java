package dev.jmcp.loadtest;

/** How load is generated. */
public enum LoadModel {
    /** Virtual users loop over the scenario (with think time); load depends on the server's speed. */
    CLOSED,
    /** Iterations start on a schedule (an arrival rate); latency counts from the intended start. */
    OPEN
}
