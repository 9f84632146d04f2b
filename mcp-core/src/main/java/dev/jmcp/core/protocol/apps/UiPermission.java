package dev.jmcp.core.protocol.apps;

/** A browser capability a view asks its sandbox for; a host may grant it (iframe {@code allow}). */
public enum UiPermission {
    /** The camera ({@code camera}). */
    CAMERA("camera"),
    /** The microphone ({@code microphone}). */
    MICROPHONE("microphone"),
    /** The location ({@code geolocation}). */
    GEOLOCATION("geolocation"),
    /** Writing to the clipboard ({@code clipboard-write}). */
    CLIPBOARD_WRITE("clipboardWrite");

    private final String key;

    UiPermission(String key) {
        this.key = key;
    }

    /**
     * The key in {@code _meta.ui.permissions}.
     *
     * @return the key in {@code _meta.ui.permissions}
     */
    public String key() {
        return key;
    }
}
