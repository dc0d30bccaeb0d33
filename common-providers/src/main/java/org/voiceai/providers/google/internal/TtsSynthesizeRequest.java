package org.voiceai.providers.google.internal;

/**
 * Body of {@code POST /v1/text:synthesize}.
 *
 * @param input what to say
 * @param voice which voice
 * @param audioConfig the audio wanted
 */
public record TtsSynthesizeRequest(Input input, VoiceSelection voice, AudioConfig audioConfig) {

	/** @param text plain text (at most 5,000 bytes) */
	public record Input(String text) {
	}

	/**
	 * @param languageCode e.g. {@code pt-BR}; must be the voice's
	 * @param name e.g. {@code pt-BR-Wavenet-A}
	 */
	public record VoiceSelection(String languageCode, String name) {
	}

	/**
	 * @param audioEncoding {@code LINEAR16}: 16-bit PCM in a WAV container
	 * @param sampleRateHertz the output rate
	 * @param speakingRate 0.25–4.0
	 */
	public record AudioConfig(String audioEncoding, int sampleRateHertz, double speakingRate) {
	}

}
