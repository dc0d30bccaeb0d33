package org.voiceai.providers.realtime;

import java.util.List;

import dev.langchain4j.agent.tool.ToolSpecification;

import org.voiceai.audio.AudioFormat;

/**
 * How to set up a realtime conversation for one call.
 *
 * @param instructions the system prompt (secretary personality, business info, rules)
 * @param voice provider voice id, or {@code null} for the provider row's default
 * @param language BCP-47 language such as {@code pt-BR}
 * @param callerFormat the format FreeSWITCH sends, so the provider can pick a native match (e.g. G.711)
 * @param tools the tools the model may call (transfer, hang up, ...)
 */
public record RealtimeSessionSpec(String instructions, String voice, String language, AudioFormat callerFormat,
		List<ToolSpecification> tools) {

	public RealtimeSessionSpec {
		tools = List.copyOf(tools);
	}

}
