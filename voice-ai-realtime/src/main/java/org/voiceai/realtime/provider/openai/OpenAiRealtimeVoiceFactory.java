package org.voiceai.realtime.provider.openai;

import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.realtime.RealtimeVoice;

/** {@code openai_realtime} (alias {@code openai}): OpenAI Realtime speech to speech over the GA WebSocket protocol. */
public final class OpenAiRealtimeVoiceFactory implements ProviderFactory<RealtimeVoice> {

	private final JsonMapper json;

	public OpenAiRealtimeVoiceFactory(JsonMapper json) {
		this.json = json;
	}

	@Override
	public ProviderType<RealtimeVoice> type() {
		return ProviderType.REALTIME;
	}

	@Override
	public String name() {
		return OpenAiRealtimeVoice.NAME;
	}

	@Override
	public Set<String> aliases() {
		return Set.of("openai");
	}

	@Override
	public RealtimeVoice create(ProviderConfig config) {
		return new OpenAiRealtimeVoice(OpenAiRealtimeSettings.from(config), this.json);
	}

}
