package org.voiceai.realtime.tool;

import java.util.Locale;
import java.util.Map;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.voiceai.realtime.call.CallContext;

/**
 * {@code get_business_info(topic)}: answers from the secretary's {@code business_info} JSON object (opening hours,
 * address, services…): the entry whose key best matches the topic, or all of them.
 */
public class BusinessInfoTool implements CallTool {

	private final JsonMapper json;

	public BusinessInfoTool(JsonMapper json) {
		this.json = json;
	}

	@Override
	public ToolSpecification specification() {
		return ToolSpecification.builder()
			.name("get_business_info")
			.description("Look up the company's own information: opening hours, address, services, prices, contacts.")
			.parameters(JsonObjectSchema.builder()
				.addStringProperty("topic", "what the caller wants to know, e.g. hours, address")
				.build())
			.build();
	}

	@Override
	public Mono<ToolResult> invoke(CallContext call, JsonNode arguments) {
		JsonNode info = read(call.secretary().businessInfoJson());
		ObjectNode output = this.json.createObjectNode();
		if (info == null || !info.isObject() || info.isEmpty()) {
			output.put("ok", false);
			output.put("error", "No business information is configured.");
			return Mono.just(ToolResult.answer(output.toString()));
		}
		String topic = arguments.path("topic").asString("").toLowerCase(Locale.ROOT).strip();
		output.put("ok", true);
		ObjectNode found = output.putObject("info");
		for (Map.Entry<String, JsonNode> entry : info.properties()) {
			String key = entry.getKey().toLowerCase(Locale.ROOT).replace('_', ' ');
			if (!topic.isEmpty() && (topic.contains(key) || key.contains(topic))) {
				found.set(entry.getKey(), entry.getValue());
			}
		}
		if (found.isEmpty()) {
			output.set("info", info);
		}
		return Mono.just(ToolResult.answer(output.toString()));
	}

	private JsonNode read(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return this.json.readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
