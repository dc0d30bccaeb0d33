package org.voiceai.providers.autoconfigure;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

import org.voiceai.providers.embeddings.LocalEmbeddingsFactory;
import org.voiceai.providers.http.HttpErrorMapper;
import org.voiceai.providers.openai.OpenAiEmbeddingVariant;
import org.voiceai.providers.openai.OpenAiEmbeddingsFactory;

/**
 * The embeddings provider factories. The three OpenAI-compatible names are one class with different defaults; the
 * in-process model is loaded on its first use, not here.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
public final class EmbeddingProvidersAutoConfiguration {

	@Bean
	OpenAiEmbeddingsFactory openAiEmbeddingsFactory(JsonMapper json) {
		return new OpenAiEmbeddingsFactory(OpenAiEmbeddingVariant.OPENAI, new HttpErrorMapper(json));
	}

	@Bean
	OpenAiEmbeddingsFactory azureOpenAiEmbeddingsFactory(JsonMapper json) {
		return new OpenAiEmbeddingsFactory(OpenAiEmbeddingVariant.AZURE_OPENAI, new HttpErrorMapper(json));
	}

	@Bean
	OpenAiEmbeddingsFactory ollamaEmbeddingsFactory(JsonMapper json) {
		return new OpenAiEmbeddingsFactory(OpenAiEmbeddingVariant.OLLAMA, new HttpErrorMapper(json));
	}

	@Bean
	LocalEmbeddingsFactory localEmbeddingsFactory(JsonMapper json) {
		return new LocalEmbeddingsFactory(new HttpErrorMapper(json));
	}

}
