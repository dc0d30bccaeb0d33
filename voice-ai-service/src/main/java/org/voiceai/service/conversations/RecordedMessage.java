package org.voiceai.service.conversations;

import java.util.List;
import java.util.Objects;

/**
 * One message to persist as it happens (see {@link ConversationRecorder#record}).
 *
 * @param role who said it
 * @param content the text (transcript of the caller, or what the secretary said)
 * @param audioDurationMs length of the caller's recording or of the synthesized answer, when there was audio
 * @param detectedIntent the intent the model or router recognised, if any
 * @param ragSources knowledge-base passages the answer used; empty when none
 * @param tokensUsed tokens the model call consumed, if known
 * @param providers the providers that served each stage
 * @param latency per-stage latency of this message
 */
public record RecordedMessage(MessageRole role, String content, Integer audioDurationMs, String detectedIntent,
		List<RagSource> ragSources, Integer tokensUsed, StageProviders providers, TurnLatency latency) {

	public RecordedMessage {
		Objects.requireNonNull(role, "role");
		ragSources = (ragSources != null) ? List.copyOf(ragSources) : List.of();
		providers = (providers != null) ? providers : StageProviders.NONE;
		latency = (latency != null) ? latency : TurnLatency.NONE;
	}

	/** What the caller said, as transcribed. */
	public static RecordedMessage user(String transcript, Integer audioDurationMs, String sttProvider,
			TurnLatency latency) {
		return new RecordedMessage(MessageRole.USER, transcript, audioDurationMs, null, List.of(), null,
				new StageProviders(sttProvider, null, null), latency);
	}

	/** What the secretary answered. */
	public static RecordedMessage assistant(String text, String detectedIntent, List<RagSource> ragSources,
			Integer tokensUsed, StageProviders providers, TurnLatency latency) {
		return new RecordedMessage(MessageRole.ASSISTANT, text, null, detectedIntent, ragSources, tokensUsed, providers,
				latency);
	}

}
