package org.voiceai.service.conversations;

/**
 * No conversation with that UUID or call UUID in the caller's domain. Another domain's conversation is reported the
 * same way, so its existence is not revealed.
 */
public class ConversationNotFoundException extends RuntimeException {

	ConversationNotFoundException(String what) {
		super("No conversation " + what + " in this domain");
	}

}
