package org.voiceai.service.web;

import java.time.Duration;
import java.util.UUID;

/**
 * A new call would exceed its domain's concurrent-call limit (answered with 429 and {@code Retry-After}).
 */
public class CallLimitExceededException extends RuntimeException {

	private final int limit;

	private final Duration retryAfter;

	public CallLimitExceededException(UUID domain, int limit, Duration retryAfter) {
		super("Domain " + domain + " already has " + limit + " calls in progress, its limit of concurrent calls "
				+ "(setting max_concurrent_calls)");
		this.limit = limit;
		this.retryAfter = retryAfter;
	}

	public int limit() {
		return this.limit;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
