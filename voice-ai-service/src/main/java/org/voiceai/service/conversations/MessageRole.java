package org.voiceai.service.conversations;

import java.util.Locale;

/** Who a message is from, as stored in {@code v_voice_messages.role}. */
public enum MessageRole {

	USER, ASSISTANT, SYSTEM, TOOL;

	/** The stored value: user, assistant, system or tool. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
