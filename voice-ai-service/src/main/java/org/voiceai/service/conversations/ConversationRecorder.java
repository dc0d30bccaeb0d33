package org.voiceai.service.conversations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.transaction.reactive.TransactionalOperator;

import org.voiceai.service.webhook.WebhookOutbox;
import org.voiceai.service.webhook.WebhookPayload;
import org.voiceai.service.webhook.WebhookTarget;
import org.voiceai.sharedstate.SharedState;
import org.voiceai.tenant.DomainId;
import org.voiceai.tenant.SecretaryRepository;

/**
 * Persists a call's conversation as it happens: {@link #open} once per call (any number of times is fine),
 * {@link #record} for each message the moment it exists, {@link #end} when the call is over. Each call writes
 * straight to the database, so a crash mid-call loses nothing already said. All of it is scoped by domain: another
 * domain's conversation is never found.
 */
public class ConversationRecorder {

	private final ConversationRepository conversations;

	private final SecretaryRepository secretaries;

	private final WebhookOutbox webhooks;

	private final TransactionalOperator transaction;

	/** Longer than any call; the conversation row is the permanent record. */
	private static final Duration OPEN_CONVERSATION_TTL = Duration.ofHours(4);

	private final SharedState state;

	private final Clock clock;

	ConversationRecorder(ConversationRepository conversations, SecretaryRepository secretaries,
			WebhookOutbox webhooks, TransactionalOperator transaction, SharedState state, Clock clock) {
		this.conversations = conversations;
		this.secretaries = secretaries;
		this.webhooks = webhooks;
		this.transaction = transaction;
		this.state = state;
		this.clock = clock;
	}

	/**
	 * The conversation of a call, created on first use. Idempotent: concurrent first turns of one call get the same
	 * conversation (the database keeps one per domain and call). {@code secretaryUuid} is one the caller loaded for
	 * this domain; the other values may be null.
	 * @return the {@code voice_conversation_uuid}
	 */
	public Mono<UUID> open(DomainId domain, UUID callUuid, UUID secretaryUuid, String callerIdNumber,
			String callerIdName, String processingMode) {
		// Every turn opens; only the first needs the database, and only one statement unless another turn of the
		// call opened it first. The call's conversation is remembered in the shared state for as long as a call can
		// last.
		String key = "conversation:" + domain + ":" + callUuid;
		return this.state.get(key)
			.map(UUID::fromString)
			.switchIfEmpty(Mono.defer(() -> this.conversations
				.openIfAbsent(domain, callUuid, secretaryUuid, callerIdNumber, callerIdName, processingMode,
						this.clock.instant())
				.switchIfEmpty(Mono.defer(() -> this.conversations.findByCall(domain, callUuid)
					.map(ConversationRow::uuid)))
				.flatMap((uuid) -> this.state.put(key, uuid.toString(), OPEN_CONVERSATION_TTL).thenReturn(uuid))));
	}

	/**
	 * Stores one message now, with the next turn number of the conversation (unique even when messages of a call
	 * are recorded concurrently) and raises the conversation's {@code total_turns} (messages so far).
	 * @return the message's turn number; fails with {@link ConversationNotFoundException} for another domain's
	 * conversation
	 */
	public Mono<Integer> record(DomainId domain, UUID conversationUuid, RecordedMessage message) {
		return record(domain, conversationUuid, UUID.randomUUID(), message);
	}

	/**
	 * Stores one message like {@link #record(DomainId, UUID, RecordedMessage)}, under the client's
	 * {@code messageUuid}, at most once: recording it again (a retry after a lost answer, even concurrently with the
	 * first attempt) stores nothing more, leaves {@code total_turns} alone and answers the stored turn number.
	 * @return the message's turn number; fails with {@link ConversationNotFoundException} for another domain's
	 * conversation, with {@link MessageConflictException} when {@code messageUuid} is another message's
	 */
	public Mono<Integer> record(DomainId domain, UUID conversationUuid, UUID messageUuid, RecordedMessage message) {
		return this.conversations.append(domain, conversationUuid, messageUuid, message, this.clock.instant())
			.switchIfEmpty(Mono.error(() -> new ConversationNotFoundException(conversationUuid.toString())));
	}

