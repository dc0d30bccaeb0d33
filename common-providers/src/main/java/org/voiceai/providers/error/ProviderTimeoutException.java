package org.voiceai.providers.error;

/** The provider did not answer in time. */
public final class ProviderTimeoutException extends ProviderException {

	public ProviderTimeoutException(String provider, String message, Throwable cause) {
		super(provider, message, cause);
	}

	@Override
	public boolean retriable() {
		return true;
	}

}
