package org.voiceai.service.conversations;

import java.time.Instant;
import java.util.UUID;

/** A {@code v_voice_conversations} row; never returned as JSON (see {@link ConversationSummary}). */
record ConversationRow(UUID uuid, UUID callUuid, UUID secretaryUuid, String callerIdNumber, String callerIdName,
		String processingMode, String status, Instant startTime, Instant endTime, Integer durationSeconds,
		int totalTurns, String finalAction, String transferExtension, String transferDepartment, String summary) {

	static final String ENDED = "ended";

	boolean ended() {
		return ENDED.equals(this.status);
	}

}
