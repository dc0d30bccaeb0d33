package org.voiceai.realtime.tool;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.voiceai.realtime.call.CallContext;

/** {@code end_call(reason)}: the model says the secretary's farewell, and the call is hung up once it has played. */
public class EndCallTool implements CallTool {

	private final JsonMapper json;

	public EndCallTool(JsonMapper json) {
		this.json = json;
	}

	@Override
	public ToolSpecification specification() {
		return ToolSpecification.builder()
			.name("end_call")
			.description("End the call when the caller has nothing more to ask or says goodbye.")
			.parameters(JsonObjectSchema.builder().addStringProperty("reason", "why the call ends").build())
			.build();
	}

	@Override
	public Mono<ToolResult> invoke(CallContext call, JsonNode arguments) {
		String reason = arguments.path("reason").asString("caller finished");
		String farewell = call.secretary().prompts().farewell();
		ObjectNode output = this.json.createObjectNode();
		output.put("ok", true);
		output.put("say", (farewell != null && !farewell.isBlank()) ? "Say exactly: " + farewell
				: "Say a short, polite goodbye.");
		return Mono.just(new ToolResult(output.toString(), new ToolResult.FollowUp.HangUp(reason)));
	}

}
