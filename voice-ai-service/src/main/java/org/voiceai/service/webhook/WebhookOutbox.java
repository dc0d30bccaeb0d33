package org.voiceai.service.webhook;

import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Parameters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.tenant.DomainId;

/**
 * The webhook outbox ({@code v_voice_webhook_deliveries}). A delivery is queued in the caller's transaction (the
 * conversation's end), so it exists exactly when that commits, and is then sent by {@link WebhookDispatcher}. Every
 * value is written explicitly: FusionPBX-created tables have no defaults.
 */
public class WebhookOutbox {

	private static final String INSERT = """
			INSERT INTO v_voice_webhook_deliveries (voice_webhook_delivery_uuid, domain_uuid, voice_conversation_uuid,
			    event_type, target_url, payload, delivery_status, attempts, next_attempt_at, last_error, insert_date)
			VALUES (:uuid, :domain, :conversation, :event, :url, :payload, :status, 0, :now, :error, :now)
			""";

	// The one statement not scoped by domain: the dispatcher serves every domain. SKIP LOCKED lets instances poll
	// side by side, and pushing next_attempt_at past the attempt (the lease) keeps the claim after this commits.
	private static final String CLAIM = """
			UPDATE v_voice_webhook_deliveries d
			SET attempts = coalesce(d.attempts, 0) + 1, next_attempt_at = :leaseUntil, update_date = :now
			WHERE d.voice_webhook_delivery_uuid IN (
			    SELECT voice_webhook_delivery_uuid FROM v_voice_webhook_deliveries
			    WHERE delivery_status = 'pending' AND next_attempt_at <= :now
			    ORDER BY next_attempt_at
			    LIMIT :limit
			    FOR UPDATE SKIP LOCKED)
			RETURNING d.voice_webhook_delivery_uuid, d.domain_uuid, d.event_type, d.target_url,
			    d.payload::text AS payload, d.attempts
			""";

	private static final String OUTCOME = """
			UPDATE v_voice_webhook_deliveries
			SET delivery_status = :status, next_attempt_at = :next, last_status_code = :code, last_error = :error,
			    delivered_at = :deliveredAt, update_date = :now
			WHERE domain_uuid = :domain AND voice_webhook_delivery_uuid = :uuid
			""";

	private final DatabaseClient database;

	private final JsonMapper json;

	private final SafeUrlPolicy policy;

	private final Clock clock;

	public WebhookOutbox(DatabaseClient database, JsonMapper json, SafeUrlPolicy policy, Clock clock) {
		this.database = database;
		this.json = json;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Vets a webhook URL before it is queued. A host that does not resolve right now is not refused: DNS failures
	 * can be temporary, and the dispatcher checks again before each attempt.
	 */
	public Mono<WebhookTarget> vet(String url) {
		return this.policy.check(url)
			.map((uri) -> new WebhookTarget(url, null))
			.onErrorResume(UnsafeUrlException.class, (ex) -> Mono.just(new WebhookTarget(url, ex.getMessage())))
			.onErrorResume(UnknownHostException.class, (ex) -> Mono.just(new WebhookTarget(url, null)));
	}

	/** Queues a delivery (in the caller's transaction, if any); returns its UUID. */
	public Mono<UUID> enqueue(DomainId domain, UUID conversation, WebhookTarget target, WebhookPayload payload) {
		UUID uuid = UUID.randomUUID();
		boolean refused = target.refusal() != null;
		return this.database.sql(INSERT)
			.bind("uuid", uuid)
			.bind("domain", domain.value())
			.bind("conversation", conversation)
			.bind("event", payload.event())
			.bind("url", target.url())
			.bind("payload", Json.of(this.json.writeValueAsString(payload)))
			.bind("status", refused ? "dead" : "pending")
			.bind("now", this.clock.instant())
			.bind("error", nullable(target.refusal(), String.class))
			.then()
			.thenReturn(uuid);
	}

	/** The delivery queued for a conversation's end, if any. */
	public Mono<UUID> findForConversation(DomainId domain, UUID conversation) {
		return this.database
			.sql("SELECT voice_webhook_delivery_uuid FROM v_voice_webhook_deliveries WHERE domain_uuid = :domain "
					+ "AND voice_conversation_uuid = :conversation AND event_type = :event "
					+ "ORDER BY insert_date LIMIT 1")
			.bind("domain", domain.value())
			.bind("conversation", conversation)
			.bind("event", WebhookPayload.CALL_ENDED)
			.map((row, metadata) -> row.get(0, UUID.class))
			.one();
	}

	/** Claims up to {@code limit} due deliveries for one attempt each, counting the attempt. */
	Flux<WebhookDelivery> claimDue(int limit, Duration lease) {
		Instant now = this.clock.instant();
		return this.database.sql(CLAIM)
			.bind("now", now)
			.bind("leaseUntil", now.plus(lease))
			.bind("limit", limit)
			.map((row, metadata) -> new WebhookDelivery(row.get("voice_webhook_delivery_uuid", UUID.class),
					new DomainId(row.get("domain_uuid", UUID.class)), row.get("event_type", String.class),
					row.get("target_url", String.class), row.get("payload", String.class),
					row.get("attempts", Integer.class)))
			.all();
	}

	Mono<Void> delivered(WebhookDelivery delivery, int statusCode) {
		return outcome(delivery, "delivered", null, statusCode, null);
	}

	/** Records a failed attempt: another one after {@code retryIn}, or none ('dead') when {@code retryIn} is null. */
	Mono<Void> failed(WebhookDelivery delivery, Integer statusCode, String error, Duration retryIn) {
		return outcome(delivery, (retryIn != null) ? "pending" : "dead", retryIn, statusCode, error);
	}

	private Mono<Void> outcome(WebhookDelivery delivery, String status, Duration retryIn, Integer statusCode,
			String error) {
		Instant now = this.clock.instant();
		return this.database.sql(OUTCOME)
			.bind("status", status)
			.bind("next", nullable((retryIn != null) ? now.plus(retryIn) : null, Instant.class))
			.bind("code", nullable(statusCode, Integer.class))
			.bind("error", nullable(error, String.class))
			.bind("deliveredAt", nullable("delivered".equals(status) ? now : null, Instant.class))
			.bind("now", now)
			.bind("domain", delivery.domain().value())
			.bind("uuid", delivery.uuid())
			.then();
	}

	private static Object nullable(Object value, Class<?> type) {
		return (value != null) ? value : Parameters.in(type);
	}

}
