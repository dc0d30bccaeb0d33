package org.voiceai.service.turn;

import java.util.UUID;

/**
 * One caller utterance of a turn-based call.
 *
 * @param call the call UUID ({@code session_id}): the conversation key
 * @param secretary the secretary answering
 * @param callerIdNumber the caller's number, recorded when the conversation opens, or null
 * @param language the utterance's language for speech-to-text, or null to let the provider detect it
 * @param sampleRate 8000 or 16000: the reply's WAV
 * @param useKnowledge whether to search the knowledge base
 */
public record TurnCommand(UUID call, UUID secretary, String callerIdNumber, String language, int sampleRate,
		boolean useKnowledge) {

	public TurnCommand {
		if (call == null) {
			throw new IllegalArgumentException("session_id (the call UUID) is required");
		}
		if (secretary == null) {
			throw new IllegalArgumentException("secretary_uuid is required");
		}
		if (sampleRate != 8000 && sampleRate != 16000) {
			throw new IllegalArgumentException("sample_rate must be 8000 or 16000");
		}
	}

}
