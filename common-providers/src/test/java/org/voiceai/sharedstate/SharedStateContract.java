package org.voiceai.sharedstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The behaviour every {@link SharedState} must have, run against each implementation so in-memory and Redis cannot
 * drift apart. Subclasses supply a fresh, empty store per test and a way to let time pass: moving a clock for memory,
 * really waiting for Redis. Waits are kept to about a second per test.
 */
abstract class SharedStateContract {

	/** Short TTL for expiry tests; long enough for a local Redis round trip to finish well before it elapses. */
	static final Duration TTL = Duration.ofMillis(300);

	/** Comfortably past {@link #TTL}. */
	static final Duration PAST_TTL = Duration.ofMillis(400);

	/** For data that must not expire during a test. */
	static final Duration LONG_TTL = Duration.ofMinutes(5);

	static final Duration TIMEOUT = Duration.ofSeconds(5);

	protected SharedState state;

	/** A store with no keys, isolated from every other test's store. */
	protected abstract SharedState newState();

	/** Lets {@code duration} pass for the store. */
	protected abstract void advance(Duration duration);

	@BeforeEach
	void createState() {
		state = newState();
	}

	@Test
	void getOfMissingKeyIsEmpty() {
		StepVerifier.create(state.get("d1:missing")).expectComplete().verify(TIMEOUT);
	}

