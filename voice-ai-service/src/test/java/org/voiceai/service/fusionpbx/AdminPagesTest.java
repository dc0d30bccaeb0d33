package org.voiceai.service.fusionpbx;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.voiceai.providers.secret.SecretCipher;
import org.voiceai.service.documents.KnowledgeBaseTest;
import org.voiceai.tenant.DomainId;
import org.voiceai.testing.EmbeddedDefaults;
import org.voiceai.testing.Php;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FusionPBX admin pages for real: the unmodified pages of {@code fusionpbx-app/voice_secretary} run under PHP's
 * built-in server on a FusionPBX-like web root, with the core test double of {@code fusionpbx-app/test/core}
 * (session, login, {@code database}, {@code token}, permissions, languages), against this context's PostgreSQL and
 * voice-ai service. Headless Chromium ({@code fusionpbx-app/test/browser/admin-pages.mjs}) creates a provider, a
 * secretary and a transfer destination, uploads a document and watches it become ready, opens a conversation, and
 * tries a forged form and another domain's ids. Screenshots go to {@code target/admin-pages/screenshots}.
 */
@KnowledgeBaseTest
class AdminPagesTest {

	private static final String XSS_NAME = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">Ana";

	private static final String API_KEY = "sk-typed-in-the-browser-4711";

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	@LocalServerPort
	int servicePort;

	@Test
	void anAdminManagesTheSecretaryFromFusionPbxAndAnotherDomainCannotReachIt() throws Exception {
		Php.assumeAvailable();
		Path repository = Php.repositoryRoot();
		Path browserDir = repository.resolve("fusionpbx-app/test/browser");
		assumeTool(Files.isExecutable(Path.of("/usr/bin/chromium")), "chromium is not installed (apt-get install chromium)");
		assumeTool(Files.isDirectory(browserDir.resolve("node_modules/playwright-core")),
				"playwright-core is not installed (cd fusionpbx-app/test/browser && npm ci)");

		Path work = Path.of("target/admin-pages").toAbsolutePath();
		deleteRecursively(work);
		Path webRoot = work.resolve("web");
		copyRecursively(repository.resolve("fusionpbx-app/test/core"), webRoot);
		copyRecursively(repository.resolve("fusionpbx-app/voice_secretary"), webRoot.resolve("app/voice_secretary"));
		Path keyFile = Files.writeString(work.resolve("secret.key"), EmbeddedDefaults.SECRET_KEY + "\n");
		Path sessions = Files.createDirectories(work.resolve("sessions"));
		Path document = Files.writeString(work.resolve("horarios.txt"), """
				Clínica Sorriso — horários e preços.
				Atendemos de segunda a sexta, das 8h às 18h, e aos sábados das 8h às 12h.
				A limpeza custa R$ 180,00 e o clareamento a laser R$ 950,00.
				O estacionamento fica na Rua das Flores, 120.
				""");

		UUID domainA = domain("alpha");
		UUID domainB = domain("bravo");
		UUID conversation = conversation(domainA, "transfer", "<script>window.__xss=3</script>Maria", "6000", "Financeiro");
		conversation(domainA, "hangup", "João", null, null);

		int phpPort = freePort();
		Map<String, String> phpEnv = new HashMap<>();
		phpEnv.put("VOICE_AI_TEST_DSN", "pgsql:host=127.0.0.1;port=" + databasePort() + ";dbname=postgres");
		phpEnv.put("VOICE_AI_TEST_DB_USER", "postgres");
		phpEnv.put("VOICE_AI_TEST_DB_PASSWORD", "postgres");
		phpEnv.put("VOICE_AI_TEST_SETTING_service_url", "http://127.0.0.1:" + this.servicePort);
		phpEnv.put("VOICE_AI_TEST_SETTING_service_token", EmbeddedDefaults.SERVICE_TOKEN);
		phpEnv.put("VOICE_AI_TEST_SETTING_secret_key_file", keyFile.toString());
		phpEnv.put("PHP_CLI_SERVER_WORKERS", "4");
		ProcessBuilder php = new ProcessBuilder("php", "-d", "session.save_path=" + sessions, "-d", "upload_max_filesize=25M",
				"-d", "post_max_size=30M", "-d", "log_errors=1", "-S", "127.0.0.1:" + phpPort, "-t", webRoot.toString())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("php-server.log").toFile());
		php.environment().putAll(phpEnv);
		Process server = php.start();
		try {
			awaitPort(phpPort, Duration.ofSeconds(20));
			Path resultFile = work.resolve("result.json");
			ProcessBuilder node = new ProcessBuilder("node", "admin-pages.mjs").directory(browserDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(work.resolve("browser.log").toFile());
			node.environment().putAll(Map.of("BASE_URL", "http://127.0.0.1:" + phpPort, "DOMAIN_A", name(domainA),
					"DOMAIN_B", name(domainB), "SCREENSHOT_DIR", work.resolve("screenshots").toString(), "XSS_NAME",
					XSS_NAME, "PROVIDER_API_KEY", API_KEY, "DOCUMENT_FILE", document.toString(), "CONVERSATION_A",
					conversation.toString(), "RESULT_FILE", resultFile.toString()));
			Process browser = node.start();
			boolean finished = browser.waitFor(5, TimeUnit.MINUTES);
			if (!finished) {
				stop(browser);
			}
			assertThat(finished).as("browser run finished").isTrue();
			assertThat(resultFile).as(Files.readString(work.resolve("browser.log"))).exists();
			JsonNode result = JsonMapper.builder().build().readTree(Files.readString(resultFile));
			assertThat(result.get("errors").toString()).as("browser errors; PHP log: %s",
					Files.readString(work.resolve("php-server.log"))).isEqualTo("[]");
			assertBrowserChecks(result.get("checks"));
			assertDatabase(domainA, UUID.fromString(result.get("ids").get("provider").asString()),
					UUID.fromString(result.get("ids").get("secretary").asString()),
					UUID.fromString(result.get("ids").get("document").asString()));
			assertRealtimeRows(domainA, UUID.fromString(result.get("ids").get("realtimeProvider").asString()),
					UUID.fromString(result.get("ids").get("realtimeSecretary").asString()));
			try (Stream<Path> screenshots = Files.list(work.resolve("screenshots"))) {
				assertThat(screenshots.map((file) -> file.getFileName().toString())).contains("provider-edit.png",
						"providers.png", "secretary-edit.png", "secretaries.png", "transfer-destination-edit.png",
						"transfer-destinations.png",
						"documents.png", "conversations.png", "conversation.png", "provider-edit-realtime.png");
			}
			assertThat(Files.readString(work.resolve("php-server.log"))).doesNotContain("PHP Warning", "PHP Fatal",
					"PHP Notice", "PHP Deprecated");
		}
		finally {
			stop(server);
		}
	}

