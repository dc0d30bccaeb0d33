package org.voiceai.calls;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-domain concurrent-call limits ({@code voice-ai.calls.*}).
 *
 * @param defaultLimit calls a domain may have at once when its {@code max_concurrent_calls} setting is absent,
 * disabled or not a positive number
 * @param maxCallDuration the longest a call can hold a slot: a call that crashed without releasing frees its slot
 * after this long
 * @param limitCacheTtl how long a domain's limit read from the database is reused, so admission costs no query
 * @param retryAfter what a refused request is told to wait before trying again ({@code Retry-After})
 */
@ConfigurationProperties("voice-ai.calls")
public record ConcurrentCallsProperties(@DefaultValue("10") int defaultLimit,
		@DefaultValue("4h") Duration maxCallDuration, @DefaultValue("30s") Duration limitCacheTtl,
		@DefaultValue("30s") Duration retryAfter) {

	public ConcurrentCallsProperties {
		if (defaultLimit < 1) {
			throw new IllegalArgumentException("voice-ai.calls.default-limit must be at least 1, was " + defaultLimit);
		}
		if (maxCallDuration == null || maxCallDuration.toSeconds() < 1) {
			throw new IllegalArgumentException("voice-ai.calls.max-call-duration must be at least 1s");
		}
	}

}
