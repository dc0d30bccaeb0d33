package org.voiceai.service.conversations;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.voiceai.service.TestTenants;
import org.voiceai.service.tenant.TenantWebFilter;
import org.voiceai.tenant.DomainId;
import org.voiceai.testing.EmbeddedDefaults;

import static org.assertj.core.api.Assertions.assertThat;

/** The conversations API over real HTTP: end, list with paging and filters, detail, and tenant isolation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@EmbeddedDefaults
@TestPropertySource(properties = "voice-ai.webhooks.dispatch=false")
class ConversationControllerTest {

	@Autowired
	WebTestClient anonymous;

	@Autowired
	ConversationRecorder recorder;

	@Autowired
	DatabaseClient database;

	TestTenants tenants;

	DomainId domain;

	@BeforeEach
	void newDomain() {
		this.tenants = new TestTenants(this.database);
		this.domain = this.tenants.domain();
	}

	@Test
	void aCallIsEndedOverHttpAndReadBackWithItsMessagesInOrder() {
		UUID secretary = this.tenants.secretary(this.domain, "Ana", ConversationRecorderTest.PUBLIC_HOOK);
		UUID call = UUID.randomUUID();
		UUID conversation = this.recorder.open(this.domain, call, secretary, "5511999990000", "Maria", "turn_based")
			.block();
		this.recorder.record(this.domain, conversation, RecordedMessage.user("Bom dia", 1200, "deepgram",
				new TurnLatency(150, null, null, null, 150))).block();
		this.recorder.record(this.domain, conversation, RecordedMessage.assistant("Bom dia! Como posso ajudar?", null,
				List.of(new RagSource("horarios.pdf", 1, 0.91)), 31, new StageProviders(null, "openai", "piper"),
				new TurnLatency(null, 8, 300, 80, 400))).block();

		as(this.domain).post().uri("/api/v1/conversations/{call}/end", call)
			.bodyValue("""
					{"domain_uuid": "%s", "final_action": "hangup", "duration_seconds": 42}""".formatted(this.domain))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.conversation_uuid").isEqualTo(conversation.toString())
			.jsonPath("$.call_uuid").isEqualTo(call.toString())
			.jsonPath("$.status").isEqualTo("ended")
			.jsonPath("$.final_action").isEqualTo("hangup")
			.jsonPath("$.duration_seconds").isEqualTo(42)
			.jsonPath("$.total_turns").isEqualTo(2)
			.jsonPath("$.webhook_delivery_uuid").isNotEmpty();

		as(this.domain).get().uri("/api/v1/conversations/{uuid}", conversation).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.conversation.secretary_name").isEqualTo("Ana")
			.jsonPath("$.conversation.caller_id_number").isEqualTo("5511999990000")
			.jsonPath("$.conversation.final_action").isEqualTo("hangup")
			.jsonPath("$.messages.length()").isEqualTo(2)
			.jsonPath("$.messages[0].turn_number").isEqualTo(1)
			.jsonPath("$.messages[0].role").isEqualTo("user")
			.jsonPath("$.messages[0].audio_duration_ms").isEqualTo(1200)
			.jsonPath("$.messages[0].providers.stt").isEqualTo("deepgram")
			.jsonPath("$.messages[0].latency.stt_ms").isEqualTo(150)
			.jsonPath("$.messages[0].rag_sources.length()").isEqualTo(0)
			.jsonPath("$.messages[1].turn_number").isEqualTo(2)
			.jsonPath("$.messages[1].content").isEqualTo("Bom dia! Como posso ajudar?")
			.jsonPath("$.messages[1].latency.llm_ms").isEqualTo(300)
			.jsonPath("$.messages[1].latency.total_ms").isEqualTo(400)
			.jsonPath("$.messages[1].rag_sources[0].document").isEqualTo("horarios.pdf")
			.jsonPath("$.messages[1].rag_sources[0].page").isEqualTo(1)
			.jsonPath("$.messages[1].tokens_used").isEqualTo(31);

		// A repeated end (Lua retrying after a timeout) answers the same and changes nothing.
		as(this.domain).post().uri("/api/v1/conversations/{call}/end", call)
			.bodyValue("{\"final_action\": \"error\"}")
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.final_action").isEqualTo("hangup");
	}

	@Test
	void utterancesReportedByTheRealtimeBridgeOpenTheConversationAndAreStoredInOrder() {
		UUID secretary = this.tenants.secretary(this.domain, "Ana", null);
		UUID call = UUID.randomUUID();
		String opened = as(this.domain).put().uri("/api/v1/conversations/{call}", call)
			.bodyValue("""
					{"secretary_uuid": "%s", "caller_id_number": "5511988887777"}""".formatted(secretary))
			.exchange()
			.expectStatus().isOk()
			.expectBody(OpenedConversation.class)
			.returnResult()
			.getResponseBody()
			.conversationUuid()
			.toString();
		as(this.domain).post().uri("/api/v1/conversations/{call}/messages", call)
			.bodyValue("""
					{"secretary_uuid": "%s", "role": "user", "content": "Qual o horário?",
					 "provider": "openai_realtime", "caller_id_number": "5511988887777"}""".formatted(secretary))
			.exchange()
			.expectStatus().isCreated()
			.expectBody()
			.jsonPath("$.turn_number").isEqualTo(1);
		String conversation = conversationOf(call);
		assertThat(conversation).isEqualTo(opened);
		as(this.domain).post().uri("/api/v1/conversations/{call}/messages", call)
			.bodyValue("""
					{"secretary_uuid": "%s", "role": "system",
					 "content": "Realtime provider switched from openai_realtime to gemini: connection lost"}"""
				.formatted(secretary))
			.exchange()
			.expectStatus().isCreated();
		as(this.domain).post().uri("/api/v1/conversations/{call}/messages", call)
			.bodyValue("""
					{"secretary_uuid": "%s", "role": "assistant", "content": "Das 8h às 18h.", "provider": "gemini"}"""
				.formatted(secretary))
			.exchange()
			.expectStatus().isCreated()
			.expectBody()
			.jsonPath("$.conversation_uuid").isEqualTo(conversation)
			.jsonPath("$.turn_number").isEqualTo(3);

		as(this.domain).get().uri("/api/v1/conversations/{uuid}", conversation).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.conversation.processing_mode").isEqualTo("realtime")
			.jsonPath("$.conversation.caller_id_number").isEqualTo("5511988887777")
			.jsonPath("$.messages[0].role").isEqualTo("user")
			.jsonPath("$.messages[0].content").isEqualTo("Qual o horário?")
			.jsonPath("$.messages[0].providers.stt").isEqualTo("openai_realtime")
			.jsonPath("$.messages[1].role").isEqualTo("system")
			.jsonPath("$.messages[1].content")
			.isEqualTo("Realtime provider switched from openai_realtime to gemini: connection lost")
			.jsonPath("$.messages[2].role").isEqualTo("assistant")
			.jsonPath("$.messages[2].providers.llm").isEqualTo("gemini")
			.jsonPath("$.messages[2].providers.tts").isEqualTo("gemini");
	}

	@Test
	void anUtteranceForAnotherDomainsSecretaryOrWithABadRoleIsRefused() {
		DomainId other = this.tenants.domain();
		UUID foreign = this.tenants.secretary(other, "Zoe", null);
		UUID call = UUID.randomUUID();
		as(this.domain).post().uri("/api/v1/conversations/{call}/messages", call)
			.bodyValue("{\"secretary_uuid\": \"%s\", \"role\": \"user\", \"content\": \"oi\"}".formatted(foreign))
			.exchange()
			.expectStatus().isNotFound();
		UUID own = this.tenants.secretary(this.domain, "Ana", null);
		as(this.domain).post().uri("/api/v1/conversations/{call}/messages", call)
			.bodyValue("{\"secretary_uuid\": \"%s\", \"role\": \"tool\", \"content\": \"oi\"}".formatted(own))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").isEqualTo("role must be user, assistant or system");
		assertThat(this.database.sql("SELECT count(*) FROM v_voice_conversations WHERE call_uuid = :call")
			.bind("call", call).map((row, metadata) -> row.get(0, Long.class)).one().block()).isZero();
	}

	@Test
	void aMessageRepeatedWithItsMessageUuidIsStoredOnceAndAnswersItsTurnAgain() {
		UUID secretary = this.tenants.secretary(this.domain, "Ana", null);
		UUID call = UUID.randomUUID();
		UUID first = UUID.randomUUID();
		// The bridge's retry after a lost answer: the same body, message_uuid included.
		for (int attempt = 0; attempt < 2; attempt++) {
			postMessage(call, secretary, first, "user", "Qual o horário?").expectStatus().isCreated()
				.expectBody().jsonPath("$.turn_number").isEqualTo(1);
		}
		UUID second = UUID.randomUUID();
		postMessage(call, secretary, second, "assistant", "Das 8h às 18h.").expectStatus().isCreated()
			.expectBody().jsonPath("$.turn_number").isEqualTo(2);
		postMessage(call, secretary, first, "user", "Qual o horário?").expectStatus().isCreated()
			.expectBody().jsonPath("$.turn_number").isEqualTo(1);
		// Without message_uuid every request is a new message, as before.
		for (int turn = 3; turn <= 4; turn++) {
			postMessage(call, secretary, null, "user", "Obrigado").expectStatus().isCreated()
				.expectBody().jsonPath("$.turn_number").isEqualTo(turn);
		}

		String conversation = conversationOf(call);
		assertThat(totalTurns(UUID.fromString(conversation))).isEqualTo(4);
		as(this.domain).get().uri("/api/v1/conversations/{uuid}", conversation).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.messages.length()").isEqualTo(4)
			.jsonPath("$.messages[0].message_uuid").isEqualTo(first.toString())
			.jsonPath("$.messages[0].content").isEqualTo("Qual o horário?")
			.jsonPath("$.messages[1].message_uuid").isEqualTo(second.toString())
			.jsonPath("$.messages[2].content").isEqualTo("Obrigado")
			.jsonPath("$.messages[3].content").isEqualTo("Obrigado");
	}

	@Test
	void aMessageUuidReusedForAnotherMessageIsAConflict() {
		UUID secretary = this.tenants.secretary(this.domain, "Ana", null);
		UUID call = UUID.randomUUID();
		UUID used = UUID.randomUUID();
		postMessage(call, secretary, used, "user", "Qual o horário?").expectStatus().isCreated();
		postMessage(call, secretary, used, "user", "Onde fica?").expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("https://voice-ai.org/problems/message-uuid-conflict");
		postMessage(call, secretary, used, "assistant", "Qual o horário?").expectStatus().isEqualTo(409);
		// Another call of the same domain.
		postMessage(UUID.randomUUID(), secretary, used, "user", "Qual o horário?").expectStatus().isEqualTo(409);
		assertThat(totalTurns(UUID.fromString(conversationOf(call)))).isEqualTo(1);
		assertThat(count("voice_message_uuid = '" + used + "'")).isEqualTo(1);
	}

	@Test
	void aMessageUuidOfAnotherDomainIsAConflictThatLeavesItsMessageAlone() {
		DomainId other = this.tenants.domain();
		UUID otherSecretary = this.tenants.secretary(other, "Zoe", null);
		UUID otherConversation = this.recorder.open(other, UUID.randomUUID(), otherSecretary, null, null, "realtime")
			.block();
		UUID foreign = UUID.randomUUID();
		this.recorder.record(other, otherConversation, foreign, RecordedMessage.user("segredo de Zoe", null, null,
				null)).block();
		String before = messageRow(foreign);

		UUID secretary = this.tenants.secretary(this.domain, "Ana", null);
		UUID call = UUID.randomUUID();
		String refused = postMessage(call, secretary, foreign, "user", "segredo de Zoe").expectStatus().isEqualTo(409)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(refused).contains("message-uuid-conflict")
			.doesNotContain("segredo")
			.doesNotContain(other.toString())
			.doesNotContain(otherConversation.toString());

		assertThat(messageRow(foreign)).isEqualTo(before);
		assertThat(totalTurns(otherConversation)).isEqualTo(1);
		assertThat(totalTurns(UUID.fromString(conversationOf(call)))).isZero();
		assertThat(count("domain_uuid = '" + this.domain + "'")).isZero();
	}

	@Test
	void concurrentRepeatsOfAMessageStoreItOnce() {
		UUID secretary = this.tenants.secretary(this.domain, "Ana", null);
		UUID call = UUID.randomUUID();
		int rounds = 5;
		for (int round = 1; round <= rounds; round++) {
			UUID message = UUID.randomUUID();
			String content = "mensagem " + round;
			List<Integer> turns = Flux.range(0, 4)
				.flatMap((attempt) -> Mono.fromCallable(() -> postMessage(call, secretary, message, "user", content)
					.expectStatus().isCreated()
					.expectBody(AppendedMessage.class)
					.returnResult()
					.getResponseBody()
					.turnNumber()).subscribeOn(Schedulers.boundedElastic()))
				.collectList()
				.block();
			assertThat(turns).as("round %d", round).hasSize(4).containsOnly(round);
			assertThat(count("voice_message_uuid = '" + message + "'")).isEqualTo(1);
		}
		assertThat(totalTurns(UUID.fromString(conversationOf(call)))).isEqualTo(rounds);
		assertThat(count("domain_uuid = '" + this.domain + "'")).isEqualTo(rounds);
	}

	private WebTestClient.ResponseSpec postMessage(UUID call, UUID secretary, UUID messageUuid, String role,
			String content) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("secretary_uuid", secretary);
		body.put("role", role);
		body.put("content", content);
		if (messageUuid != null) {
			body.put("message_uuid", messageUuid);
		}
		return as(this.domain).post().uri("/api/v1/conversations/{call}/messages", call).bodyValue(body).exchange();
	}

	private int totalTurns(UUID conversation) {
		return this.database.sql("SELECT total_turns FROM v_voice_conversations WHERE voice_conversation_uuid = :c")
			.bind("c", conversation)
			.map((row, metadata) -> row.get(0, Integer.class))
			.one()
			.block();
	}

	private long count(String condition) {
		return this.database.sql("SELECT count(*) FROM v_voice_messages WHERE " + condition)
			.map((row, metadata) -> row.get(0, Long.class))
			.one()
			.block();
	}

	/** Every column of the message, as text, to tell whether anything of it changed. */
	private String messageRow(UUID message) {
		return this.database.sql("SELECT m::text FROM v_voice_messages m WHERE voice_message_uuid = :m")
			.bind("m", message)
			.map((row, metadata) -> row.get(0, String.class))
			.one()
			.block();
	}

	private String conversationOf(UUID call) {
		return this.database.sql("SELECT voice_conversation_uuid FROM v_voice_conversations WHERE domain_uuid = :d "
				+ "AND call_uuid = :call")
			.bind("d", this.domain.value())
			.bind("call", call)
			.map((row, metadata) -> row.get(0, UUID.class).toString())
			.one()
			.block();
	}

	@Test
	void theListIsPagedNewestFirstAndFiltersBySecretaryActionAndDate() {
		UUID ana = this.tenants.secretary(this.domain, "Ana", null);
		UUID bia = this.tenants.secretary(this.domain, "Bia", null);
		UUID c1 = conversation(ana, "2026-03-01T10:00:00Z", "transfer");
		UUID c2 = conversation(bia, "2026-03-02T10:00:00Z", "hangup");
		UUID c3 = conversation(ana, "2026-03-03T10:00:00Z", "hangup");
		UUID c4 = conversation(bia, "2026-03-04T10:00:00Z", "transfer");
		UUID c5 = conversation(ana, "2026-03-05T10:00:00Z", null);

		assertThat(page("page=0&size=2")).containsExactly(c5, c4);
		assertThat(page("page=1&size=2")).containsExactly(c3, c2);
		assertThat(page("page=2&size=2")).containsExactly(c1);
		assertThat(page("page=3&size=2")).isEmpty();
		as(this.domain).get().uri("/api/v1/conversations?page=1&size=2").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.total").isEqualTo(5)
			.jsonPath("$.page").isEqualTo(1)
			.jsonPath("$.size").isEqualTo(2)
			.jsonPath("$.items[0].secretary_name").isEqualTo("Ana");

		assertThat(page("secretary_uuid=" + ana)).containsExactly(c5, c3, c1);
		assertThat(page("final_action=transfer")).containsExactly(c4, c1);
		assertThat(page("secretary_uuid=" + bia + "&final_action=hangup")).containsExactly(c2);
		assertThat(page("from=2026-03-02&to=2026-03-04")).containsExactly(c4, c3, c2);
		assertThat(page("from=2026-03-02T10:00:00Z&to=2026-03-04T10:00:00Z")).containsExactly(c3, c2);
		assertThat(page("from=2026-03-03T07:00:00-03:00")).containsExactly(c5, c4, c3);
		as(this.domain).get().uri("/api/v1/conversations?final_action=transfer&size=1").exchange()
			.expectBody().jsonPath("$.total").isEqualTo(2);
	}

	@Test
	void badListParametersAreBadRequests() {
		as(this.domain).get().uri("/api/v1/conversations?size=101").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").value((detail) -> assertThat((String) detail).contains("100"));
		as(this.domain).get().uri("/api/v1/conversations?page=-1").exchange().expectStatus().isBadRequest();
		as(this.domain).get().uri("/api/v1/conversations?from=yesterday").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").value((detail) -> assertThat((String) detail).startsWith("from is not"));
		as(this.domain).get().uri("/api/v1/conversations?from=2026-03-05&to=2026-03-01").exchange()
			.expectStatus().isBadRequest();
		as(this.domain).get().uri("/api/v1/conversations?secretary_uuid=nope").exchange().expectStatus().isBadRequest();
	}

	@Test
	void anotherDomainCanNeitherListNorReadNorEndAConversation() {
		UUID secretary = this.tenants.secretary(this.domain, "Ana", ConversationRecorderTest.PUBLIC_HOOK);
		UUID call = UUID.randomUUID();
		UUID conversation = this.recorder.open(this.domain, call, secretary, "5511999990000", null, "turn_based")
			.block();
		this.recorder.record(this.domain, conversation, RecordedMessage.user("segredo", null, null, null)).block();
		DomainId other = this.tenants.domain();

		as(other).get().uri("/api/v1/conversations").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.total").isEqualTo(0).jsonPath("$.items.length()").isEqualTo(0);
		as(other).get().uri("/api/v1/conversations?secretary_uuid=" + secretary).exchange()
			.expectBody().jsonPath("$.total").isEqualTo(0);
		String read = as(other).get().uri("/api/v1/conversations/{uuid}", conversation).exchange()
			.expectStatus().isNotFound()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(read).contains("conversation-not-found").doesNotContain("segredo").doesNotContain("5511999990000");
		as(other).post().uri("/api/v1/conversations/{call}/end", call).bodyValue("{\"final_action\": \"hangup\"}")
			.exchange()
			.expectStatus().isNotFound();
		// Naming the victim's domain in the body does not help either.
		as(other).post().uri("/api/v1/conversations/{call}/end", call)
			.bodyValue("{\"domain_uuid\": \"%s\", \"final_action\": \"hangup\"}".formatted(this.domain))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").value((detail) -> assertThat((String) detail).contains("differs"));

		as(this.domain).get().uri("/api/v1/conversations/{uuid}", conversation).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.conversation.status").isEqualTo("active");
		assertThat(this.database.sql("SELECT count(*) FROM v_voice_webhook_deliveries WHERE voice_conversation_uuid = :c")
			.bind("c", conversation)
			.map((row, metadata) -> row.get(0, Long.class))
			.one()
			.block()).isZero();
	}

	@Test
	void endingAnUnknownCallOrWithABadBodyIsRefused() {
		as(this.domain).post().uri("/api/v1/conversations/{call}/end", UUID.randomUUID())
			.bodyValue("{\"final_action\": \"hangup\"}")
			.exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.type").isEqualTo("https://voice-ai.org/problems/conversation-not-found");
		UUID call = UUID.randomUUID();
		this.recorder.open(this.domain, call, null, null, null, "turn_based").block();
		as(this.domain).post().uri("/api/v1/conversations/{call}/end", call).bodyValue("{}").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").value((detail) -> assertThat((String) detail).contains("final_action"));
		this.anonymous.post().uri("/api/v1/conversations/{call}/end", call)
			.header(TenantWebFilter.DOMAIN_HEADER, this.domain.toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"final_action\": \"hangup\"}")
			.exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void theOpenApiDocumentDescribesTheEndpoints() {
		// Generating the document the first time is slow on a small machine.
		WebTestClient patient = this.anonymous;
		patient.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.paths['/api/v1/conversations'].get").exists()
			.jsonPath("$.paths['/api/v1/conversations/{uuid}'].get").exists()
			.jsonPath("$.paths['/api/v1/conversations/{call_uuid}/end'].post").exists()
			.jsonPath("$.paths['/api/v1/conversations/{call_uuid}/messages'].post.responses['409']").exists()
			.jsonPath("$.components.schemas.AppendMessageRequest.properties.message_uuid.format").isEqualTo("uuid")
			.jsonPath("$.components.schemas.EndRequest.properties.final_action.example").isEqualTo("transfer");
	}

	private UUID conversation(UUID secretary, String start, String finalAction) {
		UUID call = UUID.randomUUID();
		UUID conversation = this.recorder.open(this.domain, call, secretary, null, null, "turn_based").block();
		this.database.sql("UPDATE v_voice_conversations SET start_time = :start WHERE voice_conversation_uuid = :c")
			.bind("start", Instant.parse(start))
			.bind("c", conversation)
			.then()
			.block();
		if (finalAction != null) {
			this.recorder.end(this.domain, call, EndRequest.of(finalAction)).block();
		}
		return conversation;
	}

	private List<UUID> page(String query) {
		return as(this.domain).get().uri("/api/v1/conversations?" + query).exchange()
			.expectStatus().isOk()
			.expectBody(ConversationPage.class)
			.returnResult()
			.getResponseBody()
			.items()
			.stream()
			.map(ConversationSummary::conversationUuid)
			.toList();
	}

	private WebTestClient as(DomainId domain) {
		return this.anonymous.mutate()
			.defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + EmbeddedDefaults.SERVICE_TOKEN)
			.defaultHeader(TenantWebFilter.DOMAIN_HEADER, domain.toString())
			.build();
	}

}
