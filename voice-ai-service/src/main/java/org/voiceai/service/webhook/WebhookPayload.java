package org.voiceai.service.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The end-of-call webhook body, shaped like the reference's OmniPlay payload (event, domain and call UUIDs, caller
 * id, secretary, duration, transcript, resolution, transferred_to) so existing receivers keep working.
 *
 * @param event always {@value #CALL_ENDED}
 * @param resolution the conversation's final action (transfer, hangup, abandoned, …)
 * @param transferredTo the extension the caller was transferred to, when the resolution is a transfer
 * @param transcript the user and assistant messages in order: the conversation as the caller heard it
 * @param timestamp when the call ended
 */
public record WebhookPayload(String event, @JsonProperty("domain_uuid") UUID domainUuid,
		@JsonProperty("conversation_uuid") UUID conversationUuid, @JsonProperty("call_uuid") UUID callUuid,
		@JsonProperty("caller_id") String callerId, @JsonProperty("caller_name") String callerName,
		@JsonProperty("secretary_uuid") UUID secretaryUuid, @JsonProperty("secretary_name") String secretaryName,
		@JsonProperty("duration_seconds") int durationSeconds, List<Line> transcript, String resolution,
		@JsonProperty("transferred_to") String transferredTo,
		@JsonProperty("transfer_department") String transferDepartment, String summary, Instant timestamp) {

	public static final String CALL_ENDED = "call.ended";

	/** One message of the transcript. */
	public record Line(String role, String content) {
	}

}
