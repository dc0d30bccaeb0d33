package org.voiceai.providers.openai;

import java.util.Set;

/**
 * One service reached through the OpenAI embeddings protocol ({@code POST /embeddings}): its own
 * {@code provider_name} and defaults, the same code ({@link OpenAiEmbeddingsFactory}).
 *
 * @param name the canonical {@code provider_name}
 * @param aliases other names rows may hold (the Python reference's)
 * @param defaultBaseUrl the service's base URL when the row gives none; {@code null} for Azure, whose URL is built
 * from the row's resource {@code endpoint}
 * @param defaultModel the model when the row names none; {@code null} for Azure, where the row names a deployment
 * @param apiKeyRequired whether the row must hold an {@code api_key}
 * @param azure Azure's v1 API: the key goes in an {@code api-key} header and the model is the deployment name
 * @param bareUrlGetsV1 a {@code base_url} without a path gets {@code /v1} (Ollama's native URL from older rows)
 */
public record OpenAiEmbeddingVariant(String name, Set<String> aliases, String defaultBaseUrl, String defaultModel,
		boolean apiKeyRequired, boolean azure, boolean bareUrlGetsV1) {

	public static final OpenAiEmbeddingVariant OPENAI = new OpenAiEmbeddingVariant("openai",
			Set.of("openai_embeddings"), "https://api.openai.com/v1", "text-embedding-3-small", true, false, false);

	public static final OpenAiEmbeddingVariant AZURE_OPENAI = new OpenAiEmbeddingVariant("azure_openai_embeddings",
			Set.of("azure_embeddings"), null, null, true, true, false);

	public static final OpenAiEmbeddingVariant OLLAMA = new OpenAiEmbeddingVariant("ollama", Set.of(),
			"http://localhost:11434/v1", "nomic-embed-text", false, false, true);

	public OpenAiEmbeddingVariant {
		aliases = Set.copyOf(aliases);
	}

}
