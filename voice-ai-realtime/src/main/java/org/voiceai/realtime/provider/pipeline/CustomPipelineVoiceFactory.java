package org.voiceai.realtime.provider.pipeline;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.providers.realtime.RealtimeVoice;

/**
 * {@code custom_pipeline} (alias {@code custom}): Deepgram live transcription, a chat model and text-to-speech, each
 * from the row's own domain. The provider manager is looked up when a row is built, not when the factory is: the
 * manager's registry holds this factory, so it cannot be a constructor dependency.
 */
public final class CustomPipelineVoiceFactory implements ProviderFactory<RealtimeVoice> {

	private final JsonMapper json;

	private final ObjectProvider<ProviderManager> providers;

	private final ObjectProvider<MeterRegistry> meters;

	public CustomPipelineVoiceFactory(JsonMapper json, ObjectProvider<ProviderManager> providers,
			ObjectProvider<MeterRegistry> meters) {
		this.json = json;
		this.providers = providers;
		this.meters = meters;
	}

	@Override
	public ProviderType<RealtimeVoice> type() {
		return ProviderType.REALTIME;
	}

	@Override
	public String name() {
		return CustomPipelineVoice.NAME;
	}

	@Override
	public Set<String> aliases() {
		return Set.of("custom");
	}

	@Override
	public RealtimeVoice create(ProviderConfig config) {
		CustomPipelineSettings settings = CustomPipelineSettings.from(config);
		ManagedPipelineServices services = new ManagedPipelineServices(this.providers.getObject(),
				config.context().domain(), settings.llmProvider(), settings.ttsProvider());
		MeterRegistry registry = this.meters.getIfAvailable(SimpleMeterRegistry::new);
		return new CustomPipelineVoice(settings, services,
				new PipelineLatency(registry, config.context().domain().value().toString()), this.json);
	}

}
