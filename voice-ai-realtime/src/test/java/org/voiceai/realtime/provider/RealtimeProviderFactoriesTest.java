package org.voiceai.realtime.provider;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderRegistry;
import org.voiceai.providers.ProviderType;
import org.voiceai.realtime.provider.openai.OpenAiRealtimeVoiceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The realtime factories are beans, so the provider registry resolves REALTIME rows to them. */
class RealtimeProviderFactoriesTest {

	@Test
	void registersTheRealtimeProviders() {
		new ApplicationContextRunner().withBean(JsonMapper.class, () -> JsonMapper.builder().build())
			.withUserConfiguration(RealtimeProviderFactories.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(OpenAiRealtimeVoiceFactory.class);
				List<ProviderFactory<?>> factories = new ArrayList<>();
				context.getBeansOfType(ProviderFactory.class).values().forEach(factories::add);
				ProviderRegistry registry = new ProviderRegistry(factories);
				assertThat(registry.find(ProviderType.REALTIME, "openai_realtime")).isPresent();
				assertThat(registry.find(ProviderType.REALTIME, "openai")).isPresent();
				assertThat(registry.find(ProviderType.REALTIME, "custom_pipeline")).isPresent();
				assertThat(registry.find(ProviderType.REALTIME, "custom")).isPresent();
			});
	}

}
