/**
 * Scale-out on Redis for jmcp: the session, task and event stores and the message bus that every instance of a
 * scaled-out server shares ({@code RedisScaleOut}), on Jedis.
 *
 * <p>Exports {@code dev.jmcp.redis} only; {@code dev.jmcp.redis.internal} (keys, Lua scripts) is not exported. Its API
 * takes and configures the server's and the servlet's builders and may take a {@code JedisPool}, so those modules are
 * required transitively (Jedis is an automatic module with a stable name, {@code redis.clients.jedis}).
 */
@SuppressWarnings("requires-transitive-automatic") // Jedis declares Automatic-Module-Name: redis.clients.jedis
module dev.jmcp.redis {
    requires transitive dev.jmcp.server;
    requires transitive dev.jmcp.transport.http.servlet;
    requires transitive redis.clients.jedis;
    requires org.slf4j;

    exports dev.jmcp.redis;
}
