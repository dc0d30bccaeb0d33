package org.voiceai.service.conversations;

import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One utterance reported by a client that runs the conversation itself (the realtime bridge):
 * {@code POST /conversations/{call_uuid}/messages}. The first one opens the call's conversation.
 *
 * @param domainUuid optional; when present it must equal the {@code X-Domain-UUID} header
 * @param secretaryUuid the secretary answering the call, in the header's domain
 * @param role {@code user} (the caller), {@code assistant} (the secretary), or {@code system} (a note of the
 * client's, such as the switch to another realtime provider mid-call)
 * @param content what was said
 * @param provider the realtime provider ({@code provider_name}) that heard or said it; stored as the message's
 * speech-to-text provider for the caller, its LLM and text-to-speech provider for the secretary
 * @param callerIdNumber the caller's number, kept when the conversation is opened
 * @param callerIdName the caller's name, kept when the conversation is opened
 * @param processingMode {@code realtime} unless given
 * @param messageUuid optional; the client's UUID for this message, made once and sent again on every retry so the
 * message is stored once (it becomes the message's {@code voice_message_uuid}); a fresh one is used when absent
 */
public record AppendMessageRequest(@JsonProperty("domain_uuid") UUID domainUuid,
		@JsonProperty("secretary_uuid") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID secretaryUuid,
		@Schema(example = "user", requiredMode = Schema.RequiredMode.REQUIRED) String role,
		@Schema(example = "Qual o horário de funcionamento?", requiredMode = Schema.RequiredMode.REQUIRED) String content,
		@Schema(example = "openai_realtime") String provider,
		@JsonProperty("caller_id_number") @Schema(example = "5511999990000") String callerIdNumber,
		@JsonProperty("caller_id_name") String callerIdName,
		@JsonProperty("processing_mode") @Schema(example = "realtime") String processingMode,
		@JsonProperty("message_uuid") @Schema(description = "Idempotency key: a UUID the client makes once per "
				+ "message and sends again on every retry of it. A message already stored under it is not stored "
				+ "again; its turn number is answered. Reusing it for another message is a 409.",
				example = "0b7e4c2a-5d1f-4e8b-9a3c-6f2d1e0c9b7a") UUID messageUuid) {

	static final int MAX_CONTENT = 20_000;

	/** @throws IllegalArgumentException naming the unacceptable field */
	void validate() {
		if (this.secretaryUuid == null) {
			throw new IllegalArgumentException("secretary_uuid is required");
		}
		messageRole();
		if (this.content == null || this.content.isBlank()) {
			throw new IllegalArgumentException("content is required");
		}
		if (this.content.length() > MAX_CONTENT) {
			throw new IllegalArgumentException("content is longer than " + MAX_CONTENT + " characters");
		}
		if (this.provider != null && this.provider.length() > 64) {
			throw new IllegalArgumentException("provider is longer than 64 characters");
		}
		if (this.callerIdNumber != null && this.callerIdNumber.length() > 64) {
			throw new IllegalArgumentException("caller_id_number is longer than 64 characters");
		}
	}

	MessageRole messageRole() {
		String value = (this.role == null) ? "" : this.role.strip().toLowerCase(Locale.ROOT);
		return switch (value) {
			case "user" -> MessageRole.USER;
			case "assistant" -> MessageRole.ASSISTANT;
			case "system" -> MessageRole.SYSTEM;
			default -> throw new IllegalArgumentException("role must be user, assistant or system");
		};
	}

	/** The stages {@link #provider} ran: hearing the caller, or answering; none for a note. */
	StageProviders providers() {
		String name = (this.provider == null || this.provider.isBlank()) ? null : this.provider.strip();
		return switch (messageRole()) {
			case USER -> new StageProviders(name, null, null);
			case ASSISTANT -> new StageProviders(null, name, name);
			default -> StageProviders.NONE;
		};
	}

	/** The client's message UUID, or a fresh one: without it every request is a new message, as before. */
	UUID messageUuidOrNew() {
		return (this.messageUuid != null) ? this.messageUuid : UUID.randomUUID();
	}

	String mode() {
		return (this.processingMode == null || this.processingMode.isBlank()) ? "realtime" : this.processingMode.strip();
	}

}
