package org.voiceai.sharedstate;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

import reactor.core.publisher.Mono;

/**
 * Reports whether the shared state store answers, for the readiness group ({@code sharedState}): an instance that
 * cannot reach Redis cannot honour the per-domain call limits, so it should not take calls.
 */
public final class SharedStateHealthIndicator implements ReactiveHealthIndicator {

	/** Short so a hung Redis makes readiness fail fast instead of holding the probe open. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private final SharedState sharedState;

	private final Duration timeout;

	public SharedStateHealthIndicator(SharedState sharedState) {
		this(sharedState, DEFAULT_TIMEOUT);
	}

	SharedStateHealthIndicator(SharedState sharedState, Duration timeout) {
		this.sharedState = Objects.requireNonNull(sharedState, "sharedState");
		this.timeout = Objects.requireNonNull(timeout, "timeout");
	}

	@Override
	public Mono<Health> health() {
		String kind = sharedState.kind();
		// Mono.defer also catches a ping() that throws instead of signalling, so the indicator itself never fails.
		return Mono.defer(sharedState::ping)
			.timeout(timeout)
			.then(Mono.fromSupplier(() -> Health.up().withDetail("kind", kind).build()))
			.onErrorResume(ex -> Mono.just(Health.down(ex).withDetail("kind", kind).build()));
	}
}
