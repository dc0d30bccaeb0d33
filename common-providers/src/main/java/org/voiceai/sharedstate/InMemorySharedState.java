package org.voiceai.sharedstate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link SharedState} in process memory, used when no Redis is configured so the product runs with nothing installed.
 * Correct for a single instance only: a second instance would have its own counters.
 * <p>
 * Every read-modify-write goes through {@link ConcurrentHashMap#compute}, which makes it atomic per key, mirroring
 * Redis's single-threaded command execution. Expiry is checked against the injected {@link Clock} on every access (so
 * an expired entry is never visible, whether or not it has been purged yet), and expired entries are swept at most
 * once a minute on writes so keys that are never read again do not pile up.
 * <p>
 * Each operation is cheap and never waits on I/O, so it runs on the subscriber's thread.
 */
public final class InMemorySharedState implements SharedState {

	/** How often writes also sweep expired entries; frequent enough to bound memory, rare enough to be free. */
	private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

	private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

	private final Clock clock;

	private final AtomicReference<Instant> nextPurge;

	public InMemorySharedState(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.nextPurge = new AtomicReference<>(clock.instant().plus(PURGE_INTERVAL));
	}

	@Override
	public Mono<String> get(String key) {
		return Mono.fromCallable(() -> {
			Entry entry = live(key, clock.instant());
			return entry == null ? null : entry.string(key);
		});
	}

	@Override
	public Mono<Void> put(String key, String value, Duration ttl) {
		return Mono.fromRunnable(() -> {
			Objects.requireNonNull(key, "key");
			Objects.requireNonNull(value, "value");
			Ttls.require(ttl);
			Instant now = clock.instant();
			entries.put(key, new Entry(value, now.plus(ttl)));
			purgeIfDue(now);
		});
	}

	@Override
	public Mono<Boolean> putIfAbsent(String key, String value, Duration ttl) {
		return Mono.fromCallable(() -> {
			Objects.requireNonNull(key, "key");
			Objects.requireNonNull(value, "value");
			Ttls.require(ttl);
			Instant now = clock.instant();
			Entry fresh = new Entry(value, now.plus(ttl));
			// Identity tells whether our entry won: compute returns whatever is stored afterwards.
			Entry stored = entries.compute(key, (k, old) -> old != null && !old.expiredAt(now) ? old : fresh);
			purgeIfDue(now);
			return stored == fresh;
		});
	}

	@Override
	public Mono<Boolean> delete(String key) {
		return Mono.fromCallable(() -> {
			Objects.requireNonNull(key, "key");
			Entry removed = entries.remove(key);
			// An expired entry was already invisible, so removing it is not "deleting something".
			return removed != null && !removed.expiredAt(clock.instant());
		});
	}

	@Override
	public Mono<Long> increment(String key, Duration ttl) {
		return Mono.fromCallable(() -> {
			Objects.requireNonNull(key, "key");
			Ttls.require(ttl);
			Instant now = clock.instant();
			Entry updated = entries.compute(key, (k, old) -> {
				long current = old == null || old.expiredAt(now) ? 0 : old.counter(k);
				// Stored as text, like Redis, so get() on a counter returns "3".
				return new Entry(Long.toString(Math.addExact(current, 1)), now.plus(ttl));
			});
			purgeIfDue(now);
			return Long.parseLong(updated.string(key));
		});
	}

	@Override
	public Mono<Long> decrement(String key) {
		return Mono.fromCallable(() -> {
			Objects.requireNonNull(key, "key");
			Instant now = clock.instant();
			Entry updated = entries.compute(key, (k, old) -> {
				if (old == null || old.expiredAt(now)) {
					return null; // nothing to decrement, and nothing left behind
				}
				long next = old.counter(k) - 1;
				// Reaching 0 removes the key: a zero counter carries no information and would only take memory.
				return next <= 0 ? null : new Entry(Long.toString(next), old.expiresAt());
			});
			return updated == null ? 0L : Long.parseLong(updated.string(key));
		});
	}

