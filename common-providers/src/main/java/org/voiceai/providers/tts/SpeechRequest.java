package org.voiceai.providers.tts;

/**
 * Text to speak.
 *
 * @param text what to say
 * @param voice provider voice id, or {@code null} for the provider's configured default
 * @param language BCP-47 language such as {@code pt-BR}
 * @param speed speaking rate, 1.0 is normal
 * @param sampleRate output rate FreeSWITCH wants: 8000 or 16000
 */
public record SpeechRequest(String text, String voice, String language, double speed, int sampleRate) {

	public SpeechRequest {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("text is required");
		}
		if (sampleRate != 8000 && sampleRate != 16000) {
			throw new IllegalArgumentException("sample rate must be 8000 or 16000, got " + sampleRate);
		}
	}

}
