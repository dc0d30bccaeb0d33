package org.voiceai.realtime.stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The optional first text frame: the metadata argument of {@code uuid_audio_stream … start}. All fields optional.
 *
 * @param callerIdNumber {@code caller_id_number}
 * @param callerIdName {@code caller_id_name}
 * @param destinationNumber {@code destination_number}
 */
public record StreamMetadata(String callerIdNumber, String callerIdName, String destinationNumber) {

	public static final StreamMetadata NONE = new StreamMetadata(null, null, null);

	/** Reads the frame; text that is not a JSON object gives {@link #NONE} (it is logged, never fatal). */
	public static StreamMetadata parse(String text, JsonMapper json) {
		try {
			JsonNode node = json.readTree(text);
			if (!node.isObject()) {
				return NONE;
			}
			return new StreamMetadata(field(node, "caller_id_number"), field(node, "caller_id_name"),
					field(node, "destination_number"));
		}
		catch (JacksonException ex) {
			return NONE;
		}
	}

	private static String field(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || !value.isValueNode()) {
			return null;
		}
		String text = value.asString().strip();
		return (text.isEmpty() || text.length() > 128) ? null : text;
	}

}