	@Override
	public Mono<Long> append(String key, String value, Duration ttl) {
		return Mono.fromCallable(() -> {
			Objects.requireNonNull(key, "key");
			Objects.requireNonNull(value, "value");
			Ttls.require(ttl);
			Instant now = clock.instant();
			Entry updated = entries.compute(key, (k, old) -> {
				List<String> current = old == null || old.expiredAt(now) ? List.of() : old.list(k);
				// Copy-on-write keeps stored lists immutable, so range() can read them without locking; lists here
				// are short (recent conversation turns), so the copy is cheap.
				List<String> next = new ArrayList<>(current.size() + 1);
				next.addAll(current);
				next.add(value);
				return new Entry(Collections.unmodifiableList(next), now.plus(ttl));
			});
			purgeIfDue(now);
			return (long) updated.list(key).size();
		});
	}

	@Override
	public Flux<String> range(String key, long start, long end) {
		return Flux.defer(() -> {
			Entry entry = live(key, clock.instant());
			return entry == null ? Flux.empty() : Flux.fromIterable(slice(entry.list(key), start, end));
		});
	}

	@Override
	public Mono<Void> ping() {
		return Mono.empty(); // memory is always reachable
	}

	@Override
	public String kind() {
		return "in-memory";
	}

	/**
	 * Removes every expired entry now. Writes already call this once a minute; it is public for callers that want to
	 * free memory at a moment of their choosing.
	 *
	 * @return how many entries were removed
	 */
	public int purgeExpired() {
		Instant now = clock.instant();
		int removed = 0;
		for (var e : entries.entrySet()) {
			// Two-argument remove: an entry rewritten since we looked at it is fresh and must stay.
			if (e.getValue().expiredAt(now) && entries.remove(e.getKey(), e.getValue())) {
				removed++;
			}
		}
		return removed;
	}

	private Entry live(String key, Instant now) {
		Entry entry = entries.get(Objects.requireNonNull(key, "key"));
		if (entry != null && entry.expiredAt(now)) {
			entries.remove(key, entry);
			return null;
		}
		return entry;
	}

	private void purgeIfDue(Instant now) {
		Instant due = nextPurge.get();
		// The compare-and-set lets exactly one of several concurrent writers do the sweep.
		if (!now.isBefore(due) && nextPurge.compareAndSet(due, now.plus(PURGE_INTERVAL))) {
			purgeExpired();
		}
	}

	/** Redis LRANGE index rules: negative counts from the end, out of range is clamped, crossed bounds are empty. */
	static List<String> slice(List<String> list, long start, long end) {
		long size = list.size();
		long from = start < 0 ? Math.max(0, size + start) : start;
		long to = Math.min(end < 0 ? size + end : end, size - 1);
		return from > to ? List.of() : list.subList((int) from, (int) to + 1);
	}

	/** A stored value: a {@code String} (plain value or counter) or an immutable {@code List<String>}. */
	private record Entry(Object value, Instant expiresAt) {

		boolean expiredAt(Instant now) {
			return !now.isBefore(expiresAt);
		}

		String string(String key) {
			if (value instanceof String s) {
				return s;
			}
			throw wrongType(key, "a string");
		}

		long counter(String key) {
			try {
				return Long.parseLong(string(key));
			}
			catch (NumberFormatException ex) {
				throw new IllegalStateException("Value of '" + key + "' is not an integer", ex);
			}
		}

		@SuppressWarnings("unchecked")
		List<String> list(String key) {
			if (value instanceof List<?> l) {
				return (List<String>) l;
			}
			throw wrongType(key, "a list");
		}

		private static IllegalStateException wrongType(String key, String expected) {
			return new IllegalStateException("WRONGTYPE: '" + key + "' does not hold " + expected);
		}
	}
}