	/** Stops a process with its children (php -S forks PHP_CLI_SERVER_WORKERS workers; node starts chromium). */
	private static void stop(Process process) throws InterruptedException {
		List<ProcessHandle> children = process.descendants().toList();
		process.destroy();
		children.forEach(ProcessHandle::destroy);
		process.waitFor(10, TimeUnit.SECONDS);
		for (ProcessHandle child : children) {
			child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).join();
		}
	}

	private static void assertBrowserChecks(JsonNode checks) {
		for (String name : List.of("providerFieldsFollowTheType", "providerSecretShownAsSet", "providerSecretNeverPrinted",
				"providerTestConnection", "providerListEscapes", "secretaryAdvancedCollapsed", "secretaryRangeErrorShown",
				"secretaryAdvancedOpensOnError", "secretarySavedToList", "secretaryListEscapes", "secretaryEditEscapes",
				"destinationSavedToList", "documentReadyLive", "documentNameEscaped", "conversationEscapes",
				"csrfRefused", "otherDomainSecretaryHidden", "otherDomainProviderHidden", "otherDomainDestinationHidden",
				"otherDomainConversationHidden",
				"otherDomainListsEmpty", "otherDomainEditRefused", "otherDomainDocumentDeleteRefused",
				"secretaryDeletedFromList", "realtimeNoteNamesModAudioStream", "realtimeAddProviderLinkShown",
				"realtimeWithoutProviderRefused", "realtimeProviderChoicesAreSelects", "realtimeProviderHasNoTestButton",
				"realtimeSessionCapEnforced", "realtimeProviderSecretNeverPrinted", "realtimeAddProviderLinkGone",
				"realtimeSecretarySaved")) {
			assertThat(checks.path(name).asBoolean(false)).as(name + " in " + checks).isTrue();
		}
		assertThat(checks.get("providerTestMessage").asString()).startsWith("The service can use this provider");
		assertThat(checks.get("realtimeProviderNames").asString()).as("only realtime providers the bridge has")
			.isEqualTo("openai_realtime,gemini_live,elevenlabs_conversational,custom_pipeline");
		assertThat(checks.get("documentStatusAfterUpload").asString()).isIn("pending", "processing", "ready");
		assertThat(checks.get("documentProgress").asString()).isEqualTo("100%");
		assertThat(checks.get("conversationsListed").asInt()).isEqualTo(2);
		assertThat(checks.get("conversationsFilteredByOutcome").asInt()).isEqualTo(1);
		assertThat(checks.get("conversationTransferTarget").asString()).isEqualTo("6000 (Financeiro)");
		assertThat(checks.get("conversationTranscript").asString()).contains("Quero falar com o financeiro")
			.contains("Vou transferir você para o Financeiro")
			.contains("STT 420 ms")
			.contains("LLM 810 ms · TTS 300 ms · total 1575 ms")
			.contains("precos.pdf p. 2 (0.83)")
			.contains("Note Realtime provider switched from openai_realtime to gemini_live")
			.doesNotContain("{\"transfer\"");
	}

	private void assertDatabase(UUID domainA, UUID provider, UUID secretary, UUID document) {
		Map<String, Object> providerRow = row("SELECT provider_type, provider_name, config::text AS config, "
				+ "is_default, domain_uuid FROM v_voice_ai_providers WHERE voice_ai_provider_uuid = :id", provider);
		assertThat(providerRow).containsEntry("provider_type", "stt").containsEntry("provider_name", "whisper_api")
			.containsEntry("is_default", true).containsEntry("domain_uuid", domainA);
		JsonNode config = JsonMapper.builder().build().readTree((String) providerRow.get("config"));
		assertThat(config.get("api_key").asString()).startsWith(SecretCipher.PREFIX);
		assertThat(SecretCipher.fromBase64(EmbeddedDefaults.SECRET_KEY)
			.decrypt(config.get("api_key").asString(), new DomainId(domainA))).isEqualTo(API_KEY);
		assertThat(config.get("model").asString()).isEqualTo("whisper-1");

		Map<String, Object> secretaryRow = row("SELECT secretary_name, processing_mode, max_turns, stt_provider_uuid, "
				+ "domain_uuid FROM v_voice_secretaries WHERE voice_secretary_uuid = :id", secretary);
		assertThat(secretaryRow).containsEntry("secretary_name", XSS_NAME).containsEntry("processing_mode", "auto")
			.containsEntry("max_turns", 15).containsEntry("stt_provider_uuid", provider)
			.containsEntry("domain_uuid", domainA);
		assertThat(count("SELECT count(*) FROM v_voice_secretaries WHERE secretary_name LIKE 'Forged%' OR secretary_name = 'Temporária' "
				+ "OR secretary_name LIKE 'Hijacked%'")).isZero();

		Map<String, Object> destination = row("SELECT destination_type, destination_number, aliases::text AS aliases, "
				+ "working_hours::text AS working_hours, is_default FROM v_voice_transfer_destinations "
				+ "WHERE domain_uuid = :id", domainA);
		assertThat(destination).containsEntry("destination_type", "ring_group")
			.containsEntry("destination_number", "6000").containsEntry("is_default", true)
			.containsEntry("aliases", "[\"contas a pagar\", \"boletos\"]")
			.containsEntry("working_hours", "{\"end\": \"18:00\", \"days\": [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"], "
					+ "\"start\": \"08:00\", \"timezone\": \"America/Sao_Paulo\"}");

		assertThat(row("SELECT processing_status, domain_uuid FROM v_voice_documents WHERE voice_document_uuid = :id",
				document)).containsEntry("processing_status", "ready").containsEntry("domain_uuid", domainA);
	}

	/** The realtime row holds the keys the bridge's OpenAiRealtimeSettings reads, typed; the secretary points at it. */
	private void assertRealtimeRows(UUID domainA, UUID provider, UUID secretary) {
		Map<String, Object> providerRow = row("SELECT provider_type, provider_name, config::text AS config, domain_uuid "
				+ "FROM v_voice_ai_providers WHERE voice_ai_provider_uuid = :id", provider);
		assertThat(providerRow).containsEntry("provider_type", "realtime")
			.containsEntry("provider_name", "openai_realtime")
			.containsEntry("domain_uuid", domainA);
		JsonNode config = JsonMapper.builder().build().readTree((String) providerRow.get("config"));
		assertThat(SecretCipher.fromBase64(EmbeddedDefaults.SECRET_KEY)
			.decrypt(config.get("api_key").asString(), new DomainId(domainA))).isEqualTo(API_KEY);
		assertThat(config.get("voice").asString()).isEqualTo("cedar");
		assertThat(config.get("turn_detection").asString()).isEqualTo("semantic_vad");
		assertThat(config.get("vad_eagerness").asString()).isEqualTo("high");
		assertThat(config.get("audio_format").asString()).isEqualTo("pcmu");
		assertThat(config.get("max_session_minutes").asDouble()).isEqualTo(50.0);
		assertThat(config.has("model")).as("empty fields leave the bridge's default").isFalse();

		assertThat(row("SELECT processing_mode, realtime_provider_uuid, domain_uuid FROM v_voice_secretaries "
				+ "WHERE voice_secretary_uuid = :id", secretary)).containsEntry("processing_mode", "realtime")
			.containsEntry("realtime_provider_uuid", provider)
			.containsEntry("domain_uuid", domainA);
		assertThat(count("SELECT count(*) FROM v_voice_secretaries WHERE secretary_name = 'Tempo Real'"))
			.as("the refused save stored nothing").isEqualTo(1);
	}

	private UUID domain(String prefix) {
		UUID domain = UUID.randomUUID();
		this.database.sql("INSERT INTO v_domains (domain_uuid, domain_name) VALUES (:id, :name)")
			.bind("id", domain)
			.bind("name", name(domain))
			.then()
			.block();
		return domain;
	}

	private static String name(UUID domain) {
		return "pbx-" + domain.toString().substring(0, 8) + ".test";
	}

	private UUID conversation(UUID domain, String finalAction, String callerName, String transferExtension,
			String transferDepartment) {
		UUID conversation = UUID.randomUUID();
		var insert = this.database.sql("""
				INSERT INTO v_voice_conversations (voice_conversation_uuid, domain_uuid, call_uuid, caller_id_number,
				    caller_id_name, processing_mode, conversation_status, start_time, end_time, duration_seconds,
				    total_turns, final_action, transfer_extension, transfer_department, summary)
				VALUES (:id, :domain, :call, '5511999990000', :caller, 'turn_based', 'ended', now() - interval '1 hour',
				    now() - interval '58 minutes', 95, 1, :action, :extension, :department, 'Pediu o financeiro.')
				""").bind("id", conversation).bind("domain", domain).bind("call", UUID.randomUUID())
			.bind("caller", callerName).bind("action", finalAction);
		insert = (transferExtension != null) ? insert.bind("extension", transferExtension)
				: insert.bindNull("extension", String.class);
		insert = (transferDepartment != null) ? insert.bind("department", transferDepartment)
				: insert.bindNull("department", String.class);
		insert.then().block();
		this.database.sql("""
				INSERT INTO v_voice_messages (domain_uuid, voice_conversation_uuid, turn_number, role, content,
				    stt_provider, stt_latency_ms, insert_date)
				VALUES (:domain, :id, 1, 'user', 'Quero falar com o financeiro', 'whisper_api', 420, now() - interval '59 minutes')
				""").bind("domain", domain).bind("id", conversation).then().block();
		this.database.sql("""
				INSERT INTO v_voice_messages (domain_uuid, voice_conversation_uuid, turn_number, role, content,
				    rag_sources, llm_provider, tts_provider, rag_latency_ms, llm_latency_ms, tts_latency_ms,
				    total_latency_ms, insert_date)
				VALUES (:domain, :id, 1, 'assistant', 'Vou transferir você para o Financeiro.',
				    '[{"document": "precos.pdf", "page": 2, "score": 0.83}]'::jsonb, 'openai', 'openai_tts', 45, 810, 300,
				    1575, now() - interval '59 minutes' + interval '2 seconds')
				""").bind("domain", domain).bind("id", conversation).then().block();
		// The realtime bridge's note when a call moved to another provider is shown; tool messages are not.
		this.database.sql("""
				INSERT INTO v_voice_messages (domain_uuid, voice_conversation_uuid, turn_number, role, content, insert_date)
				VALUES (:domain, :id, 2, 'system', 'Realtime provider switched from openai_realtime to gemini_live: closed',
				    now() - interval '59 minutes' + interval '3 seconds'),
				       (:domain, :id, 3, 'tool', '{"transfer": "financeiro"}', now() - interval '59 minutes' + interval '4 seconds')
				""").bind("domain", domain).bind("id", conversation).then().block();
		return conversation;
	}

	private Map<String, Object> row(String sql, UUID id) {
		return this.database.sql(sql).bind("id", id).fetch().one().block();
	}

	private long count(String sql) {
		return this.database.sql(sql).map((row, meta) -> row.get(0, Long.class)).one().block();
	}

	private int databasePort() {
		String url = this.environment.getRequiredProperty("spring.flyway.url");
		return Integer.parseInt(url.replaceFirst("^jdbc:postgresql://[^:]+:(\\d+)/.*$", "$1"));
	}

	private static void assumeTool(boolean available, String message) {
		if (!available && System.getenv("CI") != null) {
			throw new AssertionError(message + "; .ci/run must install it");
		}
		Assumptions.assumeTrue(available, message);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void awaitPort(int port, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
				return;
			}
			catch (IOException ex) {
				Thread.sleep(100);
			}
		}
		throw new AssertionError("php -S did not listen on port " + port);
	}

	private static void copyRecursively(Path source, Path target) throws IOException {
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.filter((path) -> !path.toString().contains("node_modules")).toList()) {
				Path destination = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

}
