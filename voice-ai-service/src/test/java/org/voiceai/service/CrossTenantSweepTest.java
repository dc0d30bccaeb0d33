package org.voiceai.service;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Wav;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderDraft;
import org.voiceai.providers.manager.ProviderRowRepository;
import org.voiceai.service.documents.KnowledgeApi;
import org.voiceai.service.documents.KnowledgeBaseTest;
import org.voiceai.tenant.DomainId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint under {@code /api/v1}, called with domain B's token and header against domain A's secretary,
 * conversation, call, document and speech: nothing of A is read, listed, spoken, chatted as, ended or deleted. The
 * endpoints are taken from the running application's request mappings, so an endpoint added without a check here
 * fails this test.
 */
@KnowledgeBaseTest
class CrossTenantSweepTest {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final FakeOpenAi openAi = new FakeOpenAi();

	private static final String SECRET = "Meu CPF é 123.456.789-00";

	private static final String DOCUMENT = "A senha do cofre da Clínica Aurora é girassol-azul-7781. O cofre fica "
			+ "na sala dos fundos, atrás do quadro do farol.";

	@Autowired
	WebTestClient anonymous;

	@Autowired
	DatabaseClient database;

	@Autowired
	ProviderRowRepository providers;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@AfterAll
	static void stopFake() {
		openAi.close();
	}