	@Test
	void putThenGetReturnsLatestValue() {
		state.put("d1:k", "one", LONG_TTL).block(TIMEOUT);
		StepVerifier.create(state.get("d1:k")).expectNext("one").expectComplete().verify(TIMEOUT);

		state.put("d1:k", "two", LONG_TTL).block(TIMEOUT);
		StepVerifier.create(state.get("d1:k")).expectNext("two").expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.get("d2:k")).expectComplete().verify(TIMEOUT);
	}

	@Test
	void putValueExpiresAfterTtl() {
		state.put("d1:k", "v", TTL).block(TIMEOUT);
		state.put("d1:stays", "v", LONG_TTL).block(TIMEOUT);
		StepVerifier.create(state.get("d1:k")).expectNext("v").expectComplete().verify(TIMEOUT);

		advance(PAST_TTL);

		StepVerifier.create(state.get("d1:k")).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.get("d1:stays")).expectNext("v").expectComplete().verify(TIMEOUT);
	}

	@Test
	void putIfAbsentOnlySetsMissingOrExpiredKeys() {
		StepVerifier.create(state.putIfAbsent("d1:k", "first", TTL)).expectNext(true).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.putIfAbsent("d1:k", "second", TTL)).expectNext(false).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.get("d1:k")).expectNext("first").expectComplete().verify(TIMEOUT);

		advance(PAST_TTL);

		StepVerifier.create(state.putIfAbsent("d1:k", "third", LONG_TTL)).expectNext(true).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.get("d1:k")).expectNext("third").expectComplete().verify(TIMEOUT);
	}

	@Test
	void deleteReportsWhetherSomethingWasRemoved() {
		StepVerifier.create(state.delete("d1:k")).expectNext(false).expectComplete().verify(TIMEOUT);

		state.put("d1:k", "v", LONG_TTL).block(TIMEOUT);
		state.append("d1:list", "a", LONG_TTL).block(TIMEOUT);

		StepVerifier.create(state.delete("d1:k")).expectNext(true).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.get("d1:k")).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.delete("d1:k")).expectNext(false).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.delete("d1:list")).expectNext(true).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.range("d1:list", 0, -1)).expectComplete().verify(TIMEOUT);
	}

	@Test
	void incrementCreatesAtOneAndCounts() {
		StepVerifier.create(state.increment("d1:calls", LONG_TTL)).expectNext(1L).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.increment("d1:calls", LONG_TTL)).expectNext(2L).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.increment("d2:calls", LONG_TTL)).expectNext(1L).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.increment("d1:calls", LONG_TTL)).expectNext(3L).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.get("d1:calls")).expectNext("3").expectComplete().verify(TIMEOUT);
	}

	@Test
	void incrementRefreshesTtl() {
		Duration ttl = Duration.ofMillis(500);
		state.increment("d1:calls", ttl).block(TIMEOUT);
		advance(Duration.ofMillis(300));
		state.increment("d1:calls", ttl).block(TIMEOUT); // now expires 500 ms from here

		advance(Duration.ofMillis(300)); // past the first expiry, not the refreshed one
		StepVerifier.create(state.get("d1:calls")).expectNext("2").expectComplete().verify(TIMEOUT);

		advance(Duration.ofMillis(300)); // past the refreshed expiry
		StepVerifier.create(state.get("d1:calls")).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.increment("d1:calls", ttl)).expectNext(1L).expectComplete().verify(TIMEOUT);
	}

	@Test
	void decrementNeverGoesBelowZeroAndRemovesTheKeyAtZero() {
		StepVerifier.create(state.decrement("d1:calls")).expectNext(0L).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.get("d1:calls")).expectComplete().verify(TIMEOUT);

		state.increment("d1:calls", LONG_TTL).block(TIMEOUT);
		state.increment("d1:calls", LONG_TTL).block(TIMEOUT);
		StepVerifier.create(state.decrement("d1:calls")).expectNext(1L).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.get("d1:calls")).expectNext("1").expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.decrement("d1:calls")).expectNext(0L).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.get("d1:calls")).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.decrement("d1:calls")).expectNext(0L).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.get("d1:calls")).expectComplete().verify(TIMEOUT);
		// Still counts from scratch afterwards rather than from a negative value.
		StepVerifier.create(state.increment("d1:calls", LONG_TTL)).expectNext(1L).expectComplete().verify(TIMEOUT);
	}

	@Test
	void decrementKeepsTheExistingTtl() {
		state.increment("d1:calls", TTL).block(TIMEOUT);
		state.increment("d1:calls", TTL).block(TIMEOUT);
		StepVerifier.create(state.decrement("d1:calls")).expectNext(1L).expectComplete().verify(TIMEOUT);

		advance(PAST_TTL);

		StepVerifier.create(state.get("d1:calls")).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.decrement("d1:calls")).expectNext(0L).expectComplete().verify(TIMEOUT);
	}

	@Test
	void appendReturnsSizeAndRangeFollowsLrangeIndexing() {
		List<String> items = List.of("a", "b", "c", "d", "e");
		for (int i = 0; i < items.size(); i++) {
			StepVerifier.create(state.append("d1:history", items.get(i), LONG_TTL))
				.expectNext((long) i + 1)
				.expectComplete()
				.verify(TIMEOUT);
		}

		assertRange("d1:history", 0, -1, "a", "b", "c", "d", "e");
		assertRange("d1:history", 1, 2, "b", "c");
		assertRange("d1:history", -2, -1, "d", "e");
		assertRange("d1:history", -10, -1, "a", "b", "c", "d", "e");
		assertRange("d1:history", -3, -2, "c", "d");
		assertRange("d1:history", 3, 100, "d", "e");
		assertRange("d1:history", 0, 0, "a");
		assertRange("d1:history", 4, 1);
		assertRange("d1:history", 5, 10);
		assertRange("d1:history", 0, -6);
		assertRange("d1:other", 0, -1);
	}

	@Test
	void listExpiresAfterTtlAndAppendRefreshesIt() {
		Duration ttl = Duration.ofMillis(500);
		state.append("d1:history", "a", ttl).block(TIMEOUT);
		advance(Duration.ofMillis(300));
		state.append("d1:history", "b", ttl).block(TIMEOUT); // now expires 500 ms from here

		advance(Duration.ofMillis(300)); // past the first expiry, not the refreshed one
		assertRange("d1:history", 0, -1, "a", "b");

		advance(Duration.ofMillis(300)); // past the refreshed expiry
		assertRange("d1:history", 0, -1);
		StepVerifier.create(state.append("d1:history", "c", ttl)).expectNext(1L).expectComplete().verify(TIMEOUT);
		assertRange("d1:history", 0, -1, "c");
	}

	@Test
	void writesWithoutAPositiveTtlAreRejectedAndWriteNothing() {
		StepVerifier.create(state.put("d1:k", "v", Duration.ZERO)).expectError(IllegalArgumentException.class).verify(TIMEOUT);
		StepVerifier.create(state.putIfAbsent("d1:k", "v", null)).expectError(IllegalArgumentException.class).verify(TIMEOUT);
		StepVerifier.create(state.increment("d1:n", Duration.ofMillis(-1))).expectError(IllegalArgumentException.class).verify(TIMEOUT);
		StepVerifier.create(state.append("d1:l", "a", Duration.ofNanos(999_999))).expectError(IllegalArgumentException.class).verify(TIMEOUT);

		StepVerifier.create(state.get("d1:k")).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.get("d1:n")).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.range("d1:l", 0, -1)).expectComplete().verify(TIMEOUT);
	}

	@Test
	void usingAKeyAsTheWrongKindIsAnError() {
		state.append("d1:list", "a", LONG_TTL).block(TIMEOUT);
		state.put("d1:text", "not a number", LONG_TTL).block(TIMEOUT);

		StepVerifier.create(state.get("d1:list")).expectError().verify(TIMEOUT);
		StepVerifier.create(state.increment("d1:list", LONG_TTL)).expectError().verify(TIMEOUT);
		StepVerifier.create(state.append("d1:text", "b", LONG_TTL)).expectError().verify(TIMEOUT);
		StepVerifier.create(state.increment("d1:text", LONG_TTL)).expectError().verify(TIMEOUT);
		StepVerifier.create(state.decrement("d1:text")).expectError().verify(TIMEOUT);

		// Failed operations leave the values alone.
		StepVerifier.create(state.get("d1:text")).expectNext("not a number").expectComplete().verify(TIMEOUT);
		assertRange("d1:list", 0, -1, "a");
	}

	@Test
	void operationsAreLazy() {
		Mono<Void> put = state.put("d1:k", "v", LONG_TTL);
		Mono<Long> increment = state.increment("d1:n", LONG_TTL);

		StepVerifier.create(state.get("d1:k")).expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.get("d1:n")).expectComplete().verify(TIMEOUT);

		put.block(TIMEOUT);
		increment.block(TIMEOUT);
		StepVerifier.create(state.get("d1:k")).expectNext("v").expectComplete().verify(TIMEOUT);
		StepVerifier.create(state.get("d1:n")).expectNext("1").expectComplete().verify(TIMEOUT);
	}

	@Test
	void concurrentIncrementsFromTwoThreadsAreExact() {
		int count = 1_000;
		List<Long> results = onTwoThreads(count, i -> state.increment("d1:calls", LONG_TTL));

		// Atomic increments hand out every value from 1 to count exactly once.
		assertThat(results).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
		StepVerifier.create(state.get("d1:calls")).expectNext(Integer.toString(count)).expectComplete().verify(TIMEOUT);
	}

	@Test
	void concurrentDecrementsFromTwoThreadsStopAtZero() {
		int calls = 300;
		onTwoThreads(calls, i -> state.increment("d1:calls", LONG_TTL));

		int hangups = calls + 200;
		List<Long> results = onTwoThreads(hangups, i -> state.decrement("d1:calls"));

		// Each value from calls-1 down to 1 is seen exactly once; every other decrement found nothing left.
		assertThat(results.stream().filter(n -> n > 0).toList())
			.containsExactlyInAnyOrderElementsOf(LongStream.range(1, calls).boxed().toList());
		assertThat(results).filteredOn(n -> n == 0).hasSize(hangups - (calls - 1));
		StepVerifier.create(state.get("d1:calls")).expectComplete().verify(TIMEOUT);
	}

	/** Runs {@code count} operations, subscribed from two threads at once, and collects their results. */
	private List<Long> onTwoThreads(int count, IntFunction<Mono<Long>> operation) {
		Scheduler two = Schedulers.newParallel("shared-state-contract", 2);
		try {
			return Flux.range(0, count)
				.parallel(2)
				.runOn(two)
				.flatMap(operation::apply)
				.sequential()
				.collectList()
				.block(TIMEOUT);
		}
		finally {
			two.dispose();
		}
	}

	private void assertRange(String key, long start, long end, String... expected) {
		StepVerifier.create(state.range(key, start, end).collectList())
			.assertNext(list -> assertThat(list).as("range(%s, %d, %d)", key, start, end).containsExactly(expected))
			.expectComplete()
			.verify(TIMEOUT);
	}
}