	/**
	 * Stores a turn's two messages now, in order, in one statement (one commit on the call's critical path).
	 * @return the second message's turn number; fails like {@link #record}
	 */
	public Mono<Integer> record(DomainId domain, UUID conversationUuid, RecordedMessage first,
			RecordedMessage second) {
		return this.conversations.appendPair(domain, conversationUuid, first, second, this.clock.instant())
			.switchIfEmpty(Mono.error(() -> new ConversationNotFoundException(conversationUuid.toString())));
	}

	/**
	 * Records how the call ended and, when the secretary has a {@code webhook_url}, queues the end-of-call webhook in
	 * the same transaction: the webhook exists exactly when the end was stored. Idempotent: ending an ended call
	 * changes nothing and queues nothing, and answers with what was stored the first time.
	 * @throws IllegalArgumentException (as the error signal) for an unacceptable request
	 */
	public Mono<EndedConversation> end(DomainId domain, UUID callUuid, EndRequest request) {
		return Mono.fromRunnable(request::validate)
			.then(this.conversations.findByCall(domain, callUuid))
			.switchIfEmpty(Mono.error(() -> new ConversationNotFoundException("for call " + callUuid)))
			.flatMap((row) -> row.ended() ? alreadyEnded(domain, row) : finish(domain, row, request));
	}

	private Mono<EndedConversation> finish(DomainId domain, ConversationRow row, EndRequest request) {
		// The secretary and the URL check (a DNS lookup) are read before the transaction, so it stays short.
		return webhookFor(domain, row).flatMap((webhook) -> {
			Instant now = this.clock.instant();
			int duration = (request.durationSeconds() != null) ? request.durationSeconds() : since(row, now);
			return this.conversations.end(domain, row.uuid(), request, duration, now)
				.flatMap((ended) -> enqueue(domain, ended, webhook)
					.map((delivery) -> EndedConversation.from(ended, delivery))
					.defaultIfEmpty(EndedConversation.from(ended, null)))
				// Lost a race with a concurrent end of the same call: that one queued the webhook.
				.switchIfEmpty(Mono.defer(() -> this.conversations.findByCall(domain, row.callUuid())
					.flatMap((current) -> alreadyEnded(domain, current))))
				.as(this.transaction::transactional);
		});
	}

	private Mono<Webhook> webhookFor(DomainId domain, ConversationRow row) {
		if (row.secretaryUuid() == null) {
			return Mono.just(Webhook.NONE);
		}
		return this.secretaries.find(domain, row.secretaryUuid())
			.filter((secretary) -> secretary.webhookUrl() != null && !secretary.webhookUrl().isBlank())
			.flatMap((secretary) -> this.webhooks.vet(secretary.webhookUrl())
				.map((target) -> new Webhook(secretary.name(), target)))
			.defaultIfEmpty(Webhook.NONE);
	}

	private Mono<UUID> enqueue(DomainId domain, ConversationRow ended, Webhook webhook) {
		if (webhook.target() == null) {
			return Mono.empty();
		}
		return this.conversations.messages(domain, ended.uuid())
			.filter((message) -> message.role().equals(MessageRole.USER.code())
					|| message.role().equals(MessageRole.ASSISTANT.code()))
			.map((message) -> new WebhookPayload.Line(message.role(), message.content()))
			.collectList()
			.map((transcript) -> new WebhookPayload(WebhookPayload.CALL_ENDED, domain.value(), ended.uuid(),
					ended.callUuid(), ended.callerIdNumber(), ended.callerIdName(), ended.secretaryUuid(),
					webhook.secretaryName(), ended.durationSeconds(), transcript, ended.finalAction(),
					ended.transferExtension(), ended.transferDepartment(), ended.summary(), ended.endTime()))
			.flatMap((payload) -> this.webhooks.enqueue(domain, ended.uuid(), webhook.target(), payload));
	}

	private Mono<EndedConversation> alreadyEnded(DomainId domain, ConversationRow row) {
		return this.webhooks.findForConversation(domain, row.uuid())
			.map((delivery) -> EndedConversation.from(row, delivery))
			.defaultIfEmpty(EndedConversation.from(row, null));
	}

	private static int since(ConversationRow row, Instant now) {
		if (row.startTime() == null) {
			return 0;
		}
		long seconds = Duration.between(row.startTime(), now).toSeconds();
		return (int) Math.max(0, Math.min(seconds, Integer.MAX_VALUE));
	}

	/** The secretary's webhook, vetted; {@link #NONE} when it has none. */
	private record Webhook(String secretaryName, WebhookTarget target) {

		static final Webhook NONE = new Webhook(null, null);

	}

}
