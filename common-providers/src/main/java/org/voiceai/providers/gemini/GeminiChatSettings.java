package org.voiceai.providers.gemini;

import java.net.URI;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.llm.ChatOptions;

/**
 * How one provider row talks to the Gemini API ({@code generateContent} / {@code streamGenerateContent}).
 *
 * @param baseUrl e.g. {@code https://generativelanguage.googleapis.com/v1beta}; {@code /models/{model}:…} is
 * appended
 * @param apiKey sent as {@code x-goog-api-key}
 * @param model the Gemini model
 * @param options temperature, reply length ({@code maxOutputTokens}), timeout
 */
public record GeminiChatSettings(URI baseUrl, String apiKey, String model, ChatOptions options) {

	static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";

	/** The Python reference's {@code gemini-1.5-flash} has been retired; this is its current counterpart. */
	static final String DEFAULT_MODEL = "gemini-2.5-flash";

	public static GeminiChatSettings read(ProviderConfig config) {
		return new GeminiChatSettings(config.url("base_url", DEFAULT_BASE_URL), config.requireString("api_key"),
				config.string("model", DEFAULT_MODEL), ChatOptions.read(config, null));
	}

	@Override
	public String toString() {
		return "GeminiChatSettings[baseUrl=" + this.baseUrl + ", apiKey=***, model=" + this.model + ", options="
				+ this.options + "]";
	}

}
