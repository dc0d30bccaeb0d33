package org.voiceai.providers.openai;

import java.net.URI;
import java.time.Duration;

import org.voiceai.providers.ProviderConfig;

/**
 * An {@code openai_tts} row's configuration.
 *
 * @param apiKey {@code api_key}
 * @param baseUrl {@code base_url}, default {@value #DEFAULT_BASE_URL} (any OpenAI-compatible speech server)
 * @param model {@code model}, default {@value #DEFAULT_MODEL}
 * @param voice {@code voice}, default {@value #DEFAULT_VOICE}
 * @param instructions {@code instructions}, optional speaking style (not for the tts-1 models)
 * @param timeout {@code timeout_seconds}, default 30
 */
public record OpenAiTextToSpeechSettings(String apiKey, URI baseUrl, String model, String voice, String instructions,
		Duration timeout) {

	public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

	public static final String DEFAULT_MODEL = "gpt-4o-mini-tts";

	public static final String DEFAULT_VOICE = "nova";

	public static OpenAiTextToSpeechSettings from(ProviderConfig config) {
		return new OpenAiTextToSpeechSettings(config.requireString("api_key"),
				config.url("base_url", DEFAULT_BASE_URL), config.string("model", DEFAULT_MODEL),
				config.string("voice", DEFAULT_VOICE), config.string("instructions").orElse(null),
				config.seconds("timeout_seconds", Duration.ofSeconds(30)));
	}

	/** The tts-1 models refuse {@code instructions}. */
	boolean acceptsInstructions() {
		return !this.model.startsWith("tts-1");
	}

	@Override
	public String toString() {
		return "OpenAiTextToSpeechSettings[baseUrl=" + this.baseUrl + ", model=" + this.model + ", voice=" + this.voice
				+ ", timeout=" + this.timeout + "]";
	}

}
