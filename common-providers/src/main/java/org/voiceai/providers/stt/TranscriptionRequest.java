package org.voiceai.providers.stt;

import java.util.Objects;

/**
 * One utterance to transcribe.
 *
 * @param wav the audio as a complete WAV file (what FreeSWITCH's record writes)
 * @param language BCP-47 language hint such as {@code pt-BR}, or {@code null} to let the provider detect it
 * @param prompt optional vocabulary hint (company and staff names), or {@code null}
 */
public record TranscriptionRequest(byte[] wav, String language, String prompt) {

	public TranscriptionRequest {
		Objects.requireNonNull(wav, "wav");
	}

}
