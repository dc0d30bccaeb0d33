package org.voiceai.realtime.provider.elevenlabs;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderRegistry;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.elevenlabs.ElevenLabsTextToSpeechFactory;
import org.voiceai.realtime.provider.RealtimeProviderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and validating an {@code elevenlabs_conversational} row, and finding the factory by its names. */
class ElevenLabsAgentVoiceFactoryTest {

	private final ElevenLabsAgentVoiceFactory factory = new ElevenLabsAgentVoiceFactory(ElevenLabsAgentTestKit.JSON);

	private ElevenLabsAgentSettings settings(Map<String, Object> values) {
		return ((ElevenLabsAgentVoice) this.factory.create(ElevenLabsAgentTestKit.config(values))).settings();
	}

	private static Map<String, Object> row(Object... keyValues) {
		Map<String, Object> values = new HashMap<>();
		values.put("agent_id", "agent_01jx");
		for (int i = 0; i < keyValues.length; i += 2) {
			values.put((String) keyValues[i], keyValues[i + 1]);
		}
		return values;
	}

	@Test
	void aPublicAgentNeedsOnlyItsIdAndOverridesThePromptAndFirstMessageByDefault() {
		ElevenLabsAgentSettings settings = settings(row());
		assertThat(settings.signedUrl()).isFalse();
		assertThat(settings.publicConversationUri())
			.hasToString("wss://api.elevenlabs.io/v1/convai/conversation?agent_id=agent_01jx");
		assertThat(settings.overridePrompt()).isTrue();
		assertThat(settings.overrideFirstMessage()).isTrue();
		assertThat(settings.overrideLanguage()).isFalse();
		assertThat(settings.overrideSettings()).containsExactly("override_prompt", "override_first_message");
		assertThat(settings.responseGap()).isEqualTo(Duration.ofMillis(700));
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void anApiKeyMeansASignedUrlFromTheHttpFormOfTheBaseUrl() {
		ElevenLabsAgentSettings settings = settings(row("api_key", "xi-secret-value", "base_url",
				"wss://api.eu.residency.elevenlabs.io/"));
		assertThat(settings.signedUrl()).isTrue();
		assertThat(settings.signedUrlRequest()).hasToString(
				"https://api.eu.residency.elevenlabs.io/v1/convai/conversation/get-signed-url?agent_id=agent_01jx");
		assertThat(settings(row("api_key", "k", "signed_url_endpoint", "https://proxy.example.com/sign?x=1"))
			.signedUrlRequest()).hasToString("https://proxy.example.com/sign?x=1&agent_id=agent_01jx");
		assertThat(settings.toString()).doesNotContain("xi-secret-value");
	}

	@Test
	void overridesAreSwitchedPerRow() {
		ElevenLabsAgentSettings settings = settings(row("override_prompt", "false", "override_first_message", "no",
				"override_language", "true"));
		assertThat(settings.overrideSettings()).containsExactly("override_language");
		assertThat(ElevenLabsAgentConversation.primaryLanguage("pt-BR")).isEqualTo("pt");
		assertThat(ElevenLabsAgentConversation.primaryLanguage("EN")).isEqualTo("en");
	}

	@Test
	void badRowsAreRefusedNamingTheKey() {
		assertThatThrownBy(() -> settings(new HashMap<>())).isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("agent_id");
		assertThatThrownBy(() -> settings(row("agent_id", "agent 1; drop"))).hasMessageContaining("agent_id");
		assertThatThrownBy(() -> settings(row("base_url", "https://api.elevenlabs.io")))
			.hasMessageContaining("base_url")
			.hasMessageContaining("ws://");
		assertThatThrownBy(() -> settings(row("override_prompt", "maybe"))).hasMessageContaining("override_prompt");
		assertThatThrownBy(() -> settings(row("response_gap_ms", "20"))).hasMessageContaining("response_gap_ms");
	}

	@Test
	void isARealtimeProviderNamedLikeTheReferenceAndSharesTheElevenlabsAliasWithTheTtsProvider() {
		assertThat(this.factory.type()).isEqualTo(ProviderType.REALTIME);
		ProviderRegistry registry = new ProviderRegistry(List.of(this.factory, new ElevenLabsTextToSpeechFactory(null)));
		assertThat(registry.find(ProviderType.REALTIME, "elevenlabs_conversational")).containsSame(this.factory);
		assertThat(registry.find(ProviderType.REALTIME, "elevenlabs")).containsSame(this.factory);
		assertThat(registry.find(ProviderType.TTS, "elevenlabs")).get().isInstanceOf(ElevenLabsTextToSpeechFactory.class);
		assertThat(registry.canonicalName(ProviderType.REALTIME, "ElevenLabs")).isEqualTo("elevenlabs_conversational");
	}

	@Test
	void isRegisteredAsABeanBesideOpenAi() {
		new ApplicationContextRunner().withBean(JsonMapper.class, () -> JsonMapper.builder().build())
			.withUserConfiguration(RealtimeProviderFactories.class)
			.run((context) -> assertThat(context).hasSingleBean(ElevenLabsAgentVoiceFactory.class));
	}

}
