package org.voiceai.realtime.call;

import java.util.Locale;

import org.voiceai.tenant.Secretary;

/**
 * The realtime model's instructions for one secretary: the admin's personality prompt, the company, the language,
 * and the rules for the call tools. Business information and documents are reached through tools, not pasted in.
 */
public class InstructionsBuilder {

	public String build(Secretary secretary) {
		StringBuilder text = new StringBuilder();
		String personality = secretary.prompts().personality();
		text.append((personality != null && !personality.isBlank()) ? personality.strip()
				: "You are a friendly, efficient virtual receptionist answering the phone.");
		if (secretary.companyName() != null && !secretary.companyName().isBlank()) {
			text.append("\nYou answer calls for ").append(secretary.companyName().strip()).append('.');
		}
		text.append("\nSpeak ").append(languageName(secretary.language()))
			.append(". This is a phone call: keep answers short, one or two sentences, and never read out lists.")
			.append("\nUse get_business_info for hours, address and services, and search_knowledge_base for anything ")
			.append("in the company's documents; never invent facts.")
			.append("\nTo transfer the caller, say that you are transferring, then call transfer_call with the ")
			.append("destination. If nobody can help now, offer take_message.")
			.append("\nWhen the caller is done or says goodbye, call end_call.");
		return text.toString();
	}

	private static String languageName(String tag) {
		Locale locale = Locale.forLanguageTag((tag == null || tag.isBlank()) ? "pt-BR" : tag);
		String name = locale.getDisplayName(Locale.ENGLISH);
		return name.isBlank() ? tag : name;
	}

}
