package org.voiceai.providers.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import org.voiceai.providers.azure.AzureSpeechToTextFactory;
import org.voiceai.providers.deepgram.DeepgramSpeechToTextFactory;
import org.voiceai.providers.google.GoogleSpeechToTextFactory;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.openai.OpenAiSpeechToTextFactory;
import org.voiceai.providers.openai.OpenAiSpeechToTextVariant;

/**
 * The speech-to-text provider factories. The registry collects them as {@code ProviderFactory} beans; the three
 * OpenAI-compatible names are one class with different defaults.
 */
@AutoConfiguration(after = ProvidersAutoConfiguration.class)
public final class SpeechToTextProvidersAutoConfiguration {

	@Bean
	OpenAiSpeechToTextFactory whisperApiSpeechToTextFactory(ProviderHttp http) {
		return new OpenAiSpeechToTextFactory(http, OpenAiSpeechToTextVariant.WHISPER_API);
	}

	@Bean
	OpenAiSpeechToTextFactory groqSpeechToTextFactory(ProviderHttp http) {
		return new OpenAiSpeechToTextFactory(http, OpenAiSpeechToTextVariant.GROQ);
	}

	@Bean
	OpenAiSpeechToTextFactory whisperLocalSpeechToTextFactory(ProviderHttp http) {
		return new OpenAiSpeechToTextFactory(http, OpenAiSpeechToTextVariant.WHISPER_LOCAL);
	}

	@Bean
	DeepgramSpeechToTextFactory deepgramSpeechToTextFactory(ProviderHttp http) {
		return new DeepgramSpeechToTextFactory(http);
	}

	@Bean
	AzureSpeechToTextFactory azureSpeechToTextFactory(ProviderHttp http) {
		return new AzureSpeechToTextFactory(http);
	}

	@Bean
	GoogleSpeechToTextFactory googleSpeechToTextFactory(ProviderHttp http) {
		return new GoogleSpeechToTextFactory(http);
	}

}
