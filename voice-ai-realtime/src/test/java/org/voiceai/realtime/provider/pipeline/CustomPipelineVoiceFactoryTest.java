package org.voiceai.realtime.provider.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.manager.ProviderSelector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and validating a {@code custom_pipeline} row. */
class CustomPipelineVoiceFactoryTest {

	private static CustomPipelineSettings settings(Object... keyValues) {
		Map<String, Object> values = new HashMap<>();
		values.put("api_key", "dg-secret-value");
		for (int i = 0; i < keyValues.length; i += 2) {
			values.put((String) keyValues[i], keyValues[i + 1]);
		}
		return CustomPipelineSettings.from(PipelineTestKit.config(values));
	}

	@Test
	void defaultsFollowDeepgramAndTheDomainsDefaultRows() {
		CustomPipelineSettings settings = settings();
		assertThat(settings.baseUrl()).hasToString("wss://api.deepgram.com");
		assertThat(settings.model()).isEqualTo("nova-3");
		assertThat(settings.language()).isNull();
		assertThat(settings.endpointing()).isEqualTo(Duration.ofMillis(300));
		assertThat(settings.utteranceEnd()).isEqualTo(Duration.ofMillis(1000));
		assertThat(settings.keepAlive()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.llmProvider()).isNull();
		assertThat(settings.ttsProvider()).isNull();
		assertThat(settings.voice()).isNull();
		assertThat(settings.temperature()).isNull();
		assertThat(settings.maxTokens()).isNull();
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void theListenUrlCarriesTheStreamParameters() {
		CustomPipelineSettings settings = settings("base_url", "wss://api.eu.deepgram.com/", "model", "nova-2",
				"endpointing_ms", "250", "utterance_end_ms", "1200");
		assertThat(settings.listenUri(AudioFormat.ULAW_8K, "pt-BR")).hasToString("wss://api.eu.deepgram.com/v1/listen"
				+ "?model=nova-2&encoding=mulaw&sample_rate=8000&channels=1&language=pt-BR&interim_results=true"
				+ "&endpointing=250&utterance_end_ms=1200&vad_events=true&punctuate=true&smart_format=true");
		assertThat(settings("language", "es").listenUri(AudioFormat.PCM16_16K, "pt-BR").toString())
			.contains("encoding=linear16&sample_rate=16000").contains("language=es");
	}

	@Test
	void formatsFollowTheCaller() {
		assertThat(CustomPipelineSettings.inputFormat(AudioFormat.ULAW_8K)).isEqualTo(AudioFormat.ULAW_8K);
		assertThat(CustomPipelineSettings.inputFormat(AudioFormat.PCM16_8K)).isEqualTo(AudioFormat.PCM16_8K);
		assertThat(CustomPipelineSettings.inputFormat(AudioFormat.ALAW_8K)).isEqualTo(AudioFormat.PCM16_8K);
		assertThat(CustomPipelineSettings.inputFormat(AudioFormat.PCM16_24K)).isEqualTo(AudioFormat.PCM16_16K);
		assertThat(CustomPipelineSettings.outputFormat(AudioFormat.ULAW_8K)).isEqualTo(AudioFormat.PCM16_8K);
		assertThat(CustomPipelineSettings.outputFormat(AudioFormat.PCM16_16K)).isEqualTo(AudioFormat.PCM16_16K);
	}

	@Test
	void theChatAndSpeechRowsAreNamedOrGivenByUuid() {
		CustomPipelineSettings settings = settings("llm_provider", "groq", "tts_provider",
				"1b4e6a3c-5d2f-4e8a-9b1c-7d0e2f4a6c88", "voice", "nova", "temperature", "0.3", "max_tokens", "200");
		assertThat(ManagedPipelineServices.selector(settings.llmProvider()))
			.isEqualTo(ProviderSelector.byName("groq"));
		assertThat(ManagedPipelineServices.selector(settings.ttsProvider()))
			.isEqualTo(ProviderSelector.byId(UUID.fromString("1b4e6a3c-5d2f-4e8a-9b1c-7d0e2f4a6c88")));
		assertThat(ManagedPipelineServices.selector(null)).isEqualTo(ProviderSelector.byDefault());
		assertThat(settings.voice()).isEqualTo("nova");
		assertThat(settings.temperature()).isEqualTo(0.3);
		assertThat(settings.maxTokens()).isEqualTo(200);
	}

	@Test
	void badValuesAreRefusedNamingTheKey() {
		assertThatThrownBy(() -> CustomPipelineSettings.from(PipelineTestKit.config(Map.of())))
			.isInstanceOf(ProviderConfigException.class).hasMessageContaining("api_key");
		assertThatThrownBy(() -> settings("base_url", "https://api.deepgram.com"))
			.isInstanceOf(ProviderConfigException.class).hasMessageContaining("base_url");
		assertThatThrownBy(() -> settings("endpointing_ms", "5"))
			.isInstanceOf(ProviderConfigException.class).hasMessageContaining("endpointing_ms");
		assertThatThrownBy(() -> settings("utterance_end_ms", "500"))
			.isInstanceOf(ProviderConfigException.class).hasMessageContaining("utterance_end_ms");
		assertThatThrownBy(() -> settings("keepalive_seconds", "12"))
			.isInstanceOf(ProviderConfigException.class).hasMessageContaining("keepalive_seconds");
		assertThatThrownBy(() -> settings("temperature", "3"))
			.isInstanceOf(ProviderConfigException.class).hasMessageContaining("temperature");
		assertThatThrownBy(() -> settings("max_tokens", "0"))
			.isInstanceOf(ProviderConfigException.class).hasMessageContaining("max_tokens");
	}

	@Test
	void theKeyNeverShowsInTheSettingsText() {
		assertThat(settings().toString()).doesNotContain("dg-secret-value");
	}

}
