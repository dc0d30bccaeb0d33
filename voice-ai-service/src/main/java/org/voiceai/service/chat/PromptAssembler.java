package org.voiceai.service.chat;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.tenant.Secretary;
import org.voiceai.transfer.TransferDestination;

/**
 * Builds the system prompt of a turn: the admin's personality prompt, the phone-call style rules, the business
 * information, the destinations open now, the knowledge-base passages, and how to act (tools, or markers as the
 * fallback). Everything the model may transfer to is listed; nothing else is.
 */
final class PromptAssembler {

	private final JsonMapper json;

	PromptAssembler(JsonMapper json) {
		this.json = json;
	}

	String systemPrompt(Secretary secretary, List<TransferDestination> openDestinations,
			List<KnowledgeSnippet> knowledge) {
		StringBuilder prompt = new StringBuilder();
		String personality = secretary.prompts().personality();
		if (personality != null && !personality.isBlank()) {
			prompt.append(personality.trim()).append("\n\n");
		}
		else {
			prompt.append("You are ").append(secretary.name()).append(", the virtual receptionist")
				.append((secretary.companyName() != null) ? " of " + secretary.companyName() : "")
				.append(". You answer phone calls politely and efficiently.\n\n");
		}
		prompt.append("This is a phone call: your reply is spoken aloud. Always answer in ")
			.append(secretary.language())
			.append(". Be brief and natural (one to three sentences), with no lists, markdown, emojis or URLs. ")
			.append("Never invent facts: if you do not know, say so and offer a transfer.\n");
		appendBusinessInfo(prompt, secretary.businessInfoJson());
		appendDestinations(prompt, openDestinations);
		appendKnowledge(prompt, knowledge);
		prompt.append("\nTo transfer the call use the transfer_call tool with a destination from the list; to end the ")
			.append("call, say goodbye and use the end_call tool. If you cannot use tools, end your reply with ")
			.append("[TRANSFER:<destination>] or [HANGUP].");
		return prompt.toString();
	}

	private void appendBusinessInfo(StringBuilder prompt, String businessInfoJson) {
		JsonNode info;
		try {
			info = this.json.readTree(businessInfoJson);
		}
		catch (JacksonException ex) {
			return;
		}
		if (!info.isObject() || info.isEmpty()) {
			return;
		}
		prompt.append("\nCompany information:\n");
		Iterator<Map.Entry<String, JsonNode>> fields = info.properties().iterator();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			String value = field.getValue().isString() ? field.getValue().asString() : field.getValue().toString();
			if (!value.isBlank()) {
				prompt.append("- ").append(field.getKey()).append(": ").append(value.trim()).append('\n');
			}
		}
	}

	private static void appendDestinations(StringBuilder prompt, List<TransferDestination> destinations) {
		if (destinations.isEmpty()) {
			prompt.append("\nNo transfer destination is available right now: take a message instead of transferring.\n");
			return;
		}
		prompt.append("\nTransfer destinations available now:\n");
		for (TransferDestination destination : destinations) {
			prompt.append("- ").append(destination.name());
			if (destination.department() != null && !destination.department().isBlank()) {
				prompt.append(" (").append(destination.department()).append(')');
			}
			if (destination.description() != null && !destination.description().isBlank()) {
				prompt.append(": ").append(destination.description().trim());
			}
			prompt.append('\n');
		}
	}

	private static void appendKnowledge(StringBuilder prompt, List<KnowledgeSnippet> knowledge) {
		if (knowledge.isEmpty()) {
			return;
		}
		prompt.append("\nRelevant passages from the company's documents (use them to answer):\n");
		for (KnowledgeSnippet snippet : knowledge) {
			prompt.append("[").append(snippet.document());
			if (snippet.page() != null) {
				prompt.append(", p. ").append(snippet.page());
			}
			prompt.append("] ").append(snippet.text().trim()).append("\n---\n");
		}
	}

}
