package org.voiceai.providers.http;

import java.time.Duration;

/**
 * How a provider HTTP call is retried before the manager fails over: only rate limits (429) and unavailability
 * (5xx, connection errors), never timeouts (a caller on the phone is already waiting) or bad requests.
 *
 * @param maxRetries retries after the first attempt
 * @param firstBackoff delay before the first retry, doubled each time
 * @param maxBackoff cap on the doubled delay
 * @param maxRetryAfter longest {@code retry-after} we wait for; a longer one fails at once so the next provider
 * answers instead
 */
public record RetryPolicy(int maxRetries, Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter) {

	/** Two retries, 200 ms then 400 ms, honouring a retry-after of up to 3 s. */
	public static final RetryPolicy DEFAULT = new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(2),
			Duration.ofSeconds(3));

	public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

	Duration backoff(long retry) {
		long factor = 1L << Math.min(retry, 16);
		Duration delay = this.firstBackoff.multipliedBy(factor);
		return (delay.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : delay;
	}

}
