package org.voiceai.service.conversations;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.voiceai.calls.ConcurrentCalls;
import org.voiceai.service.tenant.TenantWebFilter;
import org.voiceai.service.web.SecretaryNotFoundException;
import org.voiceai.tenant.DomainId;
import org.voiceai.tenant.SecretaryRepository;

/**
 * Conversations of the guarded domain: utterances reported by the realtime bridge, ending one (FreeSWITCH or the
 * bridge, at hangup), listing and reading them (FusionPBX).
 * Another domain's conversation is answered exactly like a missing one.
 */
@RestController
class ConversationController {

	static final int MAX_PAGE_SIZE = 100;

	private final ConversationRecorder recorder;

	private final ConversationRepository conversations;

	private final ConcurrentCalls calls;

	private final SecretaryRepository secretaries;

	ConversationController(ConversationRecorder recorder, ConversationRepository conversations,
			ConcurrentCalls calls, SecretaryRepository secretaries) {
		this.recorder = recorder;
		this.conversations = conversations;
		this.calls = calls;
		this.secretaries = secretaries;
	}

	@PostMapping("/api/v1/conversations/{call_uuid}/end")
	@Operation(summary = "Record how a call ended (final action, transfer target, duration); queues the "
			+ "secretary's end-of-call webhook and frees the call's place under the domain's concurrent-call "
			+ "limit. Ending an ended call changes nothing.")
	@ApiResponse(responseCode = "404", description = "No conversation for this call in the domain")
	Mono<EndedConversation> end(@Parameter(hidden = true) DomainId domain,
			@PathVariable("call_uuid") @Parameter(description = "FreeSWITCH call UUID",
					example = "9f0c1f4e-3b0a-4f57-b1a3-2f1c7a5d9e11") UUID callUuid,
			@RequestBody EndRequest request) {
		TenantWebFilter.requireSameDomain(domain, request.domainUuid());
		// The call's slot under the domain's concurrent-call limit is freed once the end is stored.
		return this.recorder.end(domain, callUuid, request)
			.flatMap((ended) -> this.calls.release(domain.value(), callUuid).thenReturn(ended));
	}

	@PutMapping("/api/v1/conversations/{call_uuid}")
	@Operation(summary = "Open the conversation of a call that runs elsewhere (the realtime bridge), at call start. "
			+ "Idempotent: the call keeps one conversation.")
	@ApiResponse(responseCode = "404", description = "No such enabled secretary in the domain")
	Mono<OpenedConversation> open(@Parameter(hidden = true) DomainId domain,
			@PathVariable("call_uuid") @Parameter(description = "FreeSWITCH call UUID") UUID callUuid,
			@RequestBody OpenConversationRequest request) {
		TenantWebFilter.requireSameDomain(domain, request.domainUuid());
		request.validate();
		return this.secretaries.find(domain, request.secretaryUuid())
			.switchIfEmpty(Mono.error(() -> new SecretaryNotFoundException(request.secretaryUuid())))
			.flatMap((secretary) -> this.recorder.open(domain, callUuid, secretary.uuid(), request.callerIdNumber(),
					request.callerIdName(), request.mode()))
			.map(OpenedConversation::new);
	}

	@PostMapping("/api/v1/conversations/{call_uuid}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Store one utterance of a call whose conversation runs elsewhere (the realtime bridge); "
			+ "the first one opens the call's conversation. Stored at once, in the order received. Idempotent per "
			+ "message_uuid: repeating a stored message stores nothing and answers 201 with its turn number again.")
	@ApiResponse(responseCode = "404", description = "No such enabled secretary in the domain")
	@ApiResponse(responseCode = "409", description = "message_uuid is already another message's (of this or another "
			+ "conversation or domain, or with another role or content)")
	Mono<AppendedMessage> append(@Parameter(hidden = true) DomainId domain,
			@PathVariable("call_uuid") @Parameter(description = "FreeSWITCH call UUID") UUID callUuid,
			@RequestBody AppendMessageRequest request) {
		TenantWebFilter.requireSameDomain(domain, request.domainUuid());
		request.validate();
		RecordedMessage message = new RecordedMessage(request.messageRole(), request.content().strip(), null, null,
				null, null, request.providers(), null);
		return this.secretaries.find(domain, request.secretaryUuid())
			.switchIfEmpty(Mono.error(() -> new SecretaryNotFoundException(request.secretaryUuid())))
			.flatMap((secretary) -> this.recorder.open(domain, callUuid, secretary.uuid(), request.callerIdNumber(),
					request.callerIdName(), request.mode()))
			.flatMap((conversation) -> this.recorder.record(domain, conversation, request.messageUuidOrNew(), message)
				.map((turn) -> new AppendedMessage(conversation, turn)));
	}

	@GetMapping("/api/v1/conversations")
	@Operation(summary = "The domain's conversations, newest first, optionally filtered by secretary, final "
			+ "action and start date (from inclusive, to exclusive; a date-only 'to' includes that day)")
	Mono<ConversationPage> list(@Parameter(hidden = true) DomainId domain,
			@RequestParam(defaultValue = "0") @Parameter(description = "zero-based page") int page,
			@RequestParam(defaultValue = "20") @Parameter(description = "page size, at most " + MAX_PAGE_SIZE) int size,
			@RequestParam(name = "secretary_uuid", required = false) UUID secretaryUuid,
			@RequestParam(name = "final_action", required = false) @Parameter(example = "transfer") String finalAction,
			@RequestParam(required = false) @Parameter(example = "2026-03-01") String from,
			@RequestParam(required = false) @Parameter(example = "2026-03-31T23:59:59-03:00") String to) {
		if (page < 0 || page > 1_000_000 || size < 1 || size > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
		}
		ConversationFilter filter = ConversationFilter.of(secretaryUuid, finalAction, from, to);
		return this.conversations.list(domain, filter, page, size)
			.collectList()
			.zipWith(this.conversations.count(domain, filter),
					(items, total) -> new ConversationPage(items, page, size, total));
	}

	@GetMapping("/api/v1/conversations/{uuid}")
	@Operation(summary = "One conversation with its messages in order, their stage latencies, providers and "
			+ "knowledge-base sources")
	@ApiResponse(responseCode = "404", description = "No such conversation in the domain")
	Mono<ConversationDetail> get(@Parameter(hidden = true) DomainId domain,
			@PathVariable @Parameter(description = "voice_conversation_uuid") UUID uuid) {
		return this.conversations.findSummary(domain, uuid)
			.switchIfEmpty(Mono.error(() -> new ConversationNotFoundException(uuid.toString())))
			.zipWhen((conversation) -> this.conversations.messages(domain, uuid).collectList(),
					ConversationDetail::new);
	}

}
