package org.voiceai.providers.anthropic;

import java.util.List;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;

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
 * Builds langchain4j's Anthropic (Claude) chat models for {@code provider_name} {@code anthropic}. Requests and
 * responses are never logged: they carry prompts and keys.
 */
public final class AnthropicChatModelsFactory implements ProviderFactory<ChatModels> {

	private final HttpErrorMapper httpErrors;

	public AnthropicChatModelsFactory(HttpErrorMapper httpErrors) {
		this.httpErrors = httpErrors;
	}

	@Override
	public ProviderType<ChatModels> type() {
		return ProviderType.LLM;
	}

	@Override
	public String name() {
		return "anthropic";
	}

	@Override
	public ChatModels create(ProviderConfig config) {
		AnthropicChatSettings settings = AnthropicChatSettings.read(config);
		ChatOptions options = settings.options();
		LangChainErrors errors = new LangChainErrors(name(), this.httpErrors, List.of(settings.apiKey()));
		AnthropicChatModel blocking = AnthropicChatModel.builder()
			.httpClientBuilder(new ModelHttpClientBuilder())
			.baseUrl(settings.baseUrl().toString())
			.apiKey(settings.apiKey())
			.modelName(settings.model())
			.temperature(options.temperature())
			.maxTokens(options.maxTokens())
			.timeout(options.timeout())
			.maxRetries(ChatOptions.MAX_RETRIES)
			.logRequests(false)
			.logResponses(false)
			.build();
		AnthropicStreamingChatModel streaming = AnthropicStreamingChatModel.builder()
			.httpClientBuilder(new ModelHttpClientBuilder())
			.baseUrl(settings.baseUrl().toString())
			.apiKey(settings.apiKey())
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

}
