package org.voiceai.service.chat;

import java.util.List;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

/**
 * The tools the model may call to act on the call. Actions come from tool calls, not from parsing prose; the text
 * markers in {@link ActionResolver} are only the fallback for models without tools.
 */
final class CallTools {

	static final String TRANSFER = "transfer_call";

	static final String END = "end_call";

	static final List<ToolSpecification> ALL = List.of(
			ToolSpecification.builder()
				.name(TRANSFER)
				.description("Transfer the caller to a person or department. Use only a destination from the list in "
						+ "your instructions, when the caller asks for it or when you cannot help.")
				.parameters(JsonObjectSchema.builder()
					.addStringProperty("destination", "The destination's name, department or number as listed")
					.addStringProperty("reason", "Why, in a few words")
					.required("destination")
					.build())
				.build(),
			ToolSpecification.builder()
				.name(END)
				.description("End the call after saying goodbye, when the caller has what they need or says goodbye.")
				.parameters(JsonObjectSchema.builder()
					.addStringProperty("reason", "Why the call ends, in a few words")
					.build())
				.build());

	private CallTools() {
	}

}
