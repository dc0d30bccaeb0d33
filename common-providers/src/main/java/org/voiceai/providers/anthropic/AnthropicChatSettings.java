package org.voiceai.providers.anthropic;

import java.net.URI;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.llm.ChatOptions;

/**
 * How one provider row talks to Anthropic's Messages API.
 *
 * @param baseUrl e.g. {@code https://api.anthropic.com/v1}; {@code /messages} is appended
 * @param apiKey sent as {@code x-api-key}
 * @param model the Claude model
 * @param options temperature, reply length ({@code max_tokens} is mandatory in this API), timeout
 */
public record AnthropicChatSettings(URI baseUrl, String apiKey, String model, ChatOptions options) {

	static final String DEFAULT_BASE_URL = "https://api.anthropic.com/v1";

	/** The Python reference's default. */
	static final String DEFAULT_MODEL = "claude-sonnet-4-20250514";

	/** Anthropic rejects a request without {@code max_tokens}; 500 is a long spoken answer. */
	static final int DEFAULT_MAX_TOKENS = 500;

	public static AnthropicChatSettings read(ProviderConfig config) {
		return new AnthropicChatSettings(config.url("base_url", DEFAULT_BASE_URL), config.requireString("api_key"),
				config.string("model", DEFAULT_MODEL), ChatOptions.read(config, DEFAULT_MAX_TOKENS));
	}

	@Override
	public String toString() {
		return "AnthropicChatSettings[baseUrl=" + this.baseUrl + ", apiKey=***, model=" + this.model + ", options="
				+ this.options + "]";
	}

}
