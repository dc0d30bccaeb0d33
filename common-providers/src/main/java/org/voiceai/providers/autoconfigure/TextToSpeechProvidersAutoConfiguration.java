package org.voiceai.providers.autoconfigure;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import org.voiceai.providers.azure.AzureTextToSpeechFactory;
import org.voiceai.providers.deepgram.DeepgramTextToSpeechFactory;
import org.voiceai.providers.elevenlabs.ElevenLabsTextToSpeechFactory;
import org.voiceai.providers.google.GoogleTextToSpeechFactory;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.openai.OpenAiTextToSpeechFactory;
import org.voiceai.providers.piper.PiperTextToSpeechFactory;

/** Registers the text-to-speech provider factories; the provider registry collects them. */
@AutoConfiguration(after = ProvidersAutoConfiguration.class)
public final class TextToSpeechProvidersAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OpenAiTextToSpeechFactory openAiTextToSpeechFactory(ProviderHttp http) {
		return new OpenAiTextToSpeechFactory(http);
	}

	@Bean
	@ConditionalOnMissingBean
	ElevenLabsTextToSpeechFactory elevenLabsTextToSpeechFactory(ProviderHttp http) {
		return new ElevenLabsTextToSpeechFactory(http);
	}

	@Bean
	@ConditionalOnMissingBean
	AzureTextToSpeechFactory azureTextToSpeechFactory(ProviderHttp http) {
		return new AzureTextToSpeechFactory(http);
	}

	@Bean
	@ConditionalOnMissingBean
	GoogleTextToSpeechFactory googleTextToSpeechFactory(ProviderHttp http, JsonMapper json) {
		return new GoogleTextToSpeechFactory(http, json);
	}

	@Bean
	@ConditionalOnMissingBean
	DeepgramTextToSpeechFactory deepgramTextToSpeechFactory(ProviderHttp http) {
		return new DeepgramTextToSpeechFactory(http);
	}

	@Bean
	@ConditionalOnMissingBean
	PiperTextToSpeechFactory piperTextToSpeechFactory(ProviderHttp http) {
		return new PiperTextToSpeechFactory(http);
	}

}
