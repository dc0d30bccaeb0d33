package org.voiceai.providers.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderRegistry;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.http.HttpErrorMapper;
import org.voiceai.providers.http.ProviderHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** The text-to-speech factories are beans the registry can hold together, under their names and aliases. */
class TextToSpeechProvidersAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TextToSpeechProvidersAutoConfiguration.class))
		.withBean(JsonMapper.class, () -> JsonMapper.builder().build())
		.withBean(ProviderHttp.class, () -> new ProviderHttp(ConnectionProvider.newConnection(),
				new HttpErrorMapper(JsonMapper.builder().build())));

	@Test
	void everyProviderIsRegisteredForTtsByNameAndAlias() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			List<ProviderFactory<?>> factories = new ArrayList<>();
			for (ProviderFactory<?> factory : context.getBeansOfType(ProviderFactory.class).values()) {
				factories.add(factory);
			}
			ProviderRegistry registry = new ProviderRegistry(factories);

			assertThat(factories).allSatisfy((factory) -> assertThat(factory.type()).isEqualTo(ProviderType.TTS));
			assertThat(registry.names(ProviderType.TTS)).containsExactly("azure", "azure_neural", "azure_tts",
					"deepgram", "deepgram_aura", "deepgram_tts", "elevenlabs", "elevenlabs_tts", "google", "google_tts",
					"openai", "openai_tts", "piper", "piper_local");
			assertThat(registry.canonicalName(ProviderType.TTS, "Piper")).isEqualTo("piper_local");
			assertThat(registry.find(ProviderType.STT, "openai_tts")).isEmpty();
		});
	}

}
