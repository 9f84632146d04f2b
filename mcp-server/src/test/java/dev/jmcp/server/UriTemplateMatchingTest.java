package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** URI template matching: linear time on hostile input (D1), and the same answers the former regex gave. */
class UriTemplateMatchingTest {

    @Test
    void matchingTheReDoSInputOfD1CompletesQuickly() {
        UriTemplate t = UriTemplate.parse("file:///{+path}{?rev}");
        String hostile = "file:///" + "?rev=".repeat(400_000) + "&";
        Optional<Map<String, String>> result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> t.match(hostile));
        // "&" cannot end a rev value and ',' never appears, so the whole rest is the reserved path
        assertThat(result).hasValueSatisfying(v -> assertThat(v.get("path")).hasSize(hostile.length() - 8));
    }

    @Test
    void matchingManyHostileInputsAgainstEveryOperatorStaysFast() {
        List<UriTemplate> templates = List.of(
                UriTemplate.parse("a{+x}b{+y}c{?p,q}"),
                UriTemplate.parse("{x}{/y}{.z}{;w}{#f}"),
                UriTemplate.parse("{+a},{+b},{+c}{&d}"));
        String hostile = "a" + "b,?p=&q=;w=.".repeat(50_000) + "#";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (UriTemplate t : templates) {
                t.match(hostile);
            }
        });
    }

    @Test
    void readsBackWhatItExpands() {
        UriTemplate t = UriTemplate.parse("file:///{+path}{?rev,mode}");
        assertThat(t.match("file:///a/b.txt?rev=3&mode=r").orElseThrow())
                .containsExactlyEntriesOf(linked("path", "a/b.txt", "rev", "3", "mode", "r"));
        assertThat(t.match("file:///a/b.txt").orElseThrow()).containsExactlyEntriesOf(linked("path", "a/b.txt"));
        assertThat(UriTemplate.parse("m{;x,y}").match("m;x=1;y").orElseThrow())
                .containsEntry("x", "1")
                .containsEntry("y", "");
        assertThat(UriTemplate.parse("x{#a,b}").match("x#1,2").orElseThrow())
                .containsEntry("a", "1")
                .containsEntry("b", "2");
        assertThat(UriTemplate.parse("{+path}.txt").match("a.txt.txt").orElseThrow())
                .containsEntry("path", "a.txt");
        assertThat(UriTemplate.parse("users/{id}").match("users/a/b")).isEmpty();
    }

    @Test
    void givesTheSameAnswersAsTheFormerRegularExpressionOnRandomInput() {
        Random random = new Random(14);
        String[] templates = {
            "file:///{+path}{?rev,mode}",
            "users/{id}{/sub}{.fmt}",
            "x{#a,b}",
            "m{;x,y}/{z}",
            "{a,b}&{+c}",
            "p{/a,b}{?q}{&r}",
            "{+a}.{b}{.c}",
            "q{?a}{+b}"
        };
        String alphabet = "ab/?#&=,;.%2";
        for (String template : templates) {
            UriTemplate t = UriTemplate.parse(template);
            Pattern regex = formerRegex(template);
            List<String> names = t.variableNames();
            String expanded = t.expand(Map.of("path", "x/y", "a", "1", "b", "2", "q", "3"));
            for (int i = 0; i < 3000; i++) {
                String uri = i == 0 ? expanded : mutate(random, expanded, alphabet);
                Optional<Map<String, String>> expected = regexMatch(regex, names, uri);
                Optional<Map<String, String>> actual = t.match(uri);
                assertThat(actual.isPresent()).as(template + " on " + uri).isEqualTo(expected.isPresent());
                if (expected.isPresent()) {
                    assertThat(actual.get()).as(template + " on " + uri).containsExactlyEntriesOf(expected.get());
                }
            }
        }
    }

    private static String mutate(Random random, String base, String alphabet) {
        StringBuilder sb = new StringBuilder(random.nextBoolean() ? base : "");
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits; e++) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length() + 1);
            if (random.nextInt(3) == 0 && sb.length() > 0 && at < sb.length()) {
                sb.deleteCharAt(at);
            } else {
                sb.insert(at, c);
            }
        }
        return sb.toString();
    }

    private static Map<String, String> linked(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Optional<Map<String, String>> regexMatch(Pattern regex, List<String> names, String uri) {
        Matcher m = regex.matcher(uri);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String v = m.group(i + 1);
            if (v != null) {
                values.put(names.get(i), decodeLikeTheTemplate(v));
            }
        }
        return Optional.of(values);
    }

    /** Percent-decoding as UriTemplate does it (a valid escape becomes its byte, UTF-8 overall). */
    private static String decodeLikeTheTemplate(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%'
                    && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The regular expression UriTemplate compiled before the linear matcher (the reference semantics). */
    private static Pattern formerRegex(String template) {
        Pattern expression = Pattern.compile("\\{([+#./;?&]?)([^}]*)}");
        StringBuilder re = new StringBuilder("^");
        Matcher m = expression.matcher(template);
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(template.substring(last, m.start())));
            char op = m.group(1).isEmpty() ? 0 : m.group(1).charAt(0);
            List<String> vars = new ArrayList<>(List.of(m.group(2).split(",")));
            for (int i = 0; i < vars.size(); i++) {
                String name = Pattern.quote(vars.get(i));
                switch (op) {
                    case '?', '&' -> re.append("(?:[?&]").append(name).append("=([^&#]*))?");
                    case ';' -> re.append("(?:;").append(name).append("=?([^;/?#]*))?");
                    case '/' -> re.append("/([^/?#]*)");
                    case '.' -> re.append("\\.([^/?#.]*)");
                    case '#' -> re.append(i == 0 ? "#" : ",").append("([^,]*)");
                    case '+' -> re.append(i == 0 ? "" : ",").append("([^,]*?)");
                    default -> re.append(i == 0 ? "" : ",").append("([^/?#,&]*)");
                }
            }
            last = m.end();
        }
        re.append(Pattern.quote(template.substring(last))).append('$');
        return Pattern.compile(re.toString());
    }
}
