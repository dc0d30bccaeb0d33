package org.voiceai.providers.realtime;

/** What a realtime provider reports, mapped from each vendor's own event names into one vocabulary. */
public sealed interface ProviderEvent {

	/** A chunk of reply audio in the conversation's output format. */
	record AudioDelta(byte[] audio) implements ProviderEvent {
	}

	/** The provider's voice activity detection heard the caller start speaking (barge-in). */
	record SpeechStarted() implements ProviderEvent {
	}

	/** The caller stopped speaking. */
	record SpeechStopped() implements ProviderEvent {
	}

	/** Transcript text of the caller ({@code fromCaller}) or the assistant; {@code complete} marks the final text. */
	record Transcript(boolean fromCaller, String text, boolean complete) implements ProviderEvent {
	}

	/** The model calls a tool; answer with {@link RealtimeConversation#sendToolResult}. */
	record ToolCall(String callId, String name, String argumentsJson) implements ProviderEvent {
	}

	/** The current reply is complete (all its audio has been sent). */
	record ResponseDone() implements ProviderEvent {
	}

	/** A provider error; {@code retriable} tells whether failing over to another provider may help. */
	record ProviderError(String code, String message, boolean retriable) implements ProviderEvent {
	}

}
