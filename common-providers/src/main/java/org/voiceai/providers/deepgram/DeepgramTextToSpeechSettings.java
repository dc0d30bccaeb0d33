package org.voiceai.providers.deepgram;

import java.net.URI;
import java.time.Duration;

import org.voiceai.providers.ProviderConfig;

/**
 * A {@code deepgram_aura} row's configuration.
 *
 * @param apiKey {@code api_key}
 * @param baseUrl {@code base_url}, default {@value #DEFAULT_BASE_URL}
 * @param model {@code model}, default {@value #DEFAULT_MODEL}; in Deepgram the model is the voice
 * @param timeout {@code timeout_seconds}, default 30
 */
public record DeepgramTextToSpeechSettings(String apiKey, URI baseUrl, String model, Duration timeout) {

	public static final String DEFAULT_BASE_URL = "https://api.deepgram.com";

	public static final String DEFAULT_MODEL = "aura-2-thalia-en";

	public static DeepgramTextToSpeechSettings from(ProviderConfig config) {
		return new DeepgramTextToSpeechSettings(config.requireString("api_key"),
				config.url("base_url", DEFAULT_BASE_URL), config.string("model", DEFAULT_MODEL),
				config.seconds("timeout_seconds", Duration.ofSeconds(30)));
	}

	@Override
	public String toString() {
		return "DeepgramTextToSpeechSettings[baseUrl=" + this.baseUrl + ", model=" + this.model + ", timeout="
				+ this.timeout + "]";
	}

}
