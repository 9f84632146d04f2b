/**
 * Scale-out on Redis: {@link dev.jmcp.redis.RedisScaleOut} builds the shared stores and message bus that let any
 * instance of a jmcp server behind a load balancer serve any session (see {@code docs/scale-out.md}).
 */
package dev.jmcp.redis;
