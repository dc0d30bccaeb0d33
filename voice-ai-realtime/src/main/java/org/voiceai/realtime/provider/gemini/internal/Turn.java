package org.voiceai.realtime.provider.gemini.internal;

/** A finished part of the conversation as the caller heard it, kept to replay it into a fresh session. */
public sealed interface Turn {

	/** What the caller said (from input transcription). */
	record CallerText(String text) implements Turn {
	}

	/** What the agent said (from output transcription), cut to what was heard when the caller barged in. */
	record AgentText(String text) implements Turn {
	}

	/** A function the model called. */
	record FunctionCall(String id, String name, String argsJson) implements Turn {
	}

	/** The result the bridge sent for a function call. */
	record FunctionResult(String id, String name, String resultJson) implements Turn {
	}

}
