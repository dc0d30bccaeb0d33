package org.voiceai.realtime.provider.openai;

import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Mono;

import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.providers.realtime.RealtimeVoice;
import org.voiceai.realtime.provider.openai.internal.ClientEvents;

/**
 * OpenAI Realtime (GA protocol) for one provider row. {@link #open} connects a WebSocket per call and completes once
 * OpenAI confirmed the session with {@code session.updated}; it fails with a
 * {@link org.voiceai.providers.error.ProviderException} saying why (bad key, timeout, refused session).
 */
public final class OpenAiRealtimeVoice implements RealtimeVoice {

	public static final String NAME = "openai_realtime";

	private final OpenAiRealtimeSettings settings;

	private final ClientEvents wire;

	private final JsonMapper json;

	public OpenAiRealtimeVoice(OpenAiRealtimeSettings settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
		this.wire = new ClientEvents(json);
	}

	@Override
	public Mono<RealtimeConversation> open(RealtimeSessionSpec spec) {
		return Mono.defer(() -> new OpenAiRealtimeConversation(this.settings, spec, this.wire, this.json).start());
	}

	public OpenAiRealtimeSettings settings() {
		return this.settings;
	}

}
