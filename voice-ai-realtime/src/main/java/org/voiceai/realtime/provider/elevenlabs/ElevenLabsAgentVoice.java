package org.voiceai.realtime.provider.elevenlabs;

import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Mono;

import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.providers.realtime.RealtimeVoice;
import org.voiceai.realtime.provider.elevenlabs.internal.AgentMessages;

/**
 * An ElevenLabs agent for one provider row. {@link #open} gets a signed URL when the row has an API key, connects,
 * sends {@code conversation_initiation_client_data} and completes on {@code conversation_initiation_metadata}, which
 * announces the audio formats; it fails with a {@link org.voiceai.providers.error.ProviderException} saying why.
 */
public final class ElevenLabsAgentVoice implements RealtimeVoice {

	public static final String NAME = "elevenlabs_conversational";

	private final ElevenLabsAgentSettings settings;

	private final JsonMapper json;

	private final AgentMessages wire;

	public ElevenLabsAgentVoice(ElevenLabsAgentSettings settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
		this.wire = new AgentMessages(json);
	}

	@Override
	public Mono<RealtimeConversation> open(RealtimeSessionSpec spec) {
		return Mono.defer(() -> new ElevenLabsAgentConversation(this.settings, spec, this.wire, this.json).start());
	}

	public ElevenLabsAgentSettings settings() {
		return this.settings;
	}

}
