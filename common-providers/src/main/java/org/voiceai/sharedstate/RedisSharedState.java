package org.voiceai.sharedstate;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link SharedState} in Redis, so counters and history are shared by every instance of both services.
 * <p>
 * Every key gets a configurable prefix (default {@code voice-ai:}) so voice-ai can share a Redis database with other
 * software. Operations that must change a value and its expiry together run as Lua scripts: Redis executes a script
 * atomically, so a crash or a concurrent caller can never observe, say, an incremented counter without its TTL (which
 * would then live forever).
 */
public final class RedisSharedState implements SharedState {

	public static final String DEFAULT_KEY_PREFIX = "voice-ai:";

	/** INCR then PEXPIRE: creates at 1 and refreshes the TTL on every increment. */
	private static final RedisScript<Long> INCREMENT = RedisScript.of("""
			local n = redis.call('INCR', KEYS[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[1])
			return n
			""", Long.class);

	/**
	 * DECR floored at 0: a missing key stays missing (no DECR to -1), and a key reaching 0 is deleted. DECR rather
	 * than arithmetic on GET keeps Redis's own error for a non-integer value; the TTL is untouched, as with DECR.
	 */
	private static final RedisScript<Long> DECREMENT = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 0 then
			  return 0
			end
			local n = redis.call('DECR', KEYS[1])
			if n <= 0 then
			  redis.call('DEL', KEYS[1])
			  return 0
			end
			return n
			""", Long.class);

	/** RPUSH then PEXPIRE, atomically, so a list can never be left without a TTL. */
	private static final RedisScript<Long> APPEND = RedisScript.of("""
			local n = redis.call('RPUSH', KEYS[1], ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			return n
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final String keyPrefix;

	public RedisSharedState(ReactiveStringRedisTemplate redis) {
		this(redis, DEFAULT_KEY_PREFIX);
	}

	public RedisSharedState(ReactiveStringRedisTemplate redis, String keyPrefix) {
		this.redis = Objects.requireNonNull(redis, "redis");
		this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
	}

	@Override
	public Mono<String> get(String key) {
		return Mono.defer(() -> redis.opsForValue().get(redisKey(key)));
	}

	@Override
	public Mono<Void> put(String key, String value, Duration ttl) {
		return Mono.defer(() -> redis.opsForValue().set(redisKey(key), requireValue(value), Ttls.require(ttl)))
			.then();
	}

	@Override
	public Mono<Boolean> putIfAbsent(String key, String value, Duration ttl) {
		// SET NX PX: the check and the write are one command.
		return Mono.defer(
				() -> redis.opsForValue().setIfAbsent(redisKey(key), requireValue(value), Ttls.require(ttl)));
	}

	@Override
	public Mono<Boolean> delete(String key) {
		return Mono.defer(() -> redis.delete(redisKey(key))).map(removed -> removed > 0);
	}

	@Override
	public Mono<Long> increment(String key, Duration ttl) {
		return Mono.defer(() -> run(INCREMENT, key, millis(Ttls.require(ttl))));
	}

	@Override
	public Mono<Long> decrement(String key) {
		return Mono.defer(() -> run(DECREMENT, key));
	}

	@Override
	public Mono<Long> append(String key, String value, Duration ttl) {
		return Mono.defer(() -> run(APPEND, key, requireValue(value), millis(Ttls.require(ttl))));
	}

	@Override
	public Flux<String> range(String key, long start, long end) {
		return Flux.defer(() -> redis.opsForList().range(redisKey(key), start, end));
	}

	@Override
	public Mono<Void> ping() {
		// execute() borrows and releases the connection; a connection failure surfaces as an error signal.
		return redis.execute(connection -> connection.ping()).then();
	}

	@Override
	public String kind() {
		return "redis";
	}

	private Mono<Long> run(RedisScript<Long> script, String key, String... args) {
		// The template sends EVALSHA and falls back to EVAL (loading the script) when Redis does not know it yet.
		return redis.execute(script, List.of(redisKey(key)), List.of(args)).single();
	}

	private String redisKey(String key) {
		return keyPrefix + Objects.requireNonNull(key, "key");
	}

	private static String requireValue(String value) {
		return Objects.requireNonNull(value, "value");
	}

	private static String millis(Duration ttl) {
		return Long.toString(ttl.toMillis());
	}
}
