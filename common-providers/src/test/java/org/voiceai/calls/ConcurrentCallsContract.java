package org.voiceai.calls;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.voiceai.sharedstate.SharedState;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link ConcurrentCalls} promises, run against each {@link SharedState} implementation. */
abstract class ConcurrentCallsContract {

	/** Long enough that no slot expires during a test, however slow the machine. */
	static final Duration LONG_CALL = Duration.ofHours(1);

	/** For the expiry test only. */
	static final Duration SHORT_CALL = Duration.ofSeconds(2);

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Map<UUID, Integer> limits = new ConcurrentHashMap<>();

	ConcurrentCalls calls;

	/** A fresh, empty store. */
	protected abstract SharedState newState();

	/** Lets {@code duration} pass for the store's expiry. */
	protected abstract void advance(Duration duration);

	@BeforeEach
	void newCalls() {
		this.calls = calls(LONG_CALL);
	}

	private ConcurrentCalls calls(Duration maxCallDuration) {
		return new ConcurrentCalls(newState(), (domain) -> Mono.just(this.limits.getOrDefault(domain, 2)),
				maxCallDuration);
	}

	@Test
	void admitsUpToTheLimitAndRefusesBeyondIt() {
		UUID domain = UUID.randomUUID();

		assertThat(admit(domain, UUID.randomUUID())).isEqualTo(new Admission(true, 2));
		assertThat(admit(domain, UUID.randomUUID())).isEqualTo(new Admission(true, 2));
		assertThat(admit(domain, UUID.randomUUID())).isEqualTo(new Admission(false, 2));
	}

	@Test
	void everyTurnOfOneCallCountsOnce() {
		UUID domain = UUID.randomUUID();
		UUID call = UUID.randomUUID();

		for (int turn = 0; turn < 5; turn++) {
			assertThat(admit(domain, call).admitted()).isTrue();
		}
		assertThat(admit(domain, UUID.randomUUID()).admitted()).isTrue();
		assertThat(admit(domain, UUID.randomUUID()).admitted()).isFalse();
	}

	@Test
	void releaseFreesTheSlotAndIsHarmlessWhenRepeatedOrForUnknownCalls() {
		UUID domain = UUID.randomUUID();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		admit(domain, first);
		admit(domain, second);

		release(domain, first);
		release(domain, first);
		release(domain, UUID.randomUUID());

		assertThat(admit(domain, UUID.randomUUID()).admitted()).isTrue();
		assertThat(admit(domain, UUID.randomUUID()).admitted()).isFalse();
		// The released call is a new call if it comes back, and the domain is full.
		assertThat(admit(domain, first).admitted()).isFalse();
		assertThat(admit(domain, second).admitted()).isTrue();
	}

	@Test
	void domainsHaveTheirOwnLimits() {
		UUID small = UUID.randomUUID();
		UUID large = UUID.randomUUID();
		this.limits.put(small, 1);
		this.limits.put(large, 3);

		assertThat(admit(small, UUID.randomUUID()).admitted()).isTrue();
		assertThat(admit(small, UUID.randomUUID())).isEqualTo(new Admission(false, 1));
		for (int i = 0; i < 3; i++) {
			assertThat(admit(large, UUID.randomUUID()).admitted()).isTrue();
		}
		assertThat(admit(large, UUID.randomUUID())).isEqualTo(new Admission(false, 3));
	}

	@Test
	void aCallThatNeverReleasesFreesItsSlotAfterTheMaximumDuration() {
		this.calls = calls(SHORT_CALL);
		UUID domain = UUID.randomUUID();
		admit(domain, UUID.randomUUID());
		admit(domain, UUID.randomUUID());
		assertThat(admit(domain, UUID.randomUUID()).admitted()).isFalse();

		advance(SHORT_CALL.plusMillis(500));

		assertThat(admit(domain, UUID.randomUUID()).admitted()).isTrue();
		assertThat(admit(domain, UUID.randomUUID()).admitted()).isTrue();
		assertThat(admit(domain, UUID.randomUUID()).admitted()).isFalse();
	}

	@Test
	void concurrentFirstTurnsOfOneCallTakeOneSlot() {
		UUID domain = UUID.randomUUID();
		UUID call = UUID.randomUUID();

		List<Admission> answers = Flux.range(0, 8)
			.flatMap((i) -> this.calls.admit(domain, call).subscribeOn(Schedulers.parallel()))
			.collectList()
			.block(TIMEOUT);

		assertThat(answers).allMatch(Admission::admitted);
		assertThat(admit(domain, UUID.randomUUID()).admitted()).isTrue();
		assertThat(admit(domain, UUID.randomUUID()).admitted()).isFalse();
	}

	@Test
	void concurrentCallsNeverExceedTheLimit() {
		UUID domain = UUID.randomUUID();
		this.limits.put(domain, 5);

		List<Admission> answers = Flux.range(0, 40)
			.flatMap((i) -> this.calls.admit(domain, UUID.randomUUID()).subscribeOn(Schedulers.parallel()))
			.collectList()
			.block(TIMEOUT);

		assertThat(answers).filteredOn(Admission::admitted).hasSize(5);
	}

	private Admission admit(UUID domain, UUID call) {
		return this.calls.admit(domain, call).block(TIMEOUT);
	}

	private void release(UUID domain, UUID call) {
		this.calls.release(domain, call).block(TIMEOUT);
	}

}
