package org.voiceai.realtime.provider.gemini;

import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.providers.realtime.RealtimeVoice;
import org.voiceai.realtime.provider.gemini.GeminiLiveSettings.ActivityDetection;
import org.voiceai.realtime.provider.gemini.internal.LiveMessages;
import org.voiceai.realtime.provider.gemini.internal.Turn;

/**
 * Gemini Live (BidiGenerateContent) for one provider row. {@link #open} connects a WebSocket per call, sends
 * {@code setup} and completes once the service answered {@code setupComplete}; it fails with a
 * {@link org.voiceai.providers.error.ProviderException} saying why (bad key, unknown model, timeout).
 */
public final class GeminiLiveVoice implements RealtimeVoice {

	public static final String NAME = "gemini_live";

	private final GeminiLiveSettings settings;

	private final LiveMessages wire;

	private final JsonMapper json;

	public GeminiLiveVoice(GeminiLiveSettings settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
		this.wire = new LiveMessages(json);
	}

	@Override
	public Mono<RealtimeConversation> open(RealtimeSessionSpec spec) {
		return Mono.defer(() -> {
			ActivityDetection vad = this.settings.activityDetection();
			LiveMessages.Setup setup = new LiveMessages.Setup(this.settings.model(), spec.instructions(),
					(spec.voice() != null && !spec.voice().isBlank()) ? spec.voice() : this.settings.voice(),
					(spec.language() != null && !spec.language().isBlank()) ? spec.language().trim() : null,
					spec.tools(), this.wire.realtimeInputConfig(vad.startSensitivity(), vad.endSensitivity(),
							vad.prefixPaddingMs(), vad.silenceDurationMs(), vad.interrupts()),
					this.settings.sessionResumption(), null, this.settings.contextCompression());
			List<Turn> history = spec.history()
				.stream()
				.map((turn) -> turn.fromCaller() ? new Turn.CallerText(turn.text())
						: (Turn) new Turn.AgentText(turn.text()))
				.toList();
			return new GeminiLiveConversation(this.settings, setup, this.wire, this.json).start(history);
		});
	}

	public GeminiLiveSettings settings() {
		return this.settings;
	}

}
