package dev.jmcp.server.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON objects sized for what they hold: a Jackson {@code ObjectNode} starts with a 16-slot hash table, while the
 * objects the server builds or copies on every call ({@code _meta}, {@code serverInfo}, a text result and its
 * content blocks) hold two to four members. Same nodes, same member order, smaller tables.
 */
final class SmallNodes {
    private SmallNodes() {}

    /**
     * A new empty object for about {@code members} members.
     *
     * @param members how many members it will usually hold
     * @return a new empty object
     */
    static ObjectNode object(int members) {
        return new ObjectNode(JsonNodeFactory.instance, new LinkedHashMap<>(tableSize(members)));
    }

    /**
     * A deep copy of {@code node} (what {@link JsonNode#deepCopy()} returns) whose objects and arrays are sized for
     * their contents.
     *
     * @param node the node to copy
     * @return the copy; value nodes, which are immutable, are shared
     */
    static JsonNode copy(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode out = object(o.size());
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                out.set(e.getKey(), copy(e.getValue()));
            }
            return out;
        }
        if (node instanceof ArrayNode a) {
            List<JsonNode> items = new ArrayList<>(a.size());
            for (JsonNode item : a) {
                items.add(copy(item));
            }
            return new ArrayNode(JsonNodeFactory.instance, items);
        }
        return node.deepCopy();
    }

    /** The initial capacity of a hash map that holds {@code members} without growing. */
    private static int tableSize(int members) {
        return members <= 3 ? 4 : members <= 6 ? 8 : members <= 12 ? 16 : (int) (members / 0.75f) + 1;
    }
}
