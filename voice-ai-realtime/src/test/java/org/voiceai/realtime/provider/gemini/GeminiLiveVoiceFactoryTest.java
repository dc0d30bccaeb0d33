package org.voiceai.realtime.provider.gemini;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderRegistry;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.realtime.RealtimeVoice;
import org.voiceai.realtime.provider.RealtimeProviderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and validating a {@code gemini_live} row, and finding the factory by its names. */
class GeminiLiveVoiceFactoryTest {

	private final GeminiLiveVoiceFactory factory = new GeminiLiveVoiceFactory(GeminiLiveTestKit.JSON);

	private GeminiLiveSettings settings(Map<String, Object> values) {
		RealtimeVoice voice = this.factory.create(GeminiLiveTestKit.config(values));
		return ((GeminiLiveVoice) voice).settings();
	}

	private static Map<String, Object> row(Object... keyValues) {
		Map<String, Object> values = new HashMap<>();
		values.put("api_key", "AIza-secret-value");
		for (int i = 0; i < keyValues.length; i += 2) {
			values.put((String) keyValues[i], keyValues[i + 1]);
		}
		return values;
	}

	@Test
	void defaultsFollowTheLiveApi() {
		GeminiLiveSettings settings = settings(row());
		assertThat(settings.baseUrl()).hasToString("wss://generativelanguage.googleapis.com/ws/"
				+ "google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent");
		assertThat(settings.model()).isEqualTo("models/gemini-2.5-flash-native-audio-preview-12-2025");
		assertThat(settings.voice()).isEqualTo("Puck");
		assertThat(settings.inputSampleRate()).isEqualTo(16000);
		assertThat(settings.inputFormat()).isEqualTo(AudioFormat.PCM16_16K);
		assertThat(settings.activityDetection())
			.isEqualTo(new GeminiLiveSettings.ActivityDetection(null, null, null, null, true));
		assertThat(settings.contextCompression()).isTrue();
		assertThat(settings.sessionResumption()).isTrue();
		assertThat(settings.maxConnectionAge()).isEqualTo(Duration.ofMinutes(9));
		assertThat(settings.maxSessionAge()).isEqualTo(Duration.ofMinutes(14));
		assertThat(settings.sessionLimit()).as("compression lifts the session limit").isNull();
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void readsEveryFieldAsAdminsTypeThem() {
		GeminiLiveSettings settings = settings(row("base_url", "wss://proxy.example.com/live/", "model",
				"gemini-live-2.5-flash-preview", "voice", "Charon", "vad_start_sensitivity", "HIGH",
				"vad_end_sensitivity", "low", "vad_prefix_padding_ms", "40", "vad_silence_duration_ms", 800,
				"activity_handling", "NO_INTERRUPTION", "input_sample_rate", "8000", "context_window_compression",
				"false", "session_resumption", "no", "max_connection_minutes", "8.5", "max_session_minutes", "12",
				"connect_timeout_seconds", "2.5"));
		assertThat(settings.baseUrl()).hasToString("wss://proxy.example.com/live");
		assertThat(settings.model()).isEqualTo("models/gemini-live-2.5-flash-preview");
		assertThat(settings.voice()).isEqualTo("Charon");
		assertThat(settings.activityDetection())
			.isEqualTo(new GeminiLiveSettings.ActivityDetection("high", "low", 40, 800, false));
		assertThat(settings.inputFormat()).isEqualTo(AudioFormat.PCM16_8K);
		assertThat(settings.contextCompression()).isFalse();
		assertThat(settings.sessionResumption()).isFalse();
		assertThat(settings.maxConnectionAge()).isEqualTo(Duration.ofSeconds(510));
		assertThat(settings.sessionLimit()).isEqualTo(Duration.ofMinutes(12));
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
	}

	@Test
	void rejectsBadValuesNamingTheKey() {
		assertThatThrownBy(() -> settings(row("api_key", ""))).isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("'api_key' is missing");
		assertInvalid(row("input_sample_rate", "44100"), "input_sample_rate");
		assertInvalid(row("vad_start_sensitivity", "medium"), "vad_start_sensitivity");
		assertInvalid(row("vad_end_sensitivity", "max"), "vad_end_sensitivity");
		assertInvalid(row("vad_silence_duration_ms", "0"), "vad_silence_duration_ms");
		assertInvalid(row("vad_prefix_padding_ms", "-5"), "vad_prefix_padding_ms");
		assertInvalid(row("activity_handling", "sometimes"), "activity_handling");
		assertInvalid(row("max_connection_minutes", "10"), "max_connection_minutes");
		assertInvalid(row("max_session_minutes", "0"), "max_session_minutes");
		assertInvalid(row("session_resumption", "maybe"), "session_resumption");
		assertInvalid(row("base_url", "ftp://example.com"), "base_url");
		assertInvalid(row("connect_timeout_seconds", "-1"), "connect_timeout_seconds");
	}

	private void assertInvalid(Map<String, Object> values, String key) {
		assertThatThrownBy(() -> settings(values)).isInstanceOf(ProviderConfigException.class)
			.satisfies((ex) -> assertThat(((ProviderConfigException) ex).key()).isEqualTo(key))
			.hasMessageNotContaining("AIza-secret-value");
	}

	@Test
	void neverShowsTheKey() {
		assertThat(settings(row()).toString()).doesNotContain("AIza-secret-value").contains("gemini-2.5-flash");
	}

	@Test
	void isFoundByNameAndAliasAsARealtimeProviderOnly() {
		ProviderRegistry registry = new ProviderRegistry(List.of(this.factory));
		assertThat(this.factory.type()).isEqualTo(ProviderType.REALTIME);
		assertThat(registry.find(ProviderType.REALTIME, "gemini_live")).containsSame(this.factory);
		assertThat(registry.find(ProviderType.REALTIME, "Gemini")).containsSame(this.factory);
		assertThat(registry.find(ProviderType.LLM, "gemini")).isEmpty();
	}

	@Test
	void isRegisteredBesideOpenAiRealtime() {
		new ApplicationContextRunner().withBean(JsonMapper.class, () -> JsonMapper.builder().build())
			.withUserConfiguration(RealtimeProviderFactories.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(GeminiLiveVoiceFactory.class);
				List<ProviderFactory<?>> factories = new ArrayList<>();
				context.getBeansOfType(ProviderFactory.class).values().forEach(factories::add);
				ProviderRegistry registry = new ProviderRegistry(factories);
				assertThat(registry.find(ProviderType.REALTIME, "gemini_live")).isPresent();
				assertThat(registry.find(ProviderType.REALTIME, "gemini")).isPresent();
				assertThat(registry.find(ProviderType.REALTIME, "openai")).isPresent();
			});
	}

}
