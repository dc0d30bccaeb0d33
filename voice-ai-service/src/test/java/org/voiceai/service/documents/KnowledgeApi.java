package org.voiceai.service.documents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import org.voiceai.testing.EmbeddedDefaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The document and knowledge API as a test drives it: one client per domain, with the service token. */
public final class KnowledgeApi {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final WebTestClient http;

	private final UUID domain;

	private KnowledgeApi(WebTestClient http, UUID domain) {
		this.http = http;
		this.domain = domain;
	}

	/** A new, enabled FusionPBX domain and a client acting for it. */
	public static KnowledgeApi newDomain(WebTestClient http, DatabaseClient database) {
		UUID domain = UUID.randomUUID();
		database.sql("INSERT INTO v_domains (domain_uuid, domain_name) VALUES (:id, :name)")
			.bind("id", domain)
			.bind("name", domain + ".test")
			.then()
			.block();
		return forDomain(http, domain);
	}

	/** A client acting for an existing domain. */
	public static KnowledgeApi forDomain(WebTestClient http, UUID domain) {
		return new KnowledgeApi(http.mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + EmbeddedDefaults.SERVICE_TOKEN)
			.defaultHeader("X-Domain-UUID", domain.toString())
			.responseTimeout(Duration.ofSeconds(60))
			.build(), domain);
	}

	public UUID domain() {
		return this.domain;
	}

	public WebTestClient http() {
		return this.http;
	}

	public WebTestClient.ResponseSpec upload(String fileName, byte[] content) {
		return upload(fileName, content, null, null);
	}

	public WebTestClient.ResponseSpec upload(String fileName, byte[] content, String title, UUID secretary) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", content).filename(fileName).contentType(MediaType.APPLICATION_OCTET_STREAM);
		if (title != null) {
			body.part("title", title);
		}
		if (secretary != null) {
			body.part("secretary_uuid", secretary.toString());
		}
		return this.http.post().uri("/api/v1/documents").contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build())).exchange();
	}

	/** Uploads a file that must be accepted as new, and returns its id. */
	public UUID uploadNew(String fileName, byte[] content) {
		return UUID.fromString((String) this.upload(fileName, content).expectStatus().isAccepted()
			.expectBody(JSON).returnResult().getResponseBody().get("document_uuid"));
	}

	public Map<String, Object> document(UUID id) {
		return this.http.get().uri("/api/v1/documents/{id}", id).exchange().expectStatus().isOk().expectBody(JSON)
			.returnResult().getResponseBody();
	}

	public List<Map<String, Object>> chunks(UUID id) {
		return this.http.get().uri("/api/v1/documents/{id}/chunks", id).exchange().expectStatus().isOk()
			.expectBodyList(JSON).returnResult().getResponseBody();
	}

	/** Waits until ingestion has finished, whichever way, and returns the document. */
	public Map<String, Object> awaitDone(UUID id) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(deadline)) {
			Map<String, Object> document = document(id);
			if (List.of("ready", "failed").contains(document.get("status"))) {
				return document;
			}
			sleep();
		}
		return fail("document " + id + " still " + document(id).get("status") + " after 120 s");
	}

	public Map<String, Object> awaitReady(UUID id) {
		Map<String, Object> document = awaitDone(id);
		assertThat(document.get("status")).as("status of %s (error: %s)", id, document.get("error")).isEqualTo("ready");
		return document;
	}

	/** The hits of a knowledge search (top 4, default minimum score). */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> search(String question, UUID secretary) {
		Map<String, Object> answer = this.http.get()
			.uri((uri) -> uri.path("/api/v1/knowledge/search").queryParam("q", question)
				.queryParamIfPresent("secretary_uuid", java.util.Optional.ofNullable(secretary)).build())
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		return (List<Map<String, Object>>) answer.get("hits");
	}

	public List<Map<String, Object>> search(String question) {
		return search(question, null);
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
