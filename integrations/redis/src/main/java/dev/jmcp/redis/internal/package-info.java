/** Implementation of the Redis stores: key names and Lua scripts. Not API. */
package dev.jmcp.redis.internal;
