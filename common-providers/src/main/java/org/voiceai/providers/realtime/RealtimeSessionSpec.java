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
 * @param history the conversation so far, oldest first, when the call moves to this provider mid-call (another one
 * failed); empty for a new call. Each adapter gives it to its model as context in its own protocol, without asking
 * for a reply: the bridge decides whether the new provider speaks first.
 */
public record RealtimeSessionSpec(String instructions, String voice, String language, AudioFormat callerFormat,
		List<ToolSpecification> tools, List<Turn> history) {

	public RealtimeSessionSpec {
		tools = List.copyOf(tools);
		history = List.copyOf(history);
	}

	/** A new call: no history. */
	public RealtimeSessionSpec(String instructions, String voice, String language, AudioFormat callerFormat,
			List<ToolSpecification> tools) {
		this(instructions, voice, language, callerFormat, tools, List.of());
	}

	/** The same session set-up, carrying {@code history} into it. */
	public RealtimeSessionSpec withHistory(List<Turn> history) {
		return new RealtimeSessionSpec(this.instructions, this.voice, this.language, this.callerFormat, this.tools,
				history);
	}

	/**
	 * One finished turn of the conversation as the caller heard it.
	 *
	 * @param fromCaller whether the caller said it (else the agent)
	 * @param text what was said, as transcribed
	 */
	public record Turn(boolean fromCaller, String text) {

		public static Turn caller(String text) {
			return new Turn(true, text);
		}

		public static Turn agent(String text) {
			return new Turn(false, text);
		}

	}

}
