package dev.jmcp.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 6570 URI template (levels 1 to 3: simple, reserved {@code +}, fragment {@code #}, label {@code .}, path
 * {@code /}, path-parameter {@code ;}, query {@code ?} and continuation {@code &} expressions with several
 * variables; the level-4 prefix modifier {@code :n} is honoured on expansion, explode {@code *} is read as a
 * plain variable). It expands variables into a URI and matches a URI back into variables.
 *
 * <pre>{@code
 * UriTemplate t = UriTemplate.parse("file:///{+path}{?rev}");
 * t.expand(Map.of("path", "a/b.txt", "rev", "3"));   // "file:///a/b.txt?rev=3"
 * t.match("file:///a/b.txt?rev=3");                   // {path=a/b.txt, rev=3}
 * }</pre>
 */
public final class UriTemplate {
    private static final Pattern EXPRESSION = Pattern.compile("\\{([+#./;?&]?)([^}]*)}");
    private static final String UNRESERVED = "-._~";
    private static final String RESERVED = ":/?#[]@!$&'()*+,;=";

    private final String template;
    private final List<Object> parts = new ArrayList<>();
    /** The compiled matcher: linear in the URI's length, built once per template. */
    private final TemplateMatcher matcher;

    private final List<String> names = new ArrayList<>();

    private record Var(String name, int prefix) {}

    private record Expr(char op, List<Var> vars) {}

    private UriTemplate(String template) {
        this.template = template;
        TemplateMatcher.Program program = new TemplateMatcher.Program();
        Matcher m = EXPRESSION.matcher(template);
        int last = 0;
        while (m.find()) {
            String literal = template.substring(last, m.start());
            parts.add(literal);
            program.literal(literal);
            char op = m.group(1).isEmpty() ? 0 : m.group(1).charAt(0);
            List<Var> vars = new ArrayList<>();
            for (String spec : m.group(2).split(",")) {
                String s = spec.trim().replace("*", "");
                int prefix = -1;
                int colon = s.indexOf(':');
                if (colon >= 0) {
                    prefix = Integer.parseInt(s.substring(colon + 1));
                    s = s.substring(0, colon);
                }
                if (s.isEmpty() || !s.matches("[A-Za-z0-9_.%]+")) {
                    throw new IllegalArgumentException("invalid variable '" + spec + "' in URI template " + template);
                }
                vars.add(new Var(s, prefix));
                names.add(s);
            }
            parts.add(new Expr(op, vars));
            compile(program, op, vars);
            last = m.end();
        }
        String tail = template.substring(last);
        if (tail.contains("{") || tail.contains("}")) {
            throw new IllegalArgumentException("unbalanced braces in URI template " + template);
        }
        parts.add(tail);
        this.matcher = program.literal(tail).build();
    }

    /**
     * Parses a template.
     *
     * @param template the RFC 6570 template text
     * @return the parsed URI template
     */
    public static UriTemplate parse(String template) {
        return new UriTemplate(Objects.requireNonNull(template, "template"));
    }

    /**
     * The variable names, in order of appearance.
     *
     * @return the variable names, in order of appearance
     */
    public List<String> variableNames() {
        return List.copyOf(names);
    }

    /**
     * Expands the template; undefined variables are left out.
     *
     * @param values the variables' values, by name
     * @return the expanded URI
     */
    public String expand(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String literal) {
                out.append(literal);
                continue;
            }
            Expr e = (Expr) part;
            boolean first = true;
            for (Var v : e.vars()) {
                String value = values.get(v.name());
                if (value == null) {
                    continue;
                }
                if (v.prefix() >= 0 && value.length() > v.prefix()) {
                    value = value.substring(0, v.prefix());
                }
                out.append(first ? firstOf(e.op()) : separatorOf(e.op()));
                first = false;
                boolean reserved = e.op() == '+' || e.op() == '#';
                if (e.op() == ';') {
                    out.append(v.name());
                    if (!value.isEmpty()) {
                        out.append('=');
                    }
                } else if (e.op() == '?' || e.op() == '&') {
                    out.append(v.name()).append('=');
                }
                out.append(encode(value, reserved));
            }
        }
        return out.toString();
    }

    /**
     * The variables of {@code uri} if it matches the template. Runs in time linear in the length of {@code uri},
     * whatever its content.
     *
     * @param uri the URI
     * @return the variables of {@code uri} if it matches the template
     */
    public Optional<Map<String, String>> match(String uri) {
        int[] groups = matcher.match(uri);
        if (groups == null) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            int start = groups[2 * i];
            int end = groups[2 * i + 1];
            if (start >= 0 && end >= 0) {
                values.put(names.get(i), decode(uri.substring(start, end)));
            }
        }
        return Optional.of(values);
    }

    @Override
    public String toString() {
        return template;
    }

    /** Adds the pattern of one expression: what each operator's expansion can produce, read back. */
    private static void compile(TemplateMatcher.Program program, char op, List<Var> vars) {
        for (int i = 0; i < vars.size(); i++) {
            String name = vars.get(i).name();
            switch (op) {
                case '?', '&' -> {
                    int optional = program.beginOptional();
                    program.oneOf("?&").literal(name + "=").capture("&#", false).endOptional(optional);
                }
                case ';' -> {
                    int optional = program.beginOptional();
                    program.literal(";" + name);
                    int equals = program.beginOptional();
                    program.literal("=").endOptional(equals);
                    program.capture(";/?#", false).endOptional(optional);
                }
                case '/' -> program.literal("/").capture("/?#", false);
                case '.' -> program.literal(".").capture("/?#.", false);
                case '#' -> program.literal(i == 0 ? "#" : ",").capture(",", false);
                case '+' -> program.literal(i == 0 ? "" : ",").capture(",", true);
                default -> program.literal(i == 0 ? "" : ",").capture("/?#,&", false);
            }
        }
    }

    private static String firstOf(char op) {
        return switch (op) {
            case '#', '.', '/', ';', '?', '&' -> String.valueOf(op);
            default -> "";
        };
    }

    private static String separatorOf(char op) {
        return switch (op) {
            case '.', '/', ';' -> String.valueOf(op);
            case '?', '&' -> "&";
            default -> ",";
        };
    }

    private static String encode(String value, boolean allowReserved) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            char c = (char) b;
            boolean alnum = b < 128 && Character.isLetterOrDigit(c);
            if (alnum
                    || b < 128 && UNRESERVED.indexOf(c) >= 0
                    || allowReserved && b < 128 && RESERVED.indexOf(c) >= 0) {
                out.append(c);
            } else if (allowReserved
                    && c == '%'
                    && i + 2 < bytes.length
                    && isHex(bytes[i + 1])
                    && isHex(bytes[i + 2])) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b));
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return Character.digit((char) b, 16) >= 0;
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%'
                    && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
