package org.voiceai.providers.openai;

import java.util.List;
import java.util.stream.Stream;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.http.HttpErrorMapper;
import org.voiceai.providers.llm.ChatModels;
import org.voiceai.providers.llm.ChatOptions;
import org.voiceai.providers.llm.ErrorTranslatingChatModel;
import org.voiceai.providers.llm.ErrorTranslatingStreamingChatModel;
import org.voiceai.providers.llm.LangChainErrors;
import org.voiceai.providers.llm.ModelHttpClientBuilder;

/**
 * Builds langchain4j's OpenAI chat models for one {@link OpenAiChatVariant}; one bean per variant, so
 * {@code openai}, {@code groq}, {@code ollama_local}, {@code lmstudio_local} and {@code azure_openai} differ only in
 * their defaults. Requests and responses are never logged: they carry prompts and keys.
 */
public final class OpenAiChatModelsFactory implements ProviderFactory<ChatModels> {

	private final OpenAiChatVariant variant;

	private final HttpErrorMapper httpErrors;

	public OpenAiChatModelsFactory(OpenAiChatVariant variant, HttpErrorMapper httpErrors) {
		this.variant = variant;
		this.httpErrors = httpErrors;
	}

	@Override
	public ProviderType<ChatModels> type() {
		return ProviderType.LLM;
	}

	@Override
	public String name() {
		return this.variant.name();
	}

	@Override
	public ChatModels create(ProviderConfig config) {
		OpenAiChatSettings settings = OpenAiChatSettings.read(config, this.variant);
		ChatOptions options = settings.options();
		LangChainErrors errors = new LangChainErrors(settings.provider(), this.httpErrors, secrets(settings));
		OpenAiChatModel blocking = OpenAiChatModel.builder()
			.httpClientBuilder(new ModelHttpClientBuilder())
			.baseUrl(settings.baseUrl().toString())
			.apiKey(settings.apiKey())
			.customHeaders(settings.headers())
			.organizationId(settings.organization())
			.modelName(settings.model())
			.temperature(options.temperature())
			.maxTokens(options.maxTokens())
			.timeout(options.timeout())
			.maxRetries(ChatOptions.MAX_RETRIES)
			.logRequests(false)
			.logResponses(false)
			.build();
		OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder()
			.httpClientBuilder(new ModelHttpClientBuilder())
			.baseUrl(settings.baseUrl().toString())
			.apiKey(settings.apiKey())
			.customHeaders(settings.headers())
			.organizationId(settings.organization())
			.modelName(settings.model())
			.temperature(options.temperature())
			.maxTokens(options.maxTokens())
			.timeout(options.timeout())
			.logRequests(false)
			.logResponses(false)
			.build();
		return new ChatModels(new ErrorTranslatingChatModel(blocking, errors),
				new ErrorTranslatingStreamingChatModel(streaming, errors));
	}

	/** The key, whether sent as a bearer token or in Azure's header. */
	private static List<String> secrets(OpenAiChatSettings settings) {
		return Stream.concat(Stream.ofNullable(settings.apiKey()), settings.headers().values().stream()).toList();
	}

}
