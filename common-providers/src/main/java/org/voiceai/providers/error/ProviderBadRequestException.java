package org.voiceai.providers.error;

/**
 * The provider rejected the request itself (400/413/422: unsupported audio, text too long). The same request would
 * fail elsewhere too, so this does not fail over and does not count against the provider's circuit breaker.
 */
public sealed class ProviderBadRequestException extends ProviderException permits ProviderBadAudioException {

	public ProviderBadRequestException(String provider, String message, Throwable cause) {
		super(provider, message, cause);
	}

	@Override
	public boolean retriable() {
		return false;
	}

}
