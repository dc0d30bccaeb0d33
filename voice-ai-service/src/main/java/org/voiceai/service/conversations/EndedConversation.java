package org.voiceai.service.conversations;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A conversation after its end was recorded.
 *
 * @param webhookDeliveryUuid the end-of-call webhook queued for it, null when the secretary has no webhook_url
 */
public record EndedConversation(@JsonProperty("conversation_uuid") UUID conversationUuid,
		@JsonProperty("call_uuid") UUID callUuid, String status, @JsonProperty("final_action") String finalAction,
		@JsonProperty("transfer_extension") String transferExtension,
		@JsonProperty("transfer_department") String transferDepartment,
		@JsonProperty("duration_seconds") Integer durationSeconds, @JsonProperty("total_turns") int totalTurns,
		@JsonProperty("end_time") Instant endTime, @JsonProperty("webhook_delivery_uuid") UUID webhookDeliveryUuid) {

	static EndedConversation from(ConversationRow row, UUID webhookDelivery) {
		return new EndedConversation(row.uuid(), row.callUuid(), row.status(), row.finalAction(),
				row.transferExtension(), row.transferDepartment(), row.durationSeconds(), row.totalTurns(),
				row.endTime(), webhookDelivery);
	}

}
