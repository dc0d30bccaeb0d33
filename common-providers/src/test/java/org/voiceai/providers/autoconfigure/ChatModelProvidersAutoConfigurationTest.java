package org.voiceai.providers.autoconfigure;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderRegistry;
import org.voiceai.providers.ProviderType;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat-model factories are beans the registry can hold side by side. */
class ChatModelProvidersAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withBean(JsonMapper.class, () -> JsonMapper.builder().build())
		.withConfiguration(AutoConfigurations.of(ChatModelProvidersAutoConfiguration.class));

	@Test
	void everyChatProviderOfThePythonReferenceExceptBedrockIsRegistered() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			ProviderRegistry registry = new ProviderRegistry(context.getBeansOfType(ProviderFactory.class)
				.values()
				.stream()
				.map((factory) -> (ProviderFactory<?>) factory)
				.toList());

			assertThat(registry.names(ProviderType.LLM)).containsExactlyInAnyOrder("openai", "groq", "ollama_local",
					"lmstudio_local", "azure_openai", "anthropic", "google_gemini");
			assertThat(registry.find(ProviderType.LLM, "OLLAMA_LOCAL")).isPresent();
		});
	}

}
