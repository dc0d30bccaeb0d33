package org.voiceai.realtime.provider.openai.internal;

/**
 * A finished item of the conversation as the caller heard it, kept to carry the conversation into a fresh session.
 */
public sealed interface ConversationItem {

	/** What the caller said (from input transcription; {@code null} until the transcription arrives). */
	record CallerText(String text) implements ConversationItem {
	}

	/** What the assistant said (from its audio transcript). */
	record AssistantText(String text) implements ConversationItem {
	}

	/** A tool the model called. */
	record FunctionCall(String callId, String name, String arguments) implements ConversationItem {
	}

	/** The result the bridge sent for a tool call. */
	record FunctionCallOutput(String callId, String output) implements ConversationItem {
	}

}
