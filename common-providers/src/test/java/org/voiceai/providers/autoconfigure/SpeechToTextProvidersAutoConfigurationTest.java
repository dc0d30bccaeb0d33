package org.voiceai.providers.autoconfigure;

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

/** The speech-to-text factories are beans the provider registry can find by name and alias. */
class SpeechToTextProvidersAutoConfigurationTest {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpeechToTextProvidersAutoConfiguration.class))
		.withBean(ProviderHttp.class, () -> new ProviderHttp(ConnectionProvider.newConnection(),
				new HttpErrorMapper(JsonMapper.builder().build())));

	@Test
	void everySpeechToTextProviderIsRegistered() {
		this.runner.run((context) -> {
			ProviderRegistry registry = new ProviderRegistry(context.getBeanProvider(ProviderFactory.class)
				.orderedStream()
				.map((factory) -> (ProviderFactory<?>) factory)
				.toList());

			assertThat(registry.names(ProviderType.STT)).containsExactlyInAnyOrder("whisper_api", "openai_whisper",
					"groq", "whisper_local", "deepgram", "azure_speech", "google_speech");
			assertThat(registry.canonicalName(ProviderType.STT, "openai_whisper")).isEqualTo("whisper_api");
			assertThat(registry.find(ProviderType.STT, "groq")).isPresent();
		});
	}

}
