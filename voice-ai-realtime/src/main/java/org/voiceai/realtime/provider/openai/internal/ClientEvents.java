package org.voiceai.realtime.provider.openai.internal;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.voiceai.audio.AudioFormat;

/**
 * The client events of the GA Realtime protocol, written as JSON text. Only GA shapes: {@code session.type},
 * nested {@code audio.input}/{@code audio.output}, flat function tools.
 */
public final class ClientEvents {

	private final JsonMapper json;

	public ClientEvents(JsonMapper json) {
		this.json = json;
	}

	/**
	 * {@code session.update} for a phone call.
	 * @param format the audio format of both directions: G.711 8 kHz or PCM16 24 kHz
	 * @param turnDetection the {@code turn_detection} object
	 * @param transcriptionModel input transcription model (transcription is always on: transcripts are persisted)
	 * @param language ISO-639-1 language for transcription, or {@code null}
	 * @param noiseReduction {@code near_field}, {@code far_field} or {@code null} for none
	 */
	public String sessionUpdate(String instructions, String voice, AudioFormat format, ObjectNode turnDetection,
			String transcriptionModel, String language, String noiseReduction, List<ToolSpecification> tools) {
		ObjectNode event = event("session.update", null);
		ObjectNode session = event.putObject("session");
		session.put("type", "realtime");
		session.put("instructions", (instructions != null) ? instructions : "");
		session.putArray("output_modalities").add("audio");
		ObjectNode audio = session.putObject("audio");
		ObjectNode input = audio.putObject("input");
		input.set("format", format(format));
		ObjectNode transcription = input.putObject("transcription");
		transcription.put("model", transcriptionModel);
		if (language != null) {
			transcription.put("language", language);
		}
		if (noiseReduction != null) {
			input.putObject("noise_reduction").put("type", noiseReduction);
		}
		else {
			input.putNull("noise_reduction");
		}
		input.set("turn_detection", turnDetection);
		ObjectNode output = audio.putObject("output");
		output.set("format", format(format));
		output.put("voice", voice);
		ArrayNode toolArray = session.putArray("tools");
		for (ToolSpecification tool : tools) {
			toolArray.add(tool(tool));
		}
		session.put("tool_choice", "auto");
		return this.json.writeValueAsString(event);
	}

	/** {@code turn_detection}: server_vad with its thresholds, or semantic_vad with its eagerness. */
	public ObjectNode turnDetection(String type, double threshold, int prefixPaddingMs, int silenceDurationMs,
			String eagerness) {
		ObjectNode detection = this.json.createObjectNode();
		detection.put("type", type);
		if ("semantic_vad".equals(type)) {
			detection.put("eagerness", eagerness);
		}
		else {
			detection.put("threshold", threshold);
			detection.put("prefix_padding_ms", prefixPaddingMs);
			detection.put("silence_duration_ms", silenceDurationMs);
		}
		detection.put("create_response", true);
		detection.put("interrupt_response", true);
		return detection;
	}

	/** The GA {@code format} object: {@code audio/pcmu}, {@code audio/pcma}, or {@code audio/pcm} at 24 kHz. */
	public ObjectNode format(AudioFormat format) {
		ObjectNode node = this.json.createObjectNode();
		switch (format.encoding()) {
			case ULAW -> node.put("type", "audio/pcmu");
			case ALAW -> node.put("type", "audio/pcma");
			case PCM16 -> node.put("type", "audio/pcm").put("rate", format.sampleRate());
		}
		return node;
	}

	/** ISO-639-1 from a BCP-47 tag ({@code pt-BR} → {@code pt}), as the transcription models take it. */
	public static String transcriptionLanguage(String bcp47) {
		if (bcp47 == null || bcp47.isBlank()) {
			return null;
		}
		String primary = bcp47.trim().split("[-_]")[0].toLowerCase(Locale.ROOT);
		return (primary.length() == 2) ? primary : null;
	}

	private ObjectNode tool(ToolSpecification tool) {
		ObjectNode node = this.json.createObjectNode();
		node.put("type", "function");
		node.put("name", tool.name());
		if (tool.description() != null) {
			node.put("description", tool.description());
		}
		if (tool.parameters() != null) {
			node.set("parameters", this.json.valueToTree(JsonSchemaElementUtils.toMap(tool.parameters())));
		}
		else {
			node.putObject("parameters").put("type", "object").putObject("properties");
		}
		return node;
	}

	/** {@code input_audio_buffer.append}, written by hand: it is sent every 20 ms and base64 needs no escaping. */
	public String append(byte[] audio) {
		String base64 = Base64.getEncoder().encodeToString(audio);
		return new StringBuilder(base64.length() + 48).append("{\"type\":\"input_audio_buffer.append\",\"audio\":\"")
			.append(base64)
			.append("\"}")
			.toString();
	}

	/** {@code response.create}, with instructions for this response only when given. */
	public String responseCreate(String instructions) {
		ObjectNode event = event("response.create", null);
		if (instructions != null && !instructions.isBlank()) {
			event.putObject("response").put("instructions", instructions);
		}
		return this.json.writeValueAsString(event);
	}

	public String responseCancel(String responseId, String eventId) {
		ObjectNode event = event("response.cancel", eventId);
		if (responseId != null) {
			event.put("response_id", responseId);
		}
		return this.json.writeValueAsString(event);
	}

	/** {@code conversation.item.truncate} of the assistant audio item to what the caller heard. */
	public String truncate(String itemId, long audioEndMs, String eventId) {
		ObjectNode event = event("conversation.item.truncate", eventId);
		event.put("item_id", itemId);
		event.put("content_index", 0);
		event.put("audio_end_ms", audioEndMs);
		return this.json.writeValueAsString(event);
	}

	/** {@code conversation.item.create} of one item. */
	public String itemCreate(ConversationItem item) {
		ObjectNode event = event("conversation.item.create", null);
		ObjectNode node = event.putObject("item");
		if (item instanceof ConversationItem.CallerText caller) {
			message(node, "user", "input_text", caller.text());
		}
		else if (item instanceof ConversationItem.AssistantText assistant) {
			message(node, "assistant", "output_text", assistant.text());
		}
		else if (item instanceof ConversationItem.FunctionCall call) {
			node.put("type", "function_call").put("call_id", call.callId()).put("name", call.name())
				.put("arguments", call.arguments());
		}
		else if (item instanceof ConversationItem.FunctionCallOutput output) {
			node.put("type", "function_call_output").put("call_id", output.callId()).put("output", output.output());
		}
		return this.json.writeValueAsString(event);
	}

	private static void message(ObjectNode item, String role, String contentType, String text) {
		item.put("type", "message");
		item.put("role", role);
		item.putArray("content").addObject().put("type", contentType).put("text", text);
	}

	private ObjectNode event(String type, String eventId) {
		ObjectNode event = this.json.createObjectNode();
		if (eventId != null) {
			event.put("event_id", eventId);
		}
		event.put("type", type);
		return event;
	}

}