	@Test
	void domainBCanReachNothingOfDomainAThroughAnyEndpoint() {
		KnowledgeApi a = KnowledgeApi.newDomain(this.anonymous, this.database);
		KnowledgeApi b = KnowledgeApi.newDomain(this.anonymous, this.database);
		DomainId domainA = new DomainId(a.domain());
		DomainId domainB = new DomainId(b.domain());
		TestTenants tenants = new TestTenants(this.database);
		UUID secretaryA = tenants.secretary(domainA, "Ana of A", null);
		UUID secretaryB = tenants.secretary(domainB, "Bia of B", null);
		providers(domainA);
		providers(domainB);
		Map<String, Object> elevenLabs = new LinkedHashMap<>();
		elevenLabs.put("api_key", "sk-only-a");
		elevenLabs.put("base_url", openAi.baseUrl());
		this.providers.insert(domainA, new ProviderDraft(ProviderType.TTS, "elevenlabs", "Only in A", elevenLabs,
				false, 5, true)).block();

		// Domain A's things: a conversation with a secret in it, a document, cached speech.
		UUID callA = UUID.randomUUID();
		openAi.script("", List.of("Anotado."), 1);
		chat(a.http(), callA, secretaryA, SECRET).expectStatus().isOk();
		UUID conversationA = this.database
			.sql("SELECT voice_conversation_uuid FROM v_voice_conversations WHERE domain_uuid = :d AND call_uuid = :c")
			.bind("d", domainA.value())
			.bind("c", callA)
			.map((row, metadata) -> row.get(0, UUID.class))
			.one()
			.block();
		UUID documentA = a.uploadNew("cofre.txt", DOCUMENT.getBytes());
		a.awaitReady(documentA);
		assertThat(a.search("Qual é a senha do cofre?")).isNotEmpty();
		String audioA = (String) a.http().post().uri("/api/v1/synthesize")
			.bodyValue(Map.of("text", "Bom dia, Clínica Aurora.", "secretary_uuid", secretaryA.toString()))
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("audio_file");
		String wav = Base64.getEncoder().encodeToString(wav());
		WebTestClient asB = b.http();

		Map<String, Runnable> checks = new LinkedHashMap<>();
		checks.put("POST /api/v1/chat", () -> {
			chat(asB, UUID.randomUUID(), secretaryA, "Oi").expectStatus().isNotFound();
			chat(asB, callA, secretaryA, "Oi").expectStatus().isNotFound();
			// B's own secretary on A's call UUID: B's own conversation, without A's history.
			openAi.script("", List.of("Olá!"), 1);
			chat(asB, callA, secretaryB, "O que eu disse antes?").expectStatus().isOk();
			assertThat(openAi.chatRequests()).hasSize(1).noneMatch((body) -> body.contains("123.456.789-00"));
			body(asB, "/api/v1/chat", Map.of("domain_uuid", domainA.toString(), "session_id", callA.toString(),
					"secretary_uuid", secretaryA.toString(), "user_message", "Oi")).expectStatus().isBadRequest();
		});
		checks.put("POST /api/v1/transcribe application/json", () -> {
			body(asB, "/api/v1/transcribe", Map.of("audio_base64", wav, "secretary_uuid", secretaryA.toString()))
				.expectStatus().isNotFound();
			body(asB, "/api/v1/transcribe", Map.of("audio_base64", wav, "domain_uuid", domainA.toString()))
				.expectStatus().isBadRequest();
		});
		checks.put("POST /api/v1/transcribe multipart/form-data", () -> multipart(asB, "/api/v1/transcribe",
				Map.of("secretary_uuid", secretaryA.toString())).expectStatus().isNotFound());
		checks.put("GET /api/v1/providers/{type}/resolve", () -> {
			asB.get().uri("/api/v1/providers/tts/resolve?name=elevenlabs").exchange().expectStatus().isEqualTo(503)
				.expectBody(String.class).value((text) -> assertThat(text).doesNotContain("Only in A"));
			asB.get().uri("/api/v1/providers/tts/resolve").exchange().expectStatus().isOk()
				.expectBody(String.class).value((text) -> assertThat(text).doesNotContain("Only in A"));
		});
		checks.put("POST /api/v1/synthesize", () -> {
			body(asB, "/api/v1/synthesize", Map.of("text", "Oi", "secretary_uuid", secretaryA.toString()))
				.expectStatus().isNotFound();
			// The same phrase in B is B's own rendering, never A's cached file.
			String audioB = (String) body(asB, "/api/v1/synthesize", Map.of("text", "Bom dia, Clínica Aurora."))
				.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("audio_file");
			assertThat(audioB).isNotEqualTo(audioA).contains(domainB.toString()).doesNotContain(domainA.toString());
		});
		checks.put("GET /api/v1/tts/voices", () -> asB.get().uri("/api/v1/tts/voices?provider=elevenlabs").exchange()
			.expectStatus().isEqualTo(503));
		checks.put("POST /api/v1/secretaries/{secretary}/warm", () -> asB.post()
			.uri("/api/v1/secretaries/" + secretaryA + "/warm").exchange().expectStatus().isNotFound());
		checks.put("POST /api/v1/turn application/json", () -> {
			openAi.script("Oi", List.of("Olá!"), 1);
			body(asB, "/api/v1/turn", Map.of("session_id", callA.toString(), "secretary_uuid", secretaryA.toString(),
					"audio_base64", wav)).expectStatus().isNotFound();
			assertThat(openAi.events()).isEmpty();
		});
		checks.put("POST /api/v1/turn multipart/form-data", () -> {
			openAi.script("Oi", List.of("Olá!"), 1);
			multipart(asB, "/api/v1/turn", Map.of("session_id", callA.toString(), "secretary_uuid",
					secretaryA.toString())).expectStatus().isNotFound();
			assertThat(openAi.events()).isEmpty();
		});
		checks.put("GET /api/v1/conversations", () -> {
			for (String query : List.of("", "?secretary_uuid=" + secretaryA)) {
				asB.get().uri("/api/v1/conversations" + query).exchange().expectStatus().isOk()
					.expectBody(String.class).value((text) -> assertThat(text).doesNotContain(conversationA.toString())
						.doesNotContain("123.456.789-00"));
			}
		});
		checks.put("GET /api/v1/conversations/{uuid}", () -> asB.get().uri("/api/v1/conversations/" + conversationA)
			.exchange().expectStatus().isNotFound());
		checks.put("POST /api/v1/conversations/{call_uuid}/end", () -> {
			// B has its own conversation on this call UUID (see /chat): ending it must leave A's open.
			body(asB, "/api/v1/conversations/" + callA + "/end", Map.of("final_action", "hangup")).expectStatus()
				.isOk();
			body(asB, "/api/v1/conversations/" + UUID.randomUUID() + "/end", Map.of("final_action", "hangup"))
				.expectStatus().isNotFound();
			assertThat(a.http().get().uri("/api/v1/conversations/" + conversationA).exchange().expectStatus().isOk()
				.expectBody(JSON).returnResult().getResponseBody().get("final_action")).isNull();
		});
		checks.put("PUT /api/v1/conversations/{call_uuid}", () -> {
			// B cannot open a conversation as A's secretary, on A's call or any other.
			put(asB, "/api/v1/conversations/" + callA, Map.of("secretary_uuid", secretaryA.toString())).expectStatus()
				.isNotFound();
			put(asB, "/api/v1/conversations/" + UUID.randomUUID(), Map.of("secretary_uuid", secretaryA.toString()))
				.expectStatus().isNotFound();
		});
		checks.put("POST /api/v1/conversations/{call_uuid}/messages", () -> {
			// Neither as A's secretary nor into A's conversation through B's own secretary.
			body(asB, "/api/v1/conversations/" + callA + "/messages", Map.of("secretary_uuid", secretaryA.toString(),
					"role", "user", "content", "injected")).expectStatus().isNotFound();
			body(asB, "/api/v1/conversations/" + callA + "/messages", Map.of("secretary_uuid", secretaryB.toString(),
					"role", "user", "content", "injected")).expectStatus().isCreated();
			// A's message UUID as B's idempotency key, even with A's words: a conflict that reveals nothing of A's.
			UUID messageA = this.database
				.sql("SELECT voice_message_uuid FROM v_voice_messages WHERE domain_uuid = :d AND role = 'user'")
				.bind("d", domainA.value())
				.map((row, metadata) -> row.get(0, UUID.class))
				.one()
				.block();
			body(asB, "/api/v1/conversations/" + callA + "/messages", Map.of("secretary_uuid", secretaryB.toString(),
					"role", "user", "content", SECRET, "message_uuid", messageA.toString()))
				.expectStatus().isEqualTo(409)
				.expectBody(String.class).value((text) -> assertThat(text).doesNotContain("123.456.789-00")
					.doesNotContain(domainA.toString()).doesNotContain(conversationA.toString()));
			assertThat(a.http().get().uri("/api/v1/conversations/" + conversationA).exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody()).doesNotContain("injected");
		});
		checks.put("GET /api/v1/knowledge/search", () -> {
			assertThat(b.search("Qual é a senha do cofre?")).isEmpty();
			asB.get().uri("/api/v1/knowledge/search?q=senha do cofre&secretary_uuid=" + secretaryA).exchange()
				.expectBody(String.class).value((text) -> assertThat(text).doesNotContain("girassol"));
		});
		checks.put("POST /api/v1/documents multipart/form-data", () -> {
			b.upload("cofre.txt", DOCUMENT.getBytes(), null, secretaryA).expectStatus().isBadRequest();
			// The same content in B is B's own document, not a pointer to A's.
			UUID documentB = b.uploadNew("cofre.txt", DOCUMENT.getBytes());
			assertThat(documentB).isNotEqualTo(documentA);
		});
		checks.put("POST /api/v1/documents application/json", () -> body(asB, "/api/v1/documents",
				Map.of("content", "Texto de B", "secretary_uuid", secretaryA.toString())).expectStatus().isBadRequest());
		checks.put("GET /api/v1/documents", () -> asB.get().uri("/api/v1/documents").exchange().expectStatus().isOk()
			.expectBody(String.class).value((text) -> assertThat(text).doesNotContain(documentA.toString())));
		checks.put("GET /api/v1/documents/{id}", () -> asB.get().uri("/api/v1/documents/" + documentA).exchange()
			.expectStatus().isNotFound());
		checks.put("GET /api/v1/documents/{id}/chunks", () -> asB.get().uri("/api/v1/documents/" + documentA + "/chunks")
			.exchange().expectStatus().isNotFound());
		checks.put("POST /api/v1/documents/{id}/reprocess", () -> asB.post()
			.uri("/api/v1/documents/" + documentA + "/reprocess").exchange().expectStatus().isNotFound());
		checks.put("DELETE /api/v1/documents/{id}", () -> asB.delete().uri("/api/v1/documents/" + documentA)
			.exchange().expectStatus().isNotFound());

		assertThat(checks.keySet()).as("every /api/v1 endpoint has a cross-tenant check")
			.containsExactlyInAnyOrderElementsOf(apiEndpoints());
		List<String> failures = new ArrayList<>();
		checks.forEach((endpoint, check) -> {
			try {
				check.run();
			}
			catch (AssertionError ex) {
				failures.add(endpoint + ": " + ex.getMessage());
			}
		});
		assertThat(failures).isEmpty();

		// A's things are all still there, untouched.
		assertThat(a.document(documentA).get("status")).isEqualTo("ready");
		assertThat(a.search("Qual é a senha do cofre?")).isNotEmpty();
		List<?> messages = (List<?>) a.http().get().uri("/api/v1/conversations/" + conversationA).exchange()
			.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("messages");
		assertThat(messages).hasSize(2);
		assertThat(messages.toString()).contains("123.456.789-00").doesNotContain("injected");
	}

