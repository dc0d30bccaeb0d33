package org.voiceai.providers.openai;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.embeddings.ErrorTranslatingEmbeddingModel;
import org.voiceai.providers.http.HttpErrorMapper;
import org.voiceai.providers.llm.LangChainErrors;
import org.voiceai.providers.llm.ModelHttpClientBuilder;

/**
 * Builds langchain4j's OpenAI embedding model for one {@link OpenAiEmbeddingVariant}; one bean per variant, so
 * {@code openai}, {@code azure_openai_embeddings} and {@code ollama} differ only in their defaults. Requests and
 * responses are never logged: they carry document text and keys.
 */
public final class OpenAiEmbeddingsFactory implements ProviderFactory<EmbeddingModel> {

	/** langchain4j's retries after a rate limit or a server error, with its own backoff (0.5 s, then 0.75 s). */
	private static final int MAX_RETRIES = 2;

	private final OpenAiEmbeddingVariant variant;

	private final HttpErrorMapper httpErrors;

	public OpenAiEmbeddingsFactory(OpenAiEmbeddingVariant variant, HttpErrorMapper httpErrors) {
		this.variant = variant;
		this.httpErrors = httpErrors;
	}

	@Override
	public ProviderType<EmbeddingModel> type() {
		return ProviderType.EMBEDDINGS;
	}

	@Override
	public String name() {
		return this.variant.name();
	}

	@Override
	public Set<String> aliases() {
		return this.variant.aliases();
	}

	@Override
	public EmbeddingModel create(ProviderConfig config) {
		OpenAiEmbeddingSettings settings = OpenAiEmbeddingSettings.read(config, this.variant);
		List<String> secrets = Stream
			.concat(Stream.ofNullable(settings.apiKey()), settings.headers().values().stream())
			.toList();
		OpenAiEmbeddingModel model = OpenAiEmbeddingModel.builder()
			.httpClientBuilder(new ModelHttpClientBuilder())
			.baseUrl(settings.baseUrl().toString())
			.apiKey(settings.apiKey())
			.customHeaders(settings.headers())
			.modelName(settings.model())
			.dimensions(settings.dimensions())
			.timeout(settings.timeout())
			.maxRetries(MAX_RETRIES)
			.logRequests(false)
			.logResponses(false)
			.build();
		return new ErrorTranslatingEmbeddingModel(model, new LangChainErrors(name(), this.httpErrors, secrets));
	}

}
