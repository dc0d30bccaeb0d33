package org.voiceai.providers.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.llm.ChatOptions;

/**
 * How one provider row talks to an OpenAI-compatible {@code /embeddings} endpoint.
 *
 * @param provider the {@code provider_name} named in errors
 * @param baseUrl e.g. {@code https://api.openai.com/v1}; {@code /embeddings} is appended
 * @param apiKey sent as {@code Authorization: Bearer}, or {@code null} (no key, or Azure's header instead)
 * @param headers extra headers: Azure's {@code api-key}
 * @param model the embedding model, or for Azure the deployment name
 * @param dimensions the {@code dimensions} sent, or {@code null} to send none
 * @param timeout {@code timeout_seconds} (or the reference's {@code timeout}): how long one HTTP attempt may take
 */
public record OpenAiEmbeddingSettings(String provider, URI baseUrl, String apiKey, Map<String, String> headers,
		String model, Integer dimensions, Duration timeout) {

	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	/** The one OpenAI embedding model that cannot be shortened with {@code dimensions}. */
	private static final String FIXED_SIZE_MODEL = "text-embedding-ada-002";

	public OpenAiEmbeddingSettings {
		headers = Map.copyOf(headers);
	}

	/** Reads {@code config} with {@code variant}'s defaults. */
	public static OpenAiEmbeddingSettings read(ProviderConfig config, OpenAiEmbeddingVariant variant) {
		Duration timeout = ChatOptions.timeout(config, DEFAULT_TIMEOUT);
		if (variant.azure()) {
			String deployment = OpenAiChatSettings.azureDeployment(config);
			return new OpenAiEmbeddingSettings(variant.name(), OpenAiChatSettings.azureBaseUrl(config), null,
					Map.of(OpenAiChatSettings.AZURE_KEY_HEADER, config.requireString("api_key")), deployment,
					dimensions(config, deployment), timeout);
		}
		String apiKey = variant.apiKeyRequired() ? config.requireString("api_key")
				: config.string("api_key").orElse(null);
		String model = config.string("model", variant.defaultModel());
		return new OpenAiEmbeddingSettings(variant.name(),
				OpenAiChatSettings.baseUrl(config, variant.defaultBaseUrl(), variant.bareUrlGetsV1()), apiKey, Map.of(),
				model, dimensions(config, model), timeout);
	}

	/**
	 * A row's own {@code dimensions} is sent as it is; otherwise only text-embedding-3 models get one, their full
	 * size (1536, or 3072 for -large), as the Python reference did. Other models take no {@code dimensions}.
	 */
	private static Integer dimensions(ProviderConfig config, String model) {
		if (config.has("dimensions")) {
			int dimensions = config.integer("dimensions", 0);
			if (dimensions < 1) {
				throw config.problem("dimensions", "must be at least 1");
			}
			if (model.equals(FIXED_SIZE_MODEL)) {
				throw config.problem("dimensions", FIXED_SIZE_MODEL + " always returns 1536 dimensions; remove it");
			}
			return dimensions;
		}
		if (!model.startsWith("text-embedding-3")) {
			return null;
		}
		return model.startsWith("text-embedding-3-large") ? 3072 : 1536;
	}

	@Override
	public String toString() {
		return "OpenAiEmbeddingSettings[provider=" + this.provider + ", baseUrl=" + this.baseUrl + ", apiKey="
				+ ((this.apiKey != null || !this.headers.isEmpty()) ? "***" : "none") + ", model=" + this.model
				+ ", dimensions=" + this.dimensions + ", timeout=" + this.timeout + "]";
	}

}
