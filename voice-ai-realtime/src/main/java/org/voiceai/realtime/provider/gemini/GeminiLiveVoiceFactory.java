package org.voiceai.realtime.provider.gemini;

import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.realtime.RealtimeVoice;

/**
 * {@code gemini_live} (alias {@code gemini}): Google Gemini Live speech to speech over the BidiGenerateContent
 * WebSocket. The alias is per provider type, so it does not clash with the {@code gemini} chat model provider.
 */
public final class GeminiLiveVoiceFactory implements ProviderFactory<RealtimeVoice> {

	private final JsonMapper json;

	public GeminiLiveVoiceFactory(JsonMapper json) {
		this.json = json;
	}

	@Override
	public ProviderType<RealtimeVoice> type() {
		return ProviderType.REALTIME;
	}

	@Override
	public String name() {
		return GeminiLiveVoice.NAME;
	}

	@Override
	public Set<String> aliases() {
		return Set.of("gemini");
	}

	@Override
	public RealtimeVoice create(ProviderConfig config) {
		return new GeminiLiveVoice(GeminiLiveSettings.from(config), this.json);
	}

}
