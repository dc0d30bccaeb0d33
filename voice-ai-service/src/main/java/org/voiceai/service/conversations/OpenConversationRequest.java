package org.voiceai.service.conversations;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A call starting whose conversation runs elsewhere (the realtime bridge): {@code PUT /conversations/{call_uuid}}.
 *
 * @param domainUuid optional; when present it must equal the {@code X-Domain-UUID} header
 * @param secretaryUuid the secretary answering the call, in the header's domain
 * @param callerIdNumber the caller's number
 * @param callerIdName the caller's name
 * @param processingMode {@code realtime} unless given
 */
public record OpenConversationRequest(@JsonProperty("domain_uuid") UUID domainUuid,
		@JsonProperty("secretary_uuid") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID secretaryUuid,
		@JsonProperty("caller_id_number") @Schema(example = "5511999990000") String callerIdNumber,
		@JsonProperty("caller_id_name") String callerIdName,
		@JsonProperty("processing_mode") @Schema(example = "realtime") String processingMode) {

	/** @throws IllegalArgumentException naming the unacceptable field */
	void validate() {
		if (this.secretaryUuid == null) {
			throw new IllegalArgumentException("secretary_uuid is required");
		}
		if (this.callerIdNumber != null && this.callerIdNumber.length() > 64) {
			throw new IllegalArgumentException("caller_id_number is longer than 64 characters");
		}
	}

	String mode() {
		return (this.processingMode == null || this.processingMode.isBlank()) ? "realtime" : this.processingMode.strip();
	}

}
