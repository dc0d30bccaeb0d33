package org.voiceai.realtime.tool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.agent.tool.ToolSpecification;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.realtime.call.CallContext;

/** The tools a call offers the model, by name. */
public class ToolRegistry {

	private final Map<String, CallTool> tools = new LinkedHashMap<>();

	private final JsonMapper json;

	public ToolRegistry(List<CallTool> tools, JsonMapper json) {
		tools.forEach((tool) -> this.tools.put(tool.name(), tool));
		this.json = json;
	}

	public List<ToolSpecification> specifications() {
		return this.tools.values().stream().map(CallTool::specification).toList();
	}

	/** Runs the named tool; unknown names, bad arguments and failures become results the model can read. */
	public Mono<ToolResult> invoke(CallContext call, String name, String argumentsJson) {
		CallTool tool = this.tools.get(name);
		if (tool == null) {
			return Mono.just(ToolResult.answer("{\"ok\":false,\"error\":\"unknown tool\"}"));
		}
		JsonNode arguments;
		try {
			arguments = this.json.readTree((argumentsJson == null || argumentsJson.isBlank()) ? "{}" : argumentsJson);
		}
		catch (JacksonException ex) {
			return Mono.just(ToolResult.answer("{\"ok\":false,\"error\":\"arguments are not valid JSON\"}"));
		}
		return tool.invoke(call, arguments)
			.onErrorResume((error) -> Mono.just(ToolResult.answer("{\"ok\":false,\"error\":\"the tool failed\"}")));
	}

}
