package org.voiceai.providers.autoconfigure;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderRegistry;
import org.voiceai.providers.ProviderType;

import static org.assertj.core.api.Assertions.assertThat;

/** The embeddings factories are beans the registry can hold side by side, under the reference's names too. */
class EmbeddingProvidersAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withBean(JsonMapper.class, () -> JsonMapper.builder().build())
		.withConfiguration(AutoConfigurations.of(EmbeddingProvidersAutoConfiguration.class));

	@Test
	void everyNameAndAliasResolves() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			ProviderRegistry registry = new ProviderRegistry(context.getBeansOfType(ProviderFactory.class)
				.values()
				.stream()
				.map((factory) -> (ProviderFactory<?>) factory)
				.toList());

			assertThat(registry.names(ProviderType.EMBEDDINGS)).contains("openai", "azure_openai_embeddings", "ollama",
					"local");
			assertThat(registry.canonicalName(ProviderType.EMBEDDINGS, "openai_embeddings")).isEqualTo("openai");
			assertThat(registry.canonicalName(ProviderType.EMBEDDINGS, "azure_embeddings"))
				.isEqualTo("azure_openai_embeddings");
			assertThat(registry.canonicalName(ProviderType.EMBEDDINGS, "local_embeddings")).isEqualTo("local");
		});
	}

}
