package org.voiceai.realtime.provider.elevenlabs.internal;

import java.util.Base64;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The client messages of the ElevenLabs agent WebSocket (provider-protocols.md §A2), as JSON text. */
public final class AgentMessages {

	/** Reported in {@code source_info}, as the official SDKs report theirs. */
	static final String SOURCE = "voice_ai";

	private final JsonMapper json;

	public AgentMessages(JsonMapper json) {
		this.json = json;
	}

	/**
	 * {@code conversation_initiation_client_data}; a {@code null} argument leaves that field to the agent, since
	 * overriding a field the agent does not allow makes ElevenLabs close the socket.
	 */
	public String initiation(String prompt, String firstMessage, String language) {
		ObjectNode message = this.json.createObjectNode().put("type", "conversation_initiation_client_data");
		ObjectNode override = message.putObject("conversation_config_override");
		ObjectNode agent = override.putObject("agent");
		if (prompt != null) {
			agent.putObject("prompt").put("prompt", prompt);
		}
		if (firstMessage != null) {
			agent.put("first_message", firstMessage);
		}
		if (language != null) {
			agent.put("language", language);
		}
		if (agent.isEmpty()) {
			message.remove("conversation_config_override");
		}
		message.putObject("source_info").put("source", SOURCE);
		return this.json.writeValueAsString(message);
	}

	/** {@code user_audio_chunk}: the one message without a {@code type}. */
	public String audioChunk(byte[] audio) {
		return "{\"user_audio_chunk\":\"" + Base64.getEncoder().encodeToString(audio) + "\"}";
	}

	public String pong(long eventId) {
		return "{\"type\":\"pong\",\"event_id\":" + eventId + "}";
	}

	public String toolResult(String toolCallId, String result, boolean error) {
		return this.json.writeValueAsString(this.json.createObjectNode()
			.put("type", "client_tool_result")
			.put("tool_call_id", toolCallId)
			.put("result", result)
			.put("is_error", error));
	}

	/** {@code user_message}: text the agent answers as if the caller had said it. */
	public String userMessage(String text) {
		return this.json.writeValueAsString(this.json.createObjectNode().put("type", "user_message").put("text", text));
	}

	/** {@code contextual_update}: background the agent takes into account without answering. */
	public String contextualUpdate(String text) {
		return this.json
			.writeValueAsString(this.json.createObjectNode().put("type", "contextual_update").put("text", text));
	}

}
