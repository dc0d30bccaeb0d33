package org.voiceai.providers.error;

/**
 * The audio itself is unusable: empty, not a valid WAV, an unsupported encoding or sample rate, or rejected by the
 * provider as undecodable. Like any bad request it does not fail over.
 */
public final class ProviderBadAudioException extends ProviderBadRequestException {

	public ProviderBadAudioException(String provider, String message, Throwable cause) {
		super(provider, message, cause);
	}

}
