package org.voiceai.providers.openai;

import java.net.URI;
import java.util.Map;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.llm.ChatOptions;

/**
 * How one provider row talks to an OpenAI-compatible {@code /chat/completions} endpoint.
 *
 * @param provider the {@code provider_name} named in errors
 * @param baseUrl e.g. {@code https://api.openai.com/v1}; {@code /chat/completions} is appended
 * @param apiKey sent as {@code Authorization: Bearer}, or {@code null} (no key, or Azure's header instead)
 * @param headers extra headers: Azure's {@code api-key}
 * @param model the model, or for Azure the deployment name
 * @param organization {@code OpenAI-Organization}, or {@code null}
 * @param options temperature, reply length, timeout
 */
public record OpenAiChatSettings(String provider, URI baseUrl, String apiKey, Map<String, String> headers,
		String model, String organization, ChatOptions options) {

	static final String AZURE_KEY_HEADER = "api-key";

	public OpenAiChatSettings {
		headers = Map.copyOf(headers);
	}

	/** Reads {@code config} with {@code variant}'s defaults. */
	public static OpenAiChatSettings read(ProviderConfig config, OpenAiChatVariant variant) {
		ChatOptions options = ChatOptions.read(config, null);
		if (variant.azure()) {
			return new OpenAiChatSettings(variant.name(), azureBaseUrl(config), null,
					Map.of(AZURE_KEY_HEADER, config.requireString("api_key")), azureDeployment(config), null, options);
		}
		URI baseUrl = baseUrl(config, variant.defaultBaseUrl(), variant.bareUrlGetsV1());
		String apiKey = variant.apiKeyRequired() ? config.requireString("api_key")
				: config.string("api_key").orElse(null);
		return new OpenAiChatSettings(variant.name(), baseUrl, apiKey, Map.of(),
				config.string("model", variant.defaultModel()), config.string("organization").orElse(null), options);
	}

	static URI baseUrl(ProviderConfig config, String defaultBaseUrl, boolean bareUrlGetsV1) {
		URI url = config.url("base_url", defaultBaseUrl);
		boolean bare = url.getRawPath() == null || url.getRawPath().isEmpty();
		return (bare && bareUrlGetsV1) ? URI.create(url + "/v1") : url;
	}

	/**
	 * Azure OpenAI's v1 API ({@code https://{resource}.openai.azure.com/openai/v1}, no {@code api-version}): the row's
	 * {@code base_url} as it is, else its resource {@code endpoint} (the reference's {@code endpoint} or
	 * {@code azure_endpoint}) with {@code /openai/v1} added.
	 */
	static URI azureBaseUrl(ProviderConfig config) {
		if (config.has("base_url")) {
			return config.url("base_url", null);
		}
		String key = config.has("endpoint") ? "endpoint" : "azure_endpoint";
		URI endpoint = config.url(key, null);
		String path = (endpoint.getRawPath() != null) ? endpoint.getRawPath() : "";
		return switch (path) {
			case "" -> URI.create(endpoint + "/openai/v1");
			case "/openai" -> URI.create(endpoint + "/v1");
			case "/openai/v1" -> endpoint;
			default -> throw config.problem(key,
					"must be the resource endpoint, e.g. https://my-resource.openai.azure.com (or set base_url)");
		};
	}

	/** Azure's model in the v1 API is the deployment: {@code deployment_name}, {@code deployment} or {@code model}. */
	static String azureDeployment(ProviderConfig config) {
		return config.string("deployment_name")
			.or(() -> config.string("deployment"))
			.or(() -> config.string("model"))
			.orElseThrow(() -> config.problem("deployment_name", "is missing"));
	}

	@Override
	public String toString() {
		return "OpenAiChatSettings[provider=" + this.provider + ", baseUrl=" + this.baseUrl + ", apiKey="
				+ ((this.apiKey != null || !this.headers.isEmpty()) ? "***" : "none") + ", model=" + this.model
				+ ", organization=" + this.organization + ", options=" + this.options + "]";
	}

}
