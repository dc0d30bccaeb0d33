package org.voiceai.service.conversations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

import org.voiceai.service.TestTenants;
import org.voiceai.tenant.DomainId;
import org.voiceai.testing.EmbeddedDefaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Messages are stored as they happen with unique turn numbers; ending a call stores the outcome and queues the
 * webhook in one transaction, once. Real PostgreSQL; the dispatcher is off, so queued webhooks stay in the outbox.
 */
// Same configuration as ConversationControllerTest, so the two share one context (and one embedded database).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@EmbeddedDefaults
@TestPropertySource(properties = "voice-ai.webhooks.dispatch=false")
class ConversationRecorderTest {

	// TEST-NET-3: a public (documentation) address, accepted by the URL policy without a DNS lookup.
	static final String PUBLIC_HOOK = "https://203.0.113.10/hooks/voice?token=receiver-secret";

	@Autowired
	ConversationRecorder recorder;

	@Autowired
	DatabaseClient database;

	@Autowired
	JsonMapper json;

	TestTenants tenants;

	DomainId domain;

	@BeforeEach
	void newDomain() {
		this.tenants = new TestTenants(this.database);
		this.domain = this.tenants.domain();
	}

	@Test
	void openingACallTwiceOrConcurrentlyGivesOneConversation() {
		UUID call = UUID.randomUUID();
		UUID secretary = this.tenants.secretary(this.domain, "Ana", null);
		Set<UUID> opened = Flux.range(0, 8)
			.flatMap((i) -> this.recorder.open(this.domain, call, secretary, "5511999990000", "Maria", "turn_based")
				.subscribeOn(Schedulers.parallel()))
			.collect(Collectors.toSet())
			.block();
		assertThat(opened).hasSize(1);
		assertThat(this.recorder.open(this.domain, call, secretary, null, null, "turn_based").block())
			.isEqualTo(opened.iterator().next());
		assertThat(count("v_voice_conversations", "call_uuid = '" + call + "'")).isEqualTo(1);
	}

	@Test
	void eachMessageIsStoredAtOnceWithLatenciesSourcesAndProviders() {
		UUID conversation = open(null);
		TurnLatency userLatency = new TurnLatency(180, null, null, null, 180);
		assertThat(this.recorder.record(this.domain, conversation,
				RecordedMessage.user("Quero falar com o financeiro", 2300, "deepgram", userLatency)).block())
			.isEqualTo(1);
		assertThat(this.recorder.record(this.domain, conversation,
				RecordedMessage.assistant("Vou transferir para o financeiro.", "transfer",
						List.of(new RagSource("faq.pdf", 3, 0.82)), 57, new StageProviders(null, "openai", "piper"),
						new TurnLatency(null, 12, 420, 95, 540)))
			.block()).isEqualTo(2);

		List<Map<String, Object>> rows = this.database
			.sql("SELECT turn_number, role, content, audio_duration_ms, detected_intent, rag_sources::text AS rag, "
					+ "tokens_used, stt_provider, llm_provider, tts_provider, stt_latency_ms, rag_latency_ms, "
					+ "llm_latency_ms, tts_latency_ms, total_latency_ms FROM v_voice_messages "
					+ "WHERE domain_uuid = :domain AND voice_conversation_uuid = :conversation ORDER BY turn_number")
			.bind("domain", this.domain.value())
			.bind("conversation", conversation)
			.fetch()
			.all()
			.collectList()
			.block();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsEntry("role", "user")
			.containsEntry("audio_duration_ms", 2300)
			.containsEntry("stt_provider", "deepgram")
			.containsEntry("stt_latency_ms", 180)
			.containsEntry("rag", null);
		assertThat(rows.get(1)).containsEntry("role", "assistant")
			.containsEntry("detected_intent", "transfer")
			.containsEntry("tokens_used", 57)
			.containsEntry("llm_provider", "openai")
			.containsEntry("tts_provider", "piper")
			.containsEntry("rag_latency_ms", 12)
			.containsEntry("llm_latency_ms", 420)
			.containsEntry("tts_latency_ms", 95)
			.containsEntry("total_latency_ms", 540);
		JsonNode sources = this.json.readTree((String) rows.get(1).get("rag"));
		assertThat(sources.get(0).path("document").asString()).isEqualTo("faq.pdf");
		assertThat(sources.get(0).path("page").asInt()).isEqualTo(3);
		assertThat(sources.get(0).path("score").asDouble()).isEqualTo(0.82);
		assertThat(totalTurns(conversation)).isEqualTo(2);
	}

