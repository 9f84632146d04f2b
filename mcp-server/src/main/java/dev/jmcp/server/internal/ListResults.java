package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer every registry list ({@code tools/list}, {@code prompts/list}, {@code resources/list}, {@code
 * resources/templates/list}) shares: the page the request's cursor designates, its {@code nextCursor}, and the
 * 2026-07-28 caching hints.
 */
final class ListResults {
    private ListResults() {}

    /**
     * The list result of one page.
     *
     * @param list the cursor namespace of the list
     * @param field the result's array field
     * @param all every registered item
     * @param definition the wire definition of an item under the call's revision
     */
    static <T> JsonNode page(
            ServerCore core, Call call, String list, String field, List<T> all, Function<T, JsonNode> definition) {
        Pages.Page<T> page =
                Pages.page(list, all, call.stringParam("cursor"), core.config().pageSize());
        ObjectNode result = McpJson.object();
        ArrayNode items = result.putArray(field);
        page.items().forEach(item -> items.add(definition.apply(item)));
        if (page.nextCursor() != null) {
            result.put("nextCursor", page.nextCursor());
        }
        core.cacheHints(call, result);
        return result;
    }
}
