package org.voiceai.service.chat;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /api/v1/chat} body. Only the new message: the service remembers the conversation by
 * {@code session_id} (the call UUID).
 */
public record ChatRequestBody(@JsonProperty("domain_uuid") UUID domainUuid, @JsonProperty("session_id") UUID sessionId,
		@JsonProperty("secretary_uuid") UUID secretaryUuid, @JsonProperty("user_message") String userMessage,
		@JsonProperty("caller_id") String callerId, @JsonProperty("use_rag") Boolean useRag, String provider) {

	ChatCommand toCommand() {
		if (this.sessionId == null) {
			throw new IllegalArgumentException("session_id (the call UUID) is required");
		}
		if (this.secretaryUuid == null) {
			throw new IllegalArgumentException("secretary_uuid is required");
		}
		if (this.userMessage == null || this.userMessage.isBlank()) {
			throw new IllegalArgumentException("user_message is required");
		}
		if (this.userMessage.length() > 4000) {
			throw new IllegalArgumentException("user_message is longer than 4000 characters");
		}
		return new ChatCommand(this.sessionId, this.secretaryUuid, this.userMessage.strip(), this.callerId,
				this.useRag == null || this.useRag, (this.provider != null && !this.provider.isBlank()) ? this.provider : null);
	}

}
