package org.voiceai.service.conversations;

import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How a call ended ({@code POST /conversations/{call_uuid}/end}).
 *
 * @param domainUuid optional; when present it must equal the {@code X-Domain-UUID} header
 * @param finalAction transfer, hangup, abandoned, error, timeout, max_turns, continue, …: lower case letters and
 * underscores
 * @param transferExtension where the caller was transferred, for a transfer
 * @param transferDepartment the department of that destination
 * @param durationSeconds the call's duration as FreeSWITCH measured it; null = from the conversation's start to now
 * @param summary an optional summary of the call
 */
public record EndRequest(@JsonProperty("domain_uuid") UUID domainUuid,
		@JsonProperty("final_action")
		@Schema(example = "transfer", requiredMode = Schema.RequiredMode.REQUIRED) String finalAction,
		@JsonProperty("transfer_extension") @Schema(example = "1001") String transferExtension,
		@JsonProperty("transfer_department") @Schema(example = "financeiro") String transferDepartment,
		@JsonProperty("duration_seconds") @Schema(example = "74") Integer durationSeconds,
		@Schema(example = "Caller asked for a second copy of an invoice; transferred to finance.") String summary) {

	private static final Pattern ACTION = Pattern.compile("[a-z_]{1,32}");

	/** An end without body fields other than the action. */
	public static EndRequest of(String finalAction) {
		return new EndRequest(null, finalAction, null, null, null, null);
	}

	/** @throws IllegalArgumentException with a message for the caller when a field is unacceptable */
	void validate() {
		if (this.finalAction == null || !ACTION.matcher(this.finalAction).matches()) {
			throw new IllegalArgumentException("final_action is required: lower-case letters and underscores, such as "
					+ "transfer, hangup or abandoned");
		}
		if (this.durationSeconds != null && this.durationSeconds < 0) {
			throw new IllegalArgumentException("duration_seconds must not be negative");
		}
		if (this.transferExtension != null && this.transferExtension.length() > 64) {
			throw new IllegalArgumentException("transfer_extension is longer than 64 characters");
		}
	}

}
