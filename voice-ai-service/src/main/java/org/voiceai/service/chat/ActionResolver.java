package org.voiceai.service.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides the call action from a model reply: a {@code transfer_call}/{@code end_call} tool call first; otherwise the
 * legacy text markers ({@code [TRANSFER:1001]}, {@code [TRANSFERIR:financeiro]}, {@code [HANGUP]},
 * {@code [ENCERRAR]}, {@code [DESLIGAR]}) for models without tools. Markers are removed from the spoken text.
 */
final class ActionResolver {

	private static final Pattern TRANSFER_MARKER = Pattern
		.compile("\\[\\s*(?:TRANSFER|TRANSFERIR)\\s*[:\\s]\\s*([^\\]]+?)\\s*]", Pattern.CASE_INSENSITIVE);

	private static final Pattern HANGUP_MARKER = Pattern.compile("\\[\\s*(?:HANGUP|ENCERRAR|DESLIGAR)\\s*]",
			Pattern.CASE_INSENSITIVE);

	private final JsonMapper json;

	ActionResolver(JsonMapper json) {
		this.json = json;
	}

	/**
	 * @param action what to do
	 * @param destination what the model asked to transfer to (still to be matched against configured destinations)
	 * @param text what to say, markers removed
	 */
	record Resolved(ChatAction action, String destination, String text) {
	}

	Resolved resolve(AiMessage reply) {
		String text = (reply.text() != null) ? reply.text() : "";
		if (reply.hasToolExecutionRequests()) {
			for (ToolExecutionRequest call : reply.toolExecutionRequests()) {
				if (CallTools.TRANSFER.equals(call.name())) {
					return new Resolved(ChatAction.TRANSFER, argument(call, "destination"), stripMarkers(text));
				}
				if (CallTools.END.equals(call.name())) {
					return new Resolved(ChatAction.HANGUP, null, stripMarkers(text));
				}
			}
		}
		Matcher transfer = TRANSFER_MARKER.matcher(text);
		if (transfer.find()) {
			return new Resolved(ChatAction.TRANSFER, transfer.group(1).trim(), stripMarkers(text));
		}
		if (HANGUP_MARKER.matcher(text).find()) {
			return new Resolved(ChatAction.HANGUP, null, stripMarkers(text));
		}
		return new Resolved(ChatAction.CONTINUE, null, text.trim());
	}

	private String argument(ToolExecutionRequest call, String name) {
		try {
			JsonNode arguments = this.json.readTree((call.arguments() != null) ? call.arguments() : "{}");
			String value = arguments.path(name).asString("");
			return value.isBlank() ? null : value.trim();
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String stripMarkers(String text) {
		String without = HANGUP_MARKER.matcher(TRANSFER_MARKER.matcher(text).replaceAll("")).replaceAll("");
		return without.replaceAll("\\s{2,}", " ").trim();
	}

}