	@Test
	void concurrentMessagesOfOneCallGetDistinctConsecutiveTurnNumbers() {
		UUID conversation = open(null);
		List<Integer> turns = Flux.range(0, 40)
			.flatMap((i) -> this.recorder.record(this.domain, conversation,
					RecordedMessage.user("message " + i, null, "fake", null))
				.subscribeOn(Schedulers.parallel()), 40)
			.collectList()
			.block();
		assertThat(turns).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
		assertThat(totalTurns(conversation)).isEqualTo(40);
		assertThat(count("v_voice_messages", "voice_conversation_uuid = '" + conversation + "'")).isEqualTo(40);
	}

	@Test
	void aTurnsTwoMessagesAreStoredTogetherInOrderBetweenOtherMessages() {
		UUID conversation = open(null);
		this.recorder.record(this.domain, conversation, RecordedMessage.user("primeira", null, null, null)).block();

		Integer last = this.recorder.record(this.domain, conversation,
				RecordedMessage.user("Qual o horário?", null, null, null),
				RecordedMessage.assistant("Das 8h às 18h.", "continue", List.of(new RagSource("faq.md", null, 0.7)), 9,
						new StageProviders(null, "openai", null), new TurnLatency(null, 4, 300, null, 320)))
			.block();

		assertThat(last).isEqualTo(3);
		List<Map<String, Object>> rows = this.database
			.sql("SELECT turn_number, role, content, llm_latency_ms, rag_sources::text AS rag FROM v_voice_messages "
					+ "WHERE domain_uuid = :domain AND voice_conversation_uuid = :conversation ORDER BY turn_number")
			.bind("domain", this.domain.value())
			.bind("conversation", conversation)
			.fetch()
			.all()
			.collectList()
			.block();
		assertThat(rows).extracting((row) -> row.get("content")).containsExactly("primeira", "Qual o horário?",
				"Das 8h às 18h.");
		assertThat(rows).extracting((row) -> row.get("turn_number")).containsExactly(1, 2, 3);
		assertThat(rows.get(2)).containsEntry("role", "assistant").containsEntry("llm_latency_ms", 300);
		assertThat((String) rows.get(2).get("rag")).contains("faq.md");
		assertThat(totalTurns(conversation)).isEqualTo(3);
		DomainId other = this.tenants.domain();
		assertThatThrownBy(() -> this.recorder.record(other, conversation,
				RecordedMessage.user("x", null, null, null), RecordedMessage.user("y", null, null, null)).block())
			.isInstanceOf(ConversationNotFoundException.class);
	}

	@Test
	void anotherDomainCannotRecordIntoOrEndAConversation() {
		UUID call = UUID.randomUUID();
		UUID conversation = this.recorder.open(this.domain, call, null, null, null, "turn_based").block();
		DomainId other = this.tenants.domain();

		assertThatThrownBy(() -> this.recorder.record(other, conversation, RecordedMessage.user("hi", null, null, null))
			.block()).isInstanceOf(ConversationNotFoundException.class);
		assertThatThrownBy(() -> this.recorder.end(other, call, EndRequest.of("hangup")).block())
			.isInstanceOf(ConversationNotFoundException.class);
		assertThat(count("v_voice_messages", "voice_conversation_uuid = '" + conversation + "'")).isZero();
		assertThat(status(conversation)).isEqualTo("active");
	}

