package org.voiceai.providers.manager;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.voiceai.providers.ProviderContext;
import org.voiceai.providers.error.ProviderBadRequestException;

/**
 * One circuit breaker per (domain, provider row): one tenant's broken key or exhausted quota opens only that
 * tenant's breaker. Bad requests (the caller's fault) are not recorded as provider failures.
 */
public class ProviderCircuitBreakers {

	private final CircuitBreakerRegistry registry;

	private final CircuitBreakerConfig config;

	public ProviderCircuitBreakers(CircuitBreakerRegistry registry, CircuitBreakerConfig config) {
		this.registry = registry;
		this.config = CircuitBreakerConfig.from(config)
			.ignoreExceptions(ProviderBadRequestException.class)
			.build();
	}

	public CircuitBreaker forProvider(ProviderContext context) {
		return this.registry.circuitBreaker("provider:" + context.domain() + ":" + context.providerUuid(), this.config);
	}

}
