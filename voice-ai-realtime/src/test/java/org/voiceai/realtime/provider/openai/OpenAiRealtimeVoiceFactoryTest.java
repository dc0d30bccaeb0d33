package org.voiceai.realtime.provider.openai;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderRegistry;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.realtime.RealtimeVoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and validating an {@code openai_realtime} row, and finding the factory by its names. */
class OpenAiRealtimeVoiceFactoryTest {

	private final OpenAiRealtimeVoiceFactory factory = new OpenAiRealtimeVoiceFactory(OpenAiRealtimeTestKit.JSON);

	private OpenAiRealtimeSettings settings(Map<String, Object> values) {
		RealtimeVoice voice = this.factory.create(OpenAiRealtimeTestKit.config(values));
		return ((OpenAiRealtimeVoice) voice).settings();
	}

	private static Map<String, Object> row(Object... keyValues) {
		Map<String, Object> values = new HashMap<>();
		values.put("api_key", "sk-secret-value");
		for (int i = 0; i < keyValues.length; i += 2) {
			values.put((String) keyValues[i], keyValues[i + 1]);
		}
		return values;
	}

	@Test
	void defaultsFollowTheGaApi() {
		OpenAiRealtimeSettings settings = settings(row());
		assertThat(settings.baseUrl()).hasToString("wss://api.openai.com/v1/realtime");
		assertThat(settings.sessionUri()).hasToString("wss://api.openai.com/v1/realtime?model=gpt-realtime");
		assertThat(settings.model()).isEqualTo("gpt-realtime");
		assertThat(settings.voice()).isEqualTo("marin");
		assertThat(settings.transcriptionModel()).isEqualTo("gpt-4o-mini-transcribe");
		assertThat(settings.noiseReduction()).isNull();
		assertThat(settings.turnDetection())
			.isEqualTo(new OpenAiRealtimeSettings.TurnDetection("server_vad", 0.5, 300, 500, "auto"));
		assertThat(settings.maxSessionAge()).isEqualTo(Duration.ofMinutes(55));
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.audioFormat()).isEqualTo("auto");
	}

	@Test
	void picksG711ForNarrowbandCallersAndPcmForWidebandUnlessAFormatIsForced() {
		OpenAiRealtimeSettings auto = settings(row());
		assertThat(auto.sessionFormat(AudioFormat.ULAW_8K)).isEqualTo(AudioFormat.ULAW_8K);
		assertThat(auto.sessionFormat(AudioFormat.ALAW_8K)).isEqualTo(AudioFormat.ALAW_8K);
		assertThat(auto.sessionFormat(AudioFormat.PCM16_8K)).isEqualTo(AudioFormat.ULAW_8K);
		assertThat(settings(row("audio_format", "pcm")).sessionFormat(AudioFormat.PCM16_8K))
			.isEqualTo(AudioFormat.PCM16_24K);
		assertThat(auto.sessionFormat(AudioFormat.PCM16_16K)).isEqualTo(AudioFormat.PCM16_24K);
		assertThat(settings(row("audio_format", "PCMU")).sessionFormat(AudioFormat.PCM16_8K))
			.isEqualTo(AudioFormat.ULAW_8K);
		assertThat(settings(row("audio_format", "pcma")).sessionFormat(AudioFormat.ULAW_8K))
			.isEqualTo(AudioFormat.ALAW_8K);
		assertThat(settings(row("audio_format", "pcm")).sessionFormat(AudioFormat.ULAW_8K))
			.isEqualTo(AudioFormat.PCM16_24K);
	}

	@Test
	void readsEveryFieldAsAdminsTypeThem() {
		OpenAiRealtimeSettings settings = settings(row("base_url", "wss://proxy.example.com/v1/realtime/",
				"model", "gpt-realtime-mini", "voice", "cedar", "turn_detection", "SEMANTIC_VAD", "vad_eagerness",
				"high", "vad_threshold", "0.7", "vad_prefix_padding_ms", "200", "vad_silence_duration_ms", 800,
				"transcription_model", "whisper-1", "noise_reduction", "far_field", "max_session_minutes", "30",
				"connect_timeout_seconds", "2.5"));
		assertThat(settings.sessionUri()).hasToString("wss://proxy.example.com/v1/realtime?model=gpt-realtime-mini");
		assertThat(settings.voice()).isEqualTo("cedar");
		assertThat(settings.turnDetection())
			.isEqualTo(new OpenAiRealtimeSettings.TurnDetection("semantic_vad", 0.7, 200, 800, "high"));
		assertThat(settings.transcriptionModel()).isEqualTo("whisper-1");
		assertThat(settings.noiseReduction()).isEqualTo("far_field");
		assertThat(settings.maxSessionAge()).isEqualTo(Duration.ofMinutes(30));
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
	}

	@Test
	void rejectsBadValuesNamingTheKey() {
		assertThatThrownBy(() -> settings(row("api_key", ""))).isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("'api_key' is missing");
		assertInvalid(row("turn_detection", "push_to_talk"), "turn_detection");
		assertInvalid(row("vad_threshold", "1.5"), "vad_threshold");
		assertInvalid(row("vad_silence_duration_ms", "0"), "vad_silence_duration_ms");
		assertInvalid(row("vad_eagerness", "eager"), "vad_eagerness");
		assertInvalid(row("noise_reduction", "studio"), "noise_reduction");
		assertInvalid(row("max_session_minutes", "60"), "max_session_minutes");
		assertInvalid(row("max_session_minutes", "0"), "max_session_minutes");
		assertInvalid(row("base_url", "ftp://example.com"), "base_url");
		assertInvalid(row("connect_timeout_seconds", "-1"), "connect_timeout_seconds");
		assertInvalid(row("audio_format", "opus"), "audio_format");
	}

	private void assertInvalid(Map<String, Object> values, String key) {
		assertThatThrownBy(() -> settings(values)).isInstanceOf(ProviderConfigException.class)
			.satisfies((ex) -> assertThat(((ProviderConfigException) ex).key()).isEqualTo(key))
			.hasMessageNotContaining("sk-secret-value");
	}

	@Test
	void neverShowsTheKey() {
		assertThat(settings(row()).toString()).doesNotContain("sk-secret-value").contains("gpt-realtime");
	}

	@Test
	void isFoundByNameAndAliasAsARealtimeProvider() {
		ProviderRegistry registry = new ProviderRegistry(List.of(this.factory));
		assertThat(this.factory.type()).isEqualTo(ProviderType.REALTIME);
		assertThat(registry.find(ProviderType.REALTIME, "openai_realtime")).containsSame(this.factory);
		assertThat(registry.find(ProviderType.REALTIME, "OpenAI")).containsSame(this.factory);
		assertThat(registry.find(ProviderType.STT, "openai_realtime")).isEmpty();
	}

}
