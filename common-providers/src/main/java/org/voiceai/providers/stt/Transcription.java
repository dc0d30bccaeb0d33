package org.voiceai.providers.stt;

import java.time.Duration;

/**
 * What a speech-to-text provider heard.
 *
 * @param text the transcript, empty when nothing was said
 * @param language the detected or requested language, or {@code null}
 * @param confidence 0..1 when the provider reports one, else {@code null}
 * @param audioDuration length of the transcribed audio
 * @param provider the {@code provider_name} that produced it
 */
public record Transcription(String text, String language, Double confidence, Duration audioDuration,
		String provider) {
}
