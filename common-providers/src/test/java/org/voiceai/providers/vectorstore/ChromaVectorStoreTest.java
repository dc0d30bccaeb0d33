package org.voiceai.providers.vectorstore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The Chroma adapter against a fake speaking Chroma 1.x's v2 HTTP API (no Chroma server can run here). */
class ChromaVectorStoreTest extends VectorStoreContract {

	static WireMockServer server;

	static ChromaV2Fake fake;

	final JsonMapper json = JsonMapper.builder().build();

	ChromaVectorStore store;

	@BeforeAll
	static void startFake() {
		fake = new ChromaV2Fake();
		server = new WireMockServer(options().dynamicPort().extensions(fake));
		server.start();
		server.stubFor(any(anyUrl()).willReturn(WireMock.aResponse().withTransformers(fake.getName())));
	}

	@AfterAll
	static void stopFake() {
		server.stop();
	}

	@BeforeEach
	void open() {
		server.resetRequests();
		this.store = new ChromaVectorStore(
				new ChromaSettings(server.baseUrl(), "voice-ai", "knowledge", Duration.ofSeconds(5)),
				Schedulers.newBoundedElastic(2, 100, "test-chroma"));
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Override
	VectorStore store() {
		return this.store;
	}

	@Test
	void speaksOnlyV2AndSendsChunksWithTheirSourceAsMetadata() {
		VectorSpace space = newSpace("local:all-minilm-l6-v2");
		UUID document = UUID.randomUUID();
		VectorEntry entry = entry(document, null, 2, 5, "We open at 8 am.", randomUnit());
		add(space, entry);

		List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).allSatisfy((request) -> assertThat(request.getUrl()).startsWith("/api/v2/"));
		String collection = space.domain() + "-" + space.modelSlug();
		assertThat(collection).hasSizeLessThanOrEqualTo(63);
		JsonNode create = body(postRequestedFor(urlPathMatching("/api/v2/tenants/voice-ai/databases/knowledge/collections")));
		assertThat(create.path("name").asString()).isEqualTo(collection);
		assertThat(create.path("metadata").path("hnsw:space").asString()).isEqualTo("cosine");
		assertThat(fake.collectionNames()).contains(collection);

		JsonNode add = body(postRequestedFor(urlPathMatching("/api/v2/tenants/voice-ai/databases/knowledge/collections/[^/]+/add")));
		assertThat(add.path("ids").get(0).asString()).isEqualTo(entry.id().toString());
		assertThat(add.path("embeddings").get(0).size()).isEqualTo(DIMENSIONS);
		assertThat(add.path("documents").get(0).asString()).isEqualTo("We open at 8 am.");
		JsonNode metadata = add.path("metadatas").get(0);
		assertThat(metadata.path("document_uuid").asString()).isEqualTo(document.toString());
		assertThat(metadata.path("secretary_uuid").asString()).isEqualTo("shared");
		assertThat(metadata.path("document_name").asString()).isEqualTo("doc-" + document);
		assertThat(metadata.path("chunk_index").asInt()).isEqualTo(2);
		assertThat(metadata.path("page_number").asInt()).isEqualTo(5);
	}

	@Test
	void queriesWithTheSecretaryFilterAndDeletesByDocument() {
		VectorSpace space = newSpace("model-a");
		UUID secretary = UUID.randomUUID();
		UUID document = UUID.randomUUID();
		float[] vector = randomUnit();
		add(space, entry(document, secretary, 0, null, "hours", vector));

		search(space, new VectorQuery(vector, 4, 0.7, secretary));
		JsonNode query = body(postRequestedFor(urlPathMatching(".*/collections/[^/]+/query")));
		assertThat(query.path("n_results").asInt()).isEqualTo(4);
		assertThat(query.path("query_embeddings").get(0).size()).isEqualTo(DIMENSIONS);
		assertThat(query.path("where").path("secretary_uuid").path("$in").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder(secretary.toString(), "shared");

		this.store.removeDocument(space, document).block(WAIT);
		JsonNode delete = body(postRequestedFor(urlPathMatching(".*/collections/[^/]+/delete")));
		// langchain4j writes equality as Chroma's short form {"key": value}.
		assertThat(delete.path("where").path("document_uuid").asString()).isEqualTo(document.toString());
		assertThat(search(space, new VectorQuery(vector, 4, 0.0, null))).isEmpty();
	}

	@Test
	void theFakeAnswersV1With410LikeChroma1() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/heartbeat")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(410);
		assertThat(response.body()).contains("Please use /v2 apis");
	}

	private JsonNode body(RequestPatternBuilder pattern) {
		List<LoggedRequest> requests = server.findAll(pattern);
		assertThat(requests).as("requests matching " + pattern.build()).isNotEmpty();
		return this.json.readTree(requests.get(requests.size() - 1).getBodyAsString());
	}

}
