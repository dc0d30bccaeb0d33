package org.voiceai.providers.error;

/** The provider is down or unreachable (5xx, connection refused, DNS failure). */
public final class ProviderUnavailableException extends ProviderException {

	public ProviderUnavailableException(String provider, String message, Throwable cause) {
		super(provider, message, cause);
	}

	@Override
	public boolean retriable() {
		return true;
	}

}
