package org.voiceai.sharedstate;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A small key/value store for state that both voice-ai services may need to share across instances: per-domain
 * concurrent-call counters, short-lived conversation history, caches.
 * <p>
 * Backed by Redis when {@code voice-ai.redis.url} is set ({@link RedisSharedState}), otherwise by process memory
 * ({@link InMemorySharedState}, which is only correct for a single instance). Both behave the same, so callers never
 * need to know which one they got.
 * <p>
 * Rules for callers:
 * <ul>
 * <li><b>Keys are the caller's responsibility to namespace by {@code domain_uuid}</b> (for example
 * {@code "calls:" + domainUuid}). The store adds only a global prefix; it cannot know which tenant a key belongs to,
 * so a key without the domain in it would let data cross tenants.</li>
 * <li><b>Every write takes a mandatory, positive TTL</b> (at least 1 ms) so nothing grows forever, whoever forgets to
 * clean up. A missing or non-positive TTL is signalled as an {@link IllegalArgumentException}.</li>
 * <li>All methods are lazy and non-blocking: nothing happens until the result is subscribed to.</li>
 * <li>Using a key with the wrong kind of operation (a list as a string or vice versa, or incrementing a non-number)
 * is signalled as an error, as Redis does.</li>
 * </ul>
 */
public interface SharedState {

	/** The value of a string key; empty when absent or expired. */
	Mono<String> get(String key);

	/** Sets a string key, replacing whatever was there, expiring after {@code ttl}. */
	Mono<Void> put(String key, String value, Duration ttl);

	/** Sets a string key only if absent (or expired); emits whether it was set. */
	Mono<Boolean> putIfAbsent(String key, String value, Duration ttl);

	/** Removes a key of any kind; emits whether something was removed. */
	Mono<Boolean> delete(String key);

	/**
	 * Atomically adds 1 to a counter, creating it at 1 when absent, and (re)sets its time to live to {@code ttl};
	 * emits the new value.
	 */
	Mono<Long> increment(String key, Duration ttl);

	/**
	 * Atomically subtracts 1 from a counter, never going below 0: a counter reaching 0 is removed, and a missing
	 * counter stays missing (emits 0). The time to live is left as it is. Emits the new value.
	 */
	Mono<Long> decrement(String key);

	/**
	 * Appends {@code value} to the end of a list, creating it when absent, and (re)sets the list's time to live to
	 * {@code ttl}; emits the new size.
	 */
	Mono<Long> append(String key, String value, Duration ttl);

	/**
	 * Elements {@code start..end} (both inclusive) of a list with Redis {@code LRANGE} semantics: negative indexes
	 * count from the end ({@code range(key, -10, -1)} is the last 10), out-of-range indexes are clamped, and a missing
	 * list is empty.
	 */
	Flux<String> range(String key, long start, long end);

	/** Completes when the store is reachable; errors otherwise. */
	Mono<Void> ping();

	/** {@code "redis"} or {@code "in-memory"}, for health details and logs. */
	String kind();
}
