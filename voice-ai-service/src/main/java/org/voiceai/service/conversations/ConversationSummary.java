package org.voiceai.service.conversations;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A conversation as listed: who called which secretary, when, for how long, and how it ended. */
public record ConversationSummary(@JsonProperty("conversation_uuid") UUID conversationUuid,
		@JsonProperty("call_uuid") UUID callUuid, @JsonProperty("secretary_uuid") UUID secretaryUuid,
		@JsonProperty("secretary_name") String secretaryName,
		@JsonProperty("caller_id_number") String callerIdNumber,
		@JsonProperty("caller_id_name") String callerIdName, @JsonProperty("processing_mode") String processingMode,
		String status, @JsonProperty("start_time") Instant startTime, @JsonProperty("end_time") Instant endTime,
		@JsonProperty("duration_seconds") Integer durationSeconds, @JsonProperty("total_turns") int totalTurns,
		@JsonProperty("final_action") String finalAction, @JsonProperty("transfer_extension") String transferExtension,
		@JsonProperty("transfer_department") String transferDepartment, String summary) {

	static ConversationSummary from(ConversationRow row, String secretaryName) {
		return new ConversationSummary(row.uuid(), row.callUuid(), row.secretaryUuid(), secretaryName,
				row.callerIdNumber(), row.callerIdName(), row.processingMode(), row.status(), row.startTime(),
				row.endTime(), row.durationSeconds(), row.totalTurns(), row.finalAction(), row.transferExtension(),
				row.transferDepartment(), row.summary());
	}

}
