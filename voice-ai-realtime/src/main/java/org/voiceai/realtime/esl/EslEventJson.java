package org.voiceai.realtime.esl;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of a {@code text/event-json} message: one JSON object of header name to string value, the event
 * body under {@code _body}. Multi-valued headers (JSON arrays) are kept as their JSON text.
 */
final class EslEventJson {

	private EslEventJson() {
	}

	static EslEvent parse(String json) {
		JsonNode root;
		try {
			root = JsonMapper.shared().readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("ESL event is not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("ESL event is not a JSON object");
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> header : root.properties()) {
			JsonNode value = header.getValue();
			if (!value.isNull()) {
				headers.put(header.getKey(), value.isValueNode() ? value.asString() : value.toString());
			}
		}
		String name = headers.get("Event-Name");
		if (name == null) {
			throw new IllegalArgumentException("ESL event has no Event-Name");
		}
		return new EslEvent(name, headers.get("Event-Subclass"), headers.get("Unique-ID"), headers);
	}

}
