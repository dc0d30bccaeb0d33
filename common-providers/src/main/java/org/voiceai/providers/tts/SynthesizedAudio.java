package org.voiceai.providers.tts;

import java.time.Duration;

/**
 * Speech ready for FreeSWITCH.
 *
 * @param wav a WAV file: mono, 16-bit PCM, at {@code sampleRate}
 * @param sampleRate 8000 or 16000, as requested
 * @param duration playing time
 * @param provider the {@code provider_name} that produced it
 */
public record SynthesizedAudio(byte[] wav, int sampleRate, Duration duration, String provider) {
}
