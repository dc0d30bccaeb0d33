package org.voiceai.providers.stt;

import java.util.List;
import java.util.Locale;

import org.voiceai.providers.error.ProviderBadAudioException;
import org.voiceai.providers.error.ProviderBadRequestException;

/**
 * The phrases by which one vendor says, in an HTTP 400 answer, that it could not decode the audio. The HTTP error
 * mapper can only say "bad request"; recognising these tells the operator to look at the recording, not at the
 * provider's configuration.
 *
 * @param provider the {@code provider_name} the exceptions carry
 * @param phrases lower-case fragments of the vendor's message
 */
public record SpeechToTextBadAudioAnswers(String provider, List<String> phrases) {

	public SpeechToTextBadAudioAnswers {
		phrases = List.copyOf(phrases);
	}

	/** {@code error} as a {@link ProviderBadAudioException} when it is a bad request about the audio, else as is. */
	public Throwable recognise(Throwable error) {
		if (!(error instanceof ProviderBadRequestException) || error instanceof ProviderBadAudioException) {
			return error;
		}
		String message = error.getMessage();
		String lower = message.toLowerCase(Locale.ROOT);
		if (this.phrases.stream().noneMatch(lower::contains)) {
			return error;
		}
		String prefix = this.provider + ": ";
		String vendorSaid = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
		return new ProviderBadAudioException(this.provider, vendorSaid, error);
	}

}
