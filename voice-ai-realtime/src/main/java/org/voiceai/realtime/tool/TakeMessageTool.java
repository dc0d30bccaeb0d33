package org.voiceai.realtime.tool;

import java.util.Locale;
import java.util.Set;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.voiceai.realtime.call.CallContext;

/**
 * {@code take_message(name, message, urgency)}: a message for someone who cannot take the call now. It is stored with
 * the conversation and goes out in the call-end webhook.
 */
public class TakeMessageTool implements CallTool {

	private static final Set<String> URGENCIES = Set.of("low", "normal", "high");

	@Override
	public ToolSpecification specification() {
		return ToolSpecification.builder()
			.name("take_message")
			.description("Take a message for the company when nobody can take the call. Ask for the caller's name "
					+ "and the message first.")
			.parameters(JsonObjectSchema.builder()
				.addStringProperty("name", "the caller's name")
				.addStringProperty("message", "the message, in the caller's words")
				.addEnumProperty("urgency", URGENCIES.stream().sorted().toList(), "how urgent it is")
				.required("name", "message")
				.build())
			.build();
	}

	@Override
	public Mono<ToolResult> invoke(CallContext call, JsonNode arguments) {
		String name = arguments.path("name").asString("").strip();
		String message = arguments.path("message").asString("").strip();
		if (message.isEmpty()) {
			return Mono.just(ToolResult.answer("{\"ok\":false,\"error\":\"Ask the caller for the message first.\"}"));
		}
		String urgency = arguments.path("urgency").asString("normal").toLowerCase(Locale.ROOT);
		if (!URGENCIES.contains(urgency)) {
			urgency = "normal";
		}
		String from = name.isEmpty() ? "unknown caller" : name;
		String number = (call.callerIdNumber() != null) ? " (" + call.callerIdNumber() + ")" : "";
		String text = "Message from " + from + number + ", urgency " + urgency + ": " + message;
		return Mono.just(new ToolResult("{\"ok\":true,\"say\":\"Confirm briefly that the message was taken.\"}",
				new ToolResult.FollowUp.MessageTaken(text)));
	}

}
