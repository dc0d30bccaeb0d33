package org.voiceai.sharedstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import reactor.core.publisher.Mono;

class SharedStateHealthIndicatorTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void upWithKindWhenPingCompletes() {
		SharedState state = new InMemorySharedState(new MutableClock(Instant.EPOCH));

		Health health = new SharedStateHealthIndicator(state).health().block(TIMEOUT);

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("kind", "in-memory");
	}

	@Test
	void downWithMessageWhenPingFails() {
		SharedState state = stub(Mono.error(new IllegalStateException("connection refused")));

		Health health = new SharedStateHealthIndicator(state).health().block(TIMEOUT);

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("kind", "redis");
		assertThat(health.getDetails().get("error")).asString().contains("connection refused");
	}

	@Test
	void downWhenPingThrowsInsteadOfSignalling() {
		SharedState state = new PingStub(() -> {
			throw new IllegalStateException("boom");
		});

		Health health = new SharedStateHealthIndicator(state).health().block(TIMEOUT);

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error")).asString().contains("boom");
	}

	@Test
	void downWhenPingHangsPastTheTimeout() {
		SharedState state = stub(Mono.never());

		long started = System.nanoTime();
		Health health = new SharedStateHealthIndicator(state, Duration.ofMillis(100)).health().block(TIMEOUT);

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error")).asString().contains("Timeout");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void defaultTimeoutIsTwoSeconds() {
		assertThat(SharedStateHealthIndicator.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(2));
	}

	private static SharedState stub(Mono<Void> ping) {
		return new PingStub(() -> ping);
	}
}
