package dev.jmcp.transport.http.servlet.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A parsed {@code Host} header (or origin authority): the host in comparable form (lower case, no trailing dot,
 * IPv6 literals bracketed in Java's full form) and the port, or -1 when absent. Never resolves names.
 *
 * @param name the normalized host
 * @param port the port, or -1
 */
record HostPort(String name, int port) {

    /** Parses {@code host[:port]}; null when malformed (bad characters, bad port, unbracketed IPv6). */
    static HostPort parse(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        String host;
        String portText = null;
        if (v.startsWith("[")) {
            int end = v.indexOf(']');
            if (end < 0) {
                return null;
            }
            host = canonicalAddress(v.substring(1, end));
            String rest = v.substring(end + 1);
            if (!rest.isEmpty()) {
                if (rest.charAt(0) != ':') {
                    return null;
                }
                portText = rest.substring(1);
            }
        } else {
            int colon = v.indexOf(':');
            if (colon >= 0) {
                if (v.indexOf(':', colon + 1) >= 0) {
                    return null; // an IPv6 literal needs brackets
                }
                portText = v.substring(colon + 1);
                v = v.substring(0, colon);
            }
            if (v.endsWith(".")) {
                v = v.substring(0, v.length() - 1);
            }
            if (v.isEmpty() || !isHostName(v)) {
                return null;
            }
            host = isIpv4(v) ? v : looksNumeric(v) ? null : v;
        }
        if (host == null) {
            return null;
        }
        int port = -1;
        if (portText != null) {
            if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                return null;
            }
        }
        return new HostPort(host, port);
    }

    /**
     * The comparable form of an IP address literal ({@code 1.2.3.4}, {@code ::1}, {@code [::1]}, with or without a
     * zone), or null when it is none. IPv6 comes back bracketed; IPv4-mapped IPv6 as IPv4.
     */
    static String canonicalAddress(String literal) {
        String a =
                literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
        if (isIpv4(a)) {
            return a;
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        if (a.indexOf(':') < 0 || !a.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return null;
        }
        try {
            // a string of hex digits, colons and dots with a colon is parsed as a literal: no lookup
            InetAddress address = InetAddress.getByName(a);
            String text = address.getHostAddress();
            int z = text.indexOf('%');
            if (z >= 0) {
                text = text.substring(0, z);
            }
            return text.indexOf(':') >= 0 ? "[" + text.toLowerCase(Locale.ROOT) + "]" : text;
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the text is a dotted-quad IPv4 address (no leading zeros). */
    static boolean isIpv4(String s) {
        // by hand, not split: it runs on every request (the Host header check)
        int parts = 0;
        int start = 0;
        int n = s.length();
        while (true) {
            int end = s.indexOf('.', start);
            if (end < 0) {
                end = n;
            }
            int len = end - start;
            if (len == 0 || len > 3 || (len > 1 && s.charAt(start) == '0')) {
                return false;
            }
            int value = 0;
            for (int i = start; i < end; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
                value = value * 10 + (c - '0');
            }
            if (value > 255 || ++parts > 4) {
                return false;
            }
            if (end == n) {
                return parts == 4;
            }
            start = end + 1;
        }
    }

    /** Digits and dots only but no dotted quad ({@code 2130706433}, {@code 127.1}): ambiguous, refused. */
    private static boolean looksNumeric(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.');
    }

    private static boolean isHostName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
