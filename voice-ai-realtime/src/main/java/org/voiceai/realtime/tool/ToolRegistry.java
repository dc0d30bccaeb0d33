package org.voiceai.realtime.tool;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.agent.tool.ToolSpecification;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.realtime.call.CallContext;

/**
 * The tools a call offers the model, by name. The model always gets an answer: a provider waiting for a function's
 * output would otherwise wait for ever, and the custom pipeline would not speak again.
 */
public class ToolRegistry {

	private final Map<String, CallTool> tools = new LinkedHashMap<>();

	private final JsonMapper json;

	private final Duration timeout;

	/** @param timeout how long a tool may take before the model is told it failed */
	public ToolRegistry(List<CallTool> tools, JsonMapper json, Duration timeout) {
		tools.forEach((tool) -> this.tools.put(tool.name(), tool));
		this.json = json;
		this.timeout = timeout;
	}

	public List<ToolSpecification> specifications() {
		return this.tools.values().stream().map(CallTool::specification).toList();
	}

	/**
	 * Runs the named tool; unknown names, bad arguments, failures, no result and no result in time become results
	 * the model can read.
	 */
	public Mono<ToolResult> invoke(CallContext call, String name, String argumentsJson) {
		CallTool tool = this.tools.get(name);
		if (tool == null) {
			return Mono.just(failed("unknown tool"));
		}
		JsonNode arguments;
		try {
			arguments = this.json.readTree((argumentsJson == null || argumentsJson.isBlank()) ? "{}" : argumentsJson);
		}
		catch (JacksonException ex) {
			return Mono.just(failed("arguments are not valid JSON"));
		}
		return tool.invoke(call, arguments)
			.timeout(this.timeout, Mono.fromSupplier(() -> failed("the tool took too long")))
			.switchIfEmpty(Mono.fromSupplier(() -> failed("the tool gave no answer")))
			.onErrorResume((error) -> Mono.just(failed("the tool failed")));
	}

	private static ToolResult failed(String error) {
		return ToolResult.answer("{\"ok\":false,\"error\":\"" + error + "\"}");
	}

}
