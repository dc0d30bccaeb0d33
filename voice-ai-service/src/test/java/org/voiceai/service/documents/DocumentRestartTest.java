package org.voiceai.service.documents;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.voiceai.service.VoiceAiServiceApplication;
import org.voiceai.service.knowledge.LocalEmbeddingModel;
import org.voiceai.testing.EmbeddedDefaults;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart during ingestion: the first run stops while a document is half embedded (its model blocks after the first
 * chunk), the second run, on the same database and files, picks the document up and finishes it.
 */
class DocumentRestartTest {

	@TempDir
	Path home;

	@Test
	void aDocumentLeftProcessingByAStoppedRunIsFinishedByTheNextOne() throws Exception {
		// Command-line arguments: they win over application.yml, as the tests' properties must.
		String[] settings = settings(freePort()).entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		UUID document;
		UUID domain;
		try (ConfigurableApplicationContext first = new SpringApplicationBuilder(VoiceAiServiceApplication.class,
				GatedLocalModel.class).run(settings)) {
			KnowledgeApi api = KnowledgeApi.newDomain(client(first), first.getBean(DatabaseClient.class));
			domain = api.domain();
			document = api.uploadNew("clinica.pdf", KnowledgeFixtures.clinicPdf());
			assertThat(GatedLocalModel.firstBatchDone.await(120, TimeUnit.SECONDS)).as("first batch embedded").isTrue();
			Map<String, Object> halfWay = awaitProgress(api, document);
			assertThat(halfWay).containsEntry("status", "processing");
			assertThat((Integer) halfWay.get("chunk_count")).isGreaterThan((Integer) halfWay.get("chunks_processed"));
		}

		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(VoiceAiServiceApplication.class)
			.run(settings)) {
			KnowledgeApi api = KnowledgeApi.forDomain(client(second), domain);
			Map<String, Object> ready = api.awaitReady(document);
			List<Map<String, Object>> chunks = api.chunks(document);
			assertThat(chunks).hasSize((Integer) ready.get("chunk_count"));
			assertThat(chunks).extracting((chunk) -> chunk.get("chunk_index")).doesNotHaveDuplicates();
			assertThat(api.search("Qual é o telefone do plantão de emergência?")).isNotEmpty()
				.first()
				.satisfies((hit) -> assertThat((String) hit.get("content")).contains("(41) 99876-5432"));
		}
	}

	private Map<String, Object> awaitProgress(KnowledgeApi api, UUID document) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			Map<String, Object> current = api.document(document);
			if ((Integer) current.get("chunks_processed") > 0) {
				return current;
			}
			Thread.sleep(100);
		}
		return api.document(document);
	}

	private Map<String, Object> settings(int databasePort) {
		Map<String, Object> settings = new HashMap<>();
		settings.put("server.port", "0");
		settings.put("voice-ai.database.host", "");
		settings.put("voice-ai.embedded.port", String.valueOf(databasePort));
		settings.put("voice-ai.embedded.data-directory", this.home.resolve("postgres").toString());
		settings.put("voice-ai.redis.url", "");
		settings.put("voice-ai.home", this.home.toString());
		settings.put("voice-ai.secrets.key", EmbeddedDefaults.SECRET_KEY);
		settings.put("voice-ai.service.token", EmbeddedDefaults.SERVICE_TOKEN);
		settings.put("voice-ai.documents.embed-batch-size", "1");
		settings.put("logging.structured.format.console", "");
		return settings;
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		String port = context.getEnvironment().getProperty("local.server.port");
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60))
			.build();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The first run's local model: embeds the first batch, then blocks until the run is stopped, as a crash or a
	 * restart would catch it half way. Not a {@code @Configuration}, so no other context scans it.
	 */
	static class GatedLocalModel {

		static final CountDownLatch firstBatchDone = new CountDownLatch(1);

		@Bean
		static BeanPostProcessor gateTheLocalModel() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return (bean instanceof LocalEmbeddingModel) ? new LocalEmbeddingModel(Gate::new) : bean;
				}
			};
		}

	}

	static final class Gate implements EmbeddingModel {

		private final EmbeddingModel real = new LocalEmbeddingModel().embedder().model();

		private final AtomicInteger calls = new AtomicInteger();

		private final CountDownLatch never = new CountDownLatch(1);

		@Override
		public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
			if (this.calls.incrementAndGet() == 1) {
				Response<List<Embedding>> embedded = this.real.embedAll(segments);
				GatedLocalModel.firstBatchDone.countDown();
				return embedded;
			}
			try {
				this.never.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("stopped while embedding");
		}

	}

}
