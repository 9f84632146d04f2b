package dev.jmcp.server;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches a URI against one compiled {@link UriTemplate} in time linear in the URI's length (D1 of the security
 * review): a Pike virtual machine that runs every alternative in lock step, one pass over the input, instead of a
 * backtracking regular expression. The program is built once per template; it gives the same answer a
 * backtracking matcher of the same pattern gives (alternatives keep their priority: greedy loops prefer one more
 * character, lazy loops prefer to stop), so it reads values exactly as the former regular expression did.
 *
 * <p>Cost per match: O(uri length × program size) steps, two int arrays of the program's size and one small
 * capture array per alternative that records a capture boundary. Immutable and thread-safe.
 */
final class TemplateMatcher {
    private static final int CHAR = 0;
    private static final int ANY_BUT = 1;
    private static final int ONE_OF = 2;
    private static final int SPLIT = 3;
    private static final int JMP = 4;
    private static final int SAVE = 5;
    private static final int MATCH = 6;

    private final int[] op;
    private final int[] x;
    private final int[] y;
    private final String[] set;
    private final int slots;

    private TemplateMatcher(Program p, int groups) {
        int n = p.op.size();
        this.op = new int[n];
        this.x = new int[n];
        this.y = new int[n];
        this.set = new String[n];
        for (int i = 0; i < n; i++) {
            op[i] = p.op.get(i);
            x[i] = p.x.get(i);
            y[i] = p.y.get(i);
            set[i] = p.set.get(i);
        }
        this.slots = groups * 2;
    }

    /** Builds programs; each {@code capture...} method adds one group, numbered in call order. */
    static final class Program {
        private final List<Integer> op = new ArrayList<>();
        private final List<Integer> x = new ArrayList<>();
        private final List<Integer> y = new ArrayList<>();
        private final List<String> set = new ArrayList<>();
        private int groups;

        private int emit(int code, int a, int b, String s) {
            op.add(code);
            x.add(a);
            y.add(b);
            set.add(s);
            return op.size() - 1;
        }

        /** Matches {@code text} exactly. */
        Program literal(String text) {
            for (int i = 0; i < text.length(); i++) {
                emit(CHAR, text.charAt(i), 0, null);
            }
            return this;
        }

        /** Matches one character of {@code chars}. */
        Program oneOf(String chars) {
            emit(ONE_OF, 0, 0, chars);
            return this;
        }

        /** Captures the next group: any run of characters not in {@code forbidden}, greedy or lazy. */
        Program capture(String forbidden, boolean lazy) {
            int group = groups++;
            emit(SAVE, group * 2, 0, null);
            int loop = emit(SPLIT, 0, 0, null);
            int body = emit(ANY_BUT, 0, 0, forbidden);
            emit(JMP, loop, 0, null);
            int out = emit(SAVE, group * 2 + 1, 0, null);
            x.set(loop, lazy ? out : body);
            y.set(loop, lazy ? body : out);
            return this;
        }

        /** Marks the start of an optional part; returns the mark to pass to {@link #endOptional}. */
        int beginOptional() {
            return emit(SPLIT, 0, 0, null);
        }

        /** Ends the optional part begun at {@code mark}: the matcher prefers taking it. */
        Program endOptional(int mark) {
            x.set(mark, mark + 1);
            y.set(mark, op.size());
            return this;
        }

        /** The matcher of the whole input against this program. */
        TemplateMatcher build() {
            emit(MATCH, 0, 0, null);
            return new TemplateMatcher(this, groups);
        }
    }

    /**
     * The capture boundaries ({@code [start0, end0, start1, end1, ...]}, -1 for a group that took no part) of the
     * whole of {@code input}, or null when it does not match.
     */
    int[] match(String input) {
        int n = op.length;
        int[] clistPc = new int[n];
        int[][] clistCaps = new int[n][];
        int[] nlistPc = new int[n];
        int[][] nlistCaps = new int[n][];
        int[] onList = new int[n];
        int[] stack = new int[n];
        int[][] stackCaps = new int[n][];
        int generation = 1;
        int[] start = new int[slots];
        java.util.Arrays.fill(start, -1);
        int ccount = add(clistPc, clistCaps, 0, 0, start, 0, onList, generation, stack, stackCaps, input.length());
        int[] matched = ccount < 0 ? clistCaps[-ccount - 1] : null;
        if (ccount < 0) {
            return matched;
        }
        for (int pos = 0; pos < input.length() && ccount > 0; pos++) {
            char c = input.charAt(pos);
            generation++;
            int ncount = 0;
            for (int i = 0; i < ccount; i++) {
                int pc = clistPc[i];
                boolean step =
                        switch (op[pc]) {
                            case CHAR -> c == x[pc];
                            case ANY_BUT -> set[pc].indexOf(c) < 0;
                            case ONE_OF -> set[pc].indexOf(c) >= 0;
                            default -> false;
                        };
                if (!step) {
                    continue;
                }
                int r = add(
                        nlistPc,
                        nlistCaps,
                        ncount,
                        pc + 1,
                        clistCaps[i],
                        pos + 1,
                        onList,
                        generation,
                        stack,
                        stackCaps,
                        input.length());
                if (r < 0) {
                    // a thread reached MATCH at the end of input: lower-priority threads cannot win
                    return nlistCaps[-r - 1];
                }
                ncount = r;
            }
            int[] tp = clistPc;
            clistPc = nlistPc;
            nlistPc = tp;
            int[][] tc = clistCaps;
            clistCaps = nlistCaps;
            nlistCaps = tc;
            ccount = ncount;
        }
        return null;
    }

    /**
     * Adds the thread at {@code pc0} and everything it reaches without reading a character, in priority order, to
     * the list. Returns the new list size, or {@code -(index + 1)} of the list slot holding the captures when a
     * thread reached MATCH at the end of the input.
     */
    private int add(
            int[] listPc,
            int[][] listCaps,
            int count,
            int pc0,
            int[] caps0,
            int pos,
            int[] onList,
            int generation,
            int[] stack,
            int[][] stackCaps,
            int length) {
        int top = 0;
        stack[top] = pc0;
        stackCaps[top++] = caps0;
        while (top > 0) {
            int pc = stack[--top];
            int[] caps = stackCaps[top];
            stackCaps[top] = null;
            while (true) {
                if (onList[pc] == generation) {
                    break;
                }
                onList[pc] = generation;
                switch (op[pc]) {
                    case JMP -> {
                        pc = x[pc];
                        continue;
                    }
                    case SPLIT -> {
                        stack[top] = y[pc];
                        stackCaps[top++] = caps;
                        pc = x[pc];
                        continue;
                    }
                    case SAVE -> {
                        caps = caps.clone();
                        caps[x[pc]] = pos;
                        pc++;
                        continue;
                    }
                    case MATCH -> {
                        if (pos == length) {
                            listCaps[count] = caps;
                            return -(count + 1);
                        }
                    }
                    default -> {
                        listPc[count] = pc;
                        listCaps[count++] = caps;
                    }
                }
                break;
            }
        }
        return count;
    }
}