	@Test
	void endingStoresTheOutcomeAndQueuesTheWebhookWithTheTranscript() {
		UUID secretary = this.tenants.secretary(this.domain, "Ana", PUBLIC_HOOK);
		UUID call = UUID.randomUUID();
		UUID conversation = this.recorder.open(this.domain, call, secretary, "5511999990000", "Maria", "turn_based")
			.block();
		this.recorder.record(this.domain, conversation, RecordedMessage.user("financeiro, por favor", null, "stt", null))
			.block();
		this.recorder.record(this.domain, conversation, new RecordedMessage(MessageRole.TOOL, "transfer_call(1001)",
				null, null, null, null, null, null)).block();
		this.recorder.record(this.domain, conversation, RecordedMessage.assistant("Transferindo.", null, null, null,
				null, null)).block();

		EndedConversation ended = this.recorder.end(this.domain, call, new EndRequest(null, "transfer", "1001",
				"financeiro", 74, "Pediu o financeiro")).block();

		assertThat(ended.status()).isEqualTo("ended");
		assertThat(ended.finalAction()).isEqualTo("transfer");
		assertThat(ended.durationSeconds()).isEqualTo(74);
		assertThat(ended.totalTurns()).isEqualTo(3);
		assertThat(ended.endTime()).isNotNull();
		assertThat(ended.webhookDeliveryUuid()).isNotNull();
		Map<String, Object> delivery = delivery(conversation);
		assertThat(delivery).containsEntry("voice_webhook_delivery_uuid", ended.webhookDeliveryUuid())
			.containsEntry("delivery_status", "pending")
			.containsEntry("attempts", 0)
			.containsEntry("event_type", "call.ended")
			.containsEntry("target_url", PUBLIC_HOOK);
		JsonNode payload = this.json.readTree((String) delivery.get("payload"));
		assertThat(payload.path("event").asString()).isEqualTo("call.ended");
		assertThat(payload.path("domain_uuid").asString()).isEqualTo(this.domain.toString());
		assertThat(payload.path("conversation_uuid").asString()).isEqualTo(conversation.toString());
		assertThat(payload.path("call_uuid").asString()).isEqualTo(call.toString());
		assertThat(payload.path("caller_id").asString()).isEqualTo("5511999990000");
		assertThat(payload.path("secretary_name").asString()).isEqualTo("Ana");
		assertThat(payload.path("duration_seconds").asInt()).isEqualTo(74);
		assertThat(payload.path("resolution").asString()).isEqualTo("transfer");
		assertThat(payload.path("transferred_to").asString()).isEqualTo("1001");
		assertThat(payload.path("timestamp").asString()).isEqualTo(ended.endTime().toString());
		assertThat(payload.path("transcript")).hasSize(2);
		assertThat(payload.path("transcript").get(0).path("role").asString()).isEqualTo("user");
		assertThat(payload.path("transcript").get(1).path("content").asString()).isEqualTo("Transferindo.");
	}

	@Test
	void theDurationIsMeasuredFromTheStartWhenNotGiven() {
		UUID call = UUID.randomUUID();
		UUID conversation = this.recorder.open(this.domain, call, null, null, null, "turn_based").block();
		this.database.sql("UPDATE v_voice_conversations SET start_time = :start WHERE voice_conversation_uuid = :c")
			.bind("start", Instant.now().minusSeconds(95))
			.bind("c", conversation)
			.then()
			.block();
		assertThat(this.recorder.end(this.domain, call, EndRequest.of("hangup")).block().durationSeconds())
			.isBetween(94, 100);
	}

	@Test
	void endingTwiceOrConcurrentlyQueuesOneWebhookAndKeepsTheFirstOutcome() {
		UUID secretary = this.tenants.secretary(this.domain, "Ana", PUBLIC_HOOK);
		UUID call = UUID.randomUUID();
		UUID conversation = this.recorder.open(this.domain, call, secretary, null, null, "turn_based").block();

		List<EndedConversation> ends = Flux.range(0, 6)
			.flatMap((i) -> this.recorder.end(this.domain, call, EndRequest.of((i % 2 == 0) ? "hangup" : "abandoned"))
				.subscribeOn(Schedulers.parallel()))
			.collectList()
			.block();
		EndedConversation again = this.recorder.end(this.domain, call, EndRequest.of("error")).block();

		assertThat(count("v_voice_webhook_deliveries", "voice_conversation_uuid = '" + conversation + "'")).isEqualTo(1);
		assertThat(ends).extracting(EndedConversation::webhookDeliveryUuid).containsOnly(again.webhookDeliveryUuid());
		assertThat(ends).extracting(EndedConversation::finalAction).containsOnly(again.finalAction());
		assertThat(again.finalAction()).isIn("hangup", "abandoned");
	}

