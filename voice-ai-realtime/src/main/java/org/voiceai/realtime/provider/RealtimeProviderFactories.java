package org.voiceai.realtime.provider;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.realtime.provider.elevenlabs.ElevenLabsAgentVoiceFactory;
import org.voiceai.realtime.provider.gemini.GeminiLiveVoiceFactory;
import org.voiceai.realtime.provider.openai.OpenAiRealtimeVoiceFactory;
import org.voiceai.realtime.provider.pipeline.CustomPipelineVoiceFactory;

/** The realtime providers this bridge can speak to, as factories the provider registry resolves REALTIME rows with. */
@Configuration(proxyBeanMethods = false)
public class RealtimeProviderFactories {

	@Bean
	OpenAiRealtimeVoiceFactory openAiRealtimeVoiceFactory(JsonMapper json) {
		return new OpenAiRealtimeVoiceFactory(json);
	}

	@Bean
	GeminiLiveVoiceFactory geminiLiveVoiceFactory(JsonMapper json) {
		return new GeminiLiveVoiceFactory(json);
	}

	@Bean
	ElevenLabsAgentVoiceFactory elevenLabsAgentVoiceFactory(JsonMapper json) {
		return new ElevenLabsAgentVoiceFactory(json);
	}

	@Bean
	CustomPipelineVoiceFactory customPipelineVoiceFactory(JsonMapper json, ObjectProvider<ProviderManager> providers,
			ObjectProvider<MeterRegistry> meters) {
		return new CustomPipelineVoiceFactory(json, providers, meters);
	}

}
