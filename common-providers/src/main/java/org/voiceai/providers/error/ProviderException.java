package org.voiceai.providers.error;

/**
 * A provider call failed. The subtype says how, in provider-neutral terms, so fallback and HTTP mapping read the
 * type and never a vendor's status code. {@link #retriable()} tells whether another attempt or another provider may
 * succeed.
 */
public abstract sealed class ProviderException extends RuntimeException
		permits ProviderAuthException, ProviderRateLimitException, ProviderTimeoutException,
		ProviderUnavailableException, ProviderBadRequestException {

	private final String provider;

	protected ProviderException(String provider, String message, Throwable cause) {
		super(provider + ": " + message, cause);
		this.provider = provider;
	}

	/** The {@code provider_name} that failed. */
	public String provider() {
		return this.provider;
	}

	public abstract boolean retriable();

}
