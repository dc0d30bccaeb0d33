package org.voiceai.service.chat;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the Lua script does after playing the reply. */
public enum ChatAction {

	CONTINUE, TRANSFER, HANGUP;

	@JsonValue
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
