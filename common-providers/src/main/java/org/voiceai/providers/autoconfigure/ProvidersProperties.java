package org.voiceai.providers.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Provider manager settings ({@code voice-ai.providers.*}).
 *
 * @param cacheTtl how long a domain's provider rows are cached: the longest an edit made in FusionPBX or by another
 * instance takes to apply (VOICE_AI_PROVIDER_CACHE_TTL)
 * @param attemptTimeout the longest one provider call may take before the next provider is tried
 * @param circuitBreaker per (domain, provider) breaker settings
 */
@ConfigurationProperties("voice-ai.providers")
public record ProvidersProperties(@DefaultValue("10s") Duration cacheTtl, @DefaultValue("30s") Duration attemptTimeout,
		@DefaultValue CircuitBreaker circuitBreaker) {

	/**
	 * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
	 * @param slidingWindowSize number of recent calls considered
	 * @param minimumNumberOfCalls calls needed before the rate is evaluated
	 * @param waitInOpenState how long an open breaker skips the provider before letting one probe call through
	 */
	public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
			@DefaultValue("10") int slidingWindowSize, @DefaultValue("4") int minimumNumberOfCalls,
			@DefaultValue("30s") Duration waitInOpenState) {
	}

}
