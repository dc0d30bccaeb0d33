package org.voiceai.providers.gemini;

import java.util.List;

import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;

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
 * Builds langchain4j's Google AI Gemini chat models (langchain4j-google-ai-gemini 1.18.1, which runs on core 1.19.0)
 * for {@code provider_name} {@code google_gemini}. Requests and responses are never logged: they carry prompts and
 * keys.
 */
public final class GeminiChatModelsFactory implements ProviderFactory<ChatModels> {

	private final HttpErrorMapper httpErrors;

	public GeminiChatModelsFactory(HttpErrorMapper httpErrors) {
		this.httpErrors = httpErrors;
	}

	@Override
	public ProviderType<ChatModels> type() {
		return ProviderType.LLM;
	}

	@Override
	public String name() {
		return "google_gemini";
	}

	@Override
	public ChatModels create(ProviderConfig config) {
		GeminiChatSettings settings = GeminiChatSettings.read(config);
		ChatOptions options = settings.options();
		LangChainErrors errors = new LangChainErrors(name(), this.httpErrors, List.of(settings.apiKey()));
		GoogleAiGeminiChatModel blocking = GoogleAiGeminiChatModel.builder()
			.httpClientBuilder(new ModelHttpClientBuilder())
			.baseUrl(settings.baseUrl().toString())
			.apiKey(settings.apiKey())
			.modelName(settings.model())
			.temperature(options.temperature())
			.maxOutputTokens(options.maxTokens())
			.timeout(options.timeout())
			.maxRetries(ChatOptions.MAX_RETRIES)
			.logRequests(false)
			.logResponses(false)
			.build();
		GoogleAiGeminiStreamingChatModel streaming = GoogleAiGeminiStreamingChatModel.builder()
			.httpClientBuilder(new ModelHttpClientBuilder())
			.baseUrl(settings.baseUrl().toString())
			.apiKey(settings.apiKey())
			.modelName(settings.model())
			.temperature(options.temperature())
			.maxOutputTokens(options.maxTokens())
			.timeout(options.timeout())
			.logRequests(false)
			.logResponses(false)
			.build();
		return new ChatModels(new ErrorTranslatingChatModel(blocking, errors),
				new ErrorTranslatingStreamingChatModel(streaming, errors));
	}

}
