package org.voiceai.service.synthesize;

import java.util.UUID;

/**
 * What to speak and how; unset fields fall back to the secretary's settings, then the provider's defaults.
 *
 * @param text what to say
 * @param voice provider voice id, or null
 * @param speed speaking rate, or null
 * @param sampleRate 8000 or 16000
 * @param language BCP-47 language, or null
 * @param provider a provider_name to use, or null
 * @param secretary whose voice and TTS provider to use, or null
 */
public record SynthesizeCommand(String text, String voice, Double speed, int sampleRate, String language,
		String provider, UUID secretary) {
}
