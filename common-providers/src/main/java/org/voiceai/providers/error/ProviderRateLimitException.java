package org.voiceai.providers.error;

import java.time.Duration;

/** The provider throttled us (429, quota). {@link #retryAfter()} is the provider's hint when it sent one. */
public final class ProviderRateLimitException extends ProviderException {

	private final Duration retryAfter;

	public ProviderRateLimitException(String provider, String message, Duration retryAfter, Throwable cause) {
		super(provider, message, cause);
		this.retryAfter = retryAfter;
	}

	/** How long the provider asked us to wait, or {@code null}. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	@Override
	public boolean retriable() {
		return true;
	}

}
