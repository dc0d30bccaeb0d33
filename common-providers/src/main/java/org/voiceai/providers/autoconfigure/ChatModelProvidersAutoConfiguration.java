package org.voiceai.providers.autoconfigure;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

import org.voiceai.providers.anthropic.AnthropicChatModelsFactory;
import org.voiceai.providers.gemini.GeminiChatModelsFactory;
import org.voiceai.providers.http.HttpErrorMapper;
import org.voiceai.providers.openai.OpenAiChatModelsFactory;
import org.voiceai.providers.openai.OpenAiChatVariant;

/**
 * The chat-model ({@code llm}) provider factories. The registry collects them as {@code ProviderFactory} beans; the
 * five OpenAI-compatible names are one class with different defaults.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
public final class ChatModelProvidersAutoConfiguration {

	@Bean
	OpenAiChatModelsFactory openAiChatModelsFactory(JsonMapper json) {
		return new OpenAiChatModelsFactory(OpenAiChatVariant.OPENAI, new HttpErrorMapper(json));
	}

	@Bean
	OpenAiChatModelsFactory groqChatModelsFactory(JsonMapper json) {
		return new OpenAiChatModelsFactory(OpenAiChatVariant.GROQ, new HttpErrorMapper(json));
	}

	@Bean
	OpenAiChatModelsFactory ollamaLocalChatModelsFactory(JsonMapper json) {
		return new OpenAiChatModelsFactory(OpenAiChatVariant.OLLAMA_LOCAL, new HttpErrorMapper(json));
	}

	@Bean
	OpenAiChatModelsFactory lmStudioLocalChatModelsFactory(JsonMapper json) {
		return new OpenAiChatModelsFactory(OpenAiChatVariant.LMSTUDIO_LOCAL, new HttpErrorMapper(json));
	}

	@Bean
	OpenAiChatModelsFactory azureOpenAiChatModelsFactory(JsonMapper json) {
		return new OpenAiChatModelsFactory(OpenAiChatVariant.AZURE_OPENAI, new HttpErrorMapper(json));
	}

	@Bean
	AnthropicChatModelsFactory anthropicChatModelsFactory(JsonMapper json) {
		return new AnthropicChatModelsFactory(new HttpErrorMapper(json));
	}

	@Bean
	GeminiChatModelsFactory geminiChatModelsFactory(JsonMapper json) {
		return new GeminiChatModelsFactory(new HttpErrorMapper(json));
	}

}