	/** "METHOD /pattern [consumes]" of every handler under /api/v1, as the application maps them. */
	private Set<String> apiEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			info.getPatternsCondition().getPatterns().stream()
				.map(Object::toString)
				.filter((pattern) -> pattern.startsWith("/api/v1/"))
				.forEach((pattern) -> info.getMethodsCondition().getMethods().forEach((method) -> {
					Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
					endpoints.add(method + " " + pattern + (consumes.isEmpty() ? ""
							: " " + consumes.stream().map(MediaType::toString).sorted().reduce((x, y) -> x + "," + y)
								.orElseThrow()));
				}));
		}
		assertThat(endpoints).as("request mappings found").hasSizeGreaterThan(15);
		return endpoints;
	}

	private void providers(DomainId domain) {
		for (Map.Entry<ProviderType<?>, String> provider : Map.<ProviderType<?>, String>of(ProviderType.STT,
				"whisper_api", ProviderType.LLM, "openai", ProviderType.TTS, "openai_tts").entrySet()) {
			Map<String, Object> config = new LinkedHashMap<>();
			config.put("api_key", "sk-test");
			config.put("base_url", openAi.baseUrl());
			config.put("model", "gpt-4o-mini");
			this.providers.insert(domain, new ProviderDraft(provider.getKey(), provider.getValue(), provider.getValue(),
					config, true, 0, true)).block();
		}
	}

	private static WebTestClient.ResponseSpec chat(WebTestClient http, UUID call, UUID secretary, String message) {
		return body(http, "/api/v1/chat", Map.of("session_id", call.toString(), "secretary_uuid", secretary.toString(),
				"user_message", message));
	}

	private static WebTestClient.ResponseSpec body(WebTestClient http, String path, Map<String, ?> body) {
		return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private static WebTestClient.ResponseSpec put(WebTestClient http, String path, Map<String, ?> body) {
		return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private static WebTestClient.ResponseSpec multipart(WebTestClient http, String path, Map<String, String> parts) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", wav()).filename("utterance.wav").contentType(MediaType.parseMediaType("audio/wav"));
		parts.forEach(body::part);
		return http.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build())).exchange();
	}

	private static byte[] wav() {
		return Wav.write(AudioFormat.PCM16_8K, new byte[1600]);
	}

}
