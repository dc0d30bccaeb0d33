package org.voiceai.providers.error;

/** The provider rejected our credentials (401/403): the row's key is wrong or revoked. Another provider may work. */
public final class ProviderAuthException extends ProviderException {

	public ProviderAuthException(String provider, String message, Throwable cause) {
		super(provider, message, cause);
	}

	@Override
	public boolean retriable() {
		return false;
	}

}
