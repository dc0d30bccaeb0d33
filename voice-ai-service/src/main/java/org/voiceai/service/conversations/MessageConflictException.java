package org.voiceai.service.conversations;

import java.util.UUID;

/**
 * A {@code message_uuid} that names a message other than the one being stored: one of another conversation or
 * domain, or another utterance. Nothing is said about that message, not even where it is.
 */
public class MessageConflictException extends RuntimeException {

	MessageConflictException(UUID messageUuid) {
		super("message_uuid " + messageUuid + " is already used by another message; send a new UUID for each "
				+ "message and reuse it only to retry that message");
	}

}
