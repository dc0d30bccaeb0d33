package org.voiceai.realtime.provider.pipeline;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.providers.realtime.RealtimeVoice;

/**
 * A cascaded pipeline for one provider row: Deepgram live transcription, one of the domain's chat models, and one of
 * its text-to-speech rows. {@link #open} completes once Deepgram accepted the live stream; the chat model and the
 * speech are resolved per reply, so a failing row is replaced by the domain's next one.
 */
public final class CustomPipelineVoice implements RealtimeVoice {

	public static final String NAME = "custom_pipeline";

	private final CustomPipelineSettings settings;

	private final PipelineServices services;

	private final PipelineLatency latency;

	private final JsonMapper json;

	CustomPipelineVoice(CustomPipelineSettings settings, PipelineServices services, PipelineLatency latency,
			JsonMapper json) {
		this.settings = settings;
		this.services = services;
		this.latency = latency;
		this.json = json;
	}

	@Override
	public Mono<RealtimeConversation> open(RealtimeSessionSpec spec) {
		return Mono.defer(
				() -> new PipelineConversation(this.settings, spec, this.services, this.latency, this.json).start());
	}

	public CustomPipelineSettings settings() {
		return this.settings;
	}

}
