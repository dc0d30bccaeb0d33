package org.voiceai.sharedstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;

class InMemorySharedStateTest extends SharedStateContract {

	private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

	@Override
	protected SharedState newState() {
		return new InMemorySharedState(clock);
	}

	@Override
	protected void advance(Duration duration) {
		clock.advance(duration);
	}

	@Test
	void purgeExpiredRemovesOnlyExpiredEntries() {
		InMemorySharedState memory = (InMemorySharedState) state;
		memory.put("d1:a", "v", TTL).block(TIMEOUT);
		memory.append("d1:b", "v", TTL).block(TIMEOUT);
		memory.increment("d1:c", LONG_TTL).block(TIMEOUT);

		assertThat(memory.purgeExpired()).isZero();
		advance(PAST_TTL);
		assertThat(memory.purgeExpired()).isEqualTo(2);
		assertThat(memory.purgeExpired()).isZero();
		StepVerifier.create(memory.get("d1:c")).expectNext("1").expectComplete().verify(TIMEOUT);
	}

	@Test
	void writesSweepExpiredEntriesOncePerInterval() {
		InMemorySharedState memory = (InMemorySharedState) state;
		memory.put("d1:old", "v", TTL).block(TIMEOUT);
		advance(Duration.ofMinutes(2));

		// This write is past the sweep interval, so it sweeps "d1:old" without it ever being read again.
		memory.put("d1:new", "v", LONG_TTL).block(TIMEOUT);

		assertThat(memory.purgeExpired()).isZero();
	}

	@Test
	void isAlwaysReachable() {
		StepVerifier.create(state.ping()).expectComplete().verify(TIMEOUT);
		assertThat(state.kind()).isEqualTo("in-memory");
	}
}
