package org.voiceai.realtime.provider.elevenlabs;

import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.realtime.RealtimeVoice;

/**
 * {@code elevenlabs_conversational} (alias {@code elevenlabs}): an ElevenLabs Agents Platform agent over its
 * WebSocket. The alias is shared with the ElevenLabs text-to-speech provider, which is fine: names are per provider
 * type.
 */
public final class ElevenLabsAgentVoiceFactory implements ProviderFactory<RealtimeVoice> {

	private final JsonMapper json;

	public ElevenLabsAgentVoiceFactory(JsonMapper json) {
		this.json = json;
	}

	@Override
	public ProviderType<RealtimeVoice> type() {
		return ProviderType.REALTIME;
	}

	@Override
	public String name() {
		return ElevenLabsAgentVoice.NAME;
	}

	@Override
	public Set<String> aliases() {
		return Set.of("elevenlabs");
	}

	@Override
	public RealtimeVoice create(ProviderConfig config) {
		return new ElevenLabsAgentVoice(ElevenLabsAgentSettings.from(config), this.json);
	}

}
