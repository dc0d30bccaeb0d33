package org.voiceai.realtime.tool;

import dev.langchain4j.agent.tool.ToolSpecification;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.voiceai.realtime.call.CallContext;

/** Something the model may do during a call. Tools never touch the call directly: they answer with a result. */
public interface CallTool {

	ToolSpecification specification();

	default String name() {
		return specification().name();
	}

	/** Runs the tool; a problem the caller should hear about is a result, not an error. */
	Mono<ToolResult> invoke(CallContext call, JsonNode arguments);

}