	@Test
	void whenTheOutboxInsertFailsTheEndIsRolledBackToo() {
		UUID secretary = this.tenants.secretary(this.domain, "Ana", "https://203.0.113.66/outbox-fails");
		UUID call = UUID.randomUUID();
		UUID conversation = this.recorder.open(this.domain, call, secretary, null, null, "turn_based").block();
		this.database.sql("""
				CREATE OR REPLACE FUNCTION test_outbox_fails() RETURNS trigger AS $$
				BEGIN
				  IF NEW.target_url LIKE '%outbox-fails%' THEN RAISE EXCEPTION 'outbox insert failed (test)'; END IF;
				  RETURN NEW;
				END $$ LANGUAGE plpgsql""").then().block();
		this.database.sql("CREATE TRIGGER test_outbox_fails BEFORE INSERT ON v_voice_webhook_deliveries "
				+ "FOR EACH ROW EXECUTE FUNCTION test_outbox_fails()").then().block();
		try {
			assertThatThrownBy(() -> this.recorder.end(this.domain, call, EndRequest.of("hangup")).block())
				.hasMessageContaining("outbox insert failed");
			assertThat(status(conversation)).as("the end was rolled back").isEqualTo("active");
			assertThat(count("v_voice_webhook_deliveries", "voice_conversation_uuid = '" + conversation + "'")).isZero();
		}
		finally {
			this.database.sql("DROP TRIGGER test_outbox_fails ON v_voice_webhook_deliveries").then().block();
		}
		assertThat(this.recorder.end(this.domain, call, EndRequest.of("hangup")).block().webhookDeliveryUuid())
			.isNotNull();
		assertThat(status(conversation)).isEqualTo("ended");
		assertThat(count("v_voice_webhook_deliveries", "voice_conversation_uuid = '" + conversation + "'")).isEqualTo(1);
	}

	@Test
	void aSecretaryWithoutWebhookQueuesNothing() {
		UUID secretary = this.tenants.secretary(this.domain, "Ana", " ");
		UUID call = UUID.randomUUID();
		UUID conversation = this.recorder.open(this.domain, call, secretary, null, null, "turn_based").block();
		assertThat(this.recorder.end(this.domain, call, EndRequest.of("hangup")).block().webhookDeliveryUuid()).isNull();
		assertThat(count("v_voice_webhook_deliveries", "voice_conversation_uuid = '" + conversation + "'")).isZero();
	}

	@Test
	void aWebhookToAnInternalAddressIsStoredDeadWithTheReason() {
		UUID secretary = this.tenants.secretary(this.domain, "Ana",
				"http://169.254.169.254/latest/meta-data/iam?token=abc");
		UUID call = UUID.randomUUID();
		UUID conversation = this.recorder.open(this.domain, call, secretary, null, null, "turn_based").block();
		assertThat(this.recorder.end(this.domain, call, EndRequest.of("hangup")).block().status()).isEqualTo("ended");
		Map<String, Object> delivery = delivery(conversation);
		assertThat(delivery).containsEntry("delivery_status", "dead").containsEntry("attempts", 0);
		assertThat((String) delivery.get("last_error")).contains("169.254.169.254")
			.contains("link-local")
			.doesNotContain("token=abc")
			.doesNotContain("meta-data");
	}

	@Test
	void anUnacceptableEndIsRefusedBeforeAnythingIsStored() {
		UUID call = UUID.randomUUID();
		UUID conversation = this.recorder.open(this.domain, call, null, null, null, "turn_based").block();
		assertThatThrownBy(() -> this.recorder.end(this.domain, call, EndRequest.of("Hang Up!")).block())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("final_action");
		assertThatThrownBy(() -> this.recorder.end(this.domain, call,
				new EndRequest(null, "hangup", null, null, -1, null)).block())
			.hasMessageContaining("duration_seconds");
		assertThat(status(conversation)).isEqualTo("active");
	}

	private UUID open(UUID secretary) {
		return this.recorder.open(this.domain, UUID.randomUUID(), secretary, null, null, "turn_based").block();
	}

	private int totalTurns(UUID conversation) {
		return this.database.sql("SELECT total_turns FROM v_voice_conversations WHERE voice_conversation_uuid = :c")
			.bind("c", conversation)
			.map((row, metadata) -> row.get(0, Integer.class))
			.one()
			.block();
	}

	private String status(UUID conversation) {
		return this.database
			.sql("SELECT conversation_status FROM v_voice_conversations WHERE voice_conversation_uuid = :c")
			.bind("c", conversation)
			.map((row, metadata) -> row.get(0, String.class))
			.one()
			.block();
	}

	private Map<String, Object> delivery(UUID conversation) {
		return this.database.sql("SELECT voice_webhook_delivery_uuid, delivery_status, attempts, event_type, "
				+ "target_url, payload::text AS payload, last_error FROM v_voice_webhook_deliveries "
				+ "WHERE voice_conversation_uuid = :c")
			.bind("c", conversation)
			.fetch()
			.one()
			.block();
	}

	private long count(String table, String condition) {
		return this.database.sql("SELECT count(*) FROM " + table + " WHERE " + condition)
			.map((row, metadata) -> row.get(0, Long.class))
			.one()
			.block();
	}

}
