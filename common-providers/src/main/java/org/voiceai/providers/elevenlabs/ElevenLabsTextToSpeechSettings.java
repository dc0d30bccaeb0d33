package org.voiceai.providers.elevenlabs;

import java.net.URI;
import java.time.Duration;

import org.voiceai.providers.ProviderConfig;

/**
 * An {@code elevenlabs} row's configuration; key names and defaults are the Python reference's.
 *
 * @param apiKey {@code api_key}
 * @param baseUrl {@code base_url}, default {@value #DEFAULT_BASE_URL}
 * @param voiceId {@code voice_id}, default {@value #DEFAULT_VOICE_ID} (Rachel)
 * @param modelId {@code model_id}, default {@value #DEFAULT_MODEL_ID}
 * @param stability {@code stability} 0–1, default 0.5
 * @param similarityBoost {@code similarity_boost} 0–1, default 0.75
 * @param style {@code style} 0–1, default 0
 * @param timeout {@code timeout_seconds}, default 30
 */
public record ElevenLabsTextToSpeechSettings(String apiKey, URI baseUrl, String voiceId, String modelId,
		double stability, double similarityBoost, double style, Duration timeout) {

	public static final String DEFAULT_BASE_URL = "https://api.elevenlabs.io";

	public static final String DEFAULT_VOICE_ID = "21m00Tcm4TlvDq8ikWAM";

	public static final String DEFAULT_MODEL_ID = "eleven_multilingual_v2";

	public static ElevenLabsTextToSpeechSettings from(ProviderConfig config) {
		return new ElevenLabsTextToSpeechSettings(config.requireString("api_key"),
				config.url("base_url", DEFAULT_BASE_URL), config.string("voice_id", DEFAULT_VOICE_ID),
				config.string("model_id", DEFAULT_MODEL_ID), fraction(config, "stability", 0.5),
				fraction(config, "similarity_boost", 0.75), fraction(config, "style", 0),
				config.seconds("timeout_seconds", Duration.ofSeconds(30)));
	}

	private static double fraction(ProviderConfig config, String key, double defaultValue) {
		double value = config.decimal(key, defaultValue);
		if (!(value >= 0 && value <= 1)) {
			throw config.problem(key, "must be between 0 and 1, got " + value);
		}
		return value;
	}

	/**
	 * Characters one request may carry, which depends on the model (ElevenLabs help centre, "What's the maximum amount
	 * of characters"): 40,000 for the v2.5 Flash/Turbo models, 30,000 for v2 Flash/Turbo, 10,000 for Multilingual and
	 * English v1/v2, and 5,000 for any other (v3 and models we do not know yet).
	 */
	int maxCharacters() {
		if (this.modelId.startsWith("eleven_flash_v2_5") || this.modelId.startsWith("eleven_turbo_v2_5")) {
			return 40_000;
		}
		if (this.modelId.startsWith("eleven_flash_v2") || this.modelId.startsWith("eleven_turbo_v2")) {
			return 30_000;
		}
		if (this.modelId.startsWith("eleven_multilingual_v") || this.modelId.startsWith("eleven_monolingual_v")
				|| this.modelId.startsWith("eleven_english_v")) {
			return 10_000;
		}
		return 5_000;
	}

	@Override
	public String toString() {
		return "ElevenLabsTextToSpeechSettings[baseUrl=" + this.baseUrl + ", voiceId=" + this.voiceId + ", modelId="
				+ this.modelId + ", timeout=" + this.timeout + "]";
	}

}
