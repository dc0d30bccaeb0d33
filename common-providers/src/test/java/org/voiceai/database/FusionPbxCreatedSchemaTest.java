package org.voiceai.database;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.ConnectionFactories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderRow;
import org.voiceai.providers.manager.ProviderRowRepository;
import org.voiceai.providers.secret.SecretCipher;
import org.voiceai.tenant.DomainId;
import org.voiceai.testing.EmbeddedDefaults;
import org.voiceai.testing.Php;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An install where FusionPBX came first: FusionPBX (5.4-style, text booleans in its own tables) has created
 * v_domains and, from app_config.php, our tables, with no foreign keys, checks or defaults, and holds data. Our
 * migrations must then run without error, keep the data, and leave the schema equal to the declaration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FusionPbxCreatedSchemaTest {

	private static final UUID DOMAIN = UUID.fromString("3b0c1f5e-25a8-4a43-9b1c-6f2b9d2f7e10");

	private EmbeddedPostgres postgres;

	private DatabaseClient database;

	private DeclaredSchema declared;

	@BeforeAll
	void createFusionPbxDatabase() throws IOException {
		Php.assumeAvailable();
		this.declared = DeclaredSchema.fromAppConfig();
		this.postgres = EmbeddedPostgres.builder().start();
		this.database = DatabaseClient.create(ConnectionFactories.get("r2dbc:postgresql://postgres:postgres@localhost:"
				+ this.postgres.getPort() + "/postgres"));
		execute("""
				CREATE TABLE v_domains (domain_uuid uuid PRIMARY KEY, domain_parent_uuid uuid, domain_name text,
				    domain_enabled text, domain_description text, insert_date timestamptz, insert_user uuid,
				    update_date timestamptz, update_user uuid)
				""");
		execute("CREATE TABLE v_extensions (extension_uuid uuid PRIMARY KEY, domain_uuid uuid, extension text)");
		this.declared.tables().forEach((table, columns) -> execute(fusionPbxCreateTable(table, columns)));
		execute("INSERT INTO v_domains (domain_uuid, domain_name, domain_enabled) VALUES ('" + DOMAIN
				+ "', 'pbx.example.com', 'true')");
		execute("INSERT INTO v_voice_ai_providers (voice_ai_provider_uuid, domain_uuid, provider_type, provider_name, "
				+ "config, is_default, priority, enabled) VALUES (gen_random_uuid(), '" + DOMAIN
				+ "', 'stt', 'whisper_api', '{\"model\": \"whisper-1\"}', true, 0, true)");
	}

	@AfterAll
	void stop() throws IOException {
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	@Order(1)
	void migrationsRunTwiceOnTopOfFusionPbxTablesKeepTheDataAndMatchTheDeclaration() throws IOException {
		MigrateResult first = flyway().migrate();
		MigrateResult second = flyway().migrate();

		assertThat(first.success).isTrue();
		assertThat(first.migrationsExecuted).isEqualTo(2);
		assertThat(second.migrationsExecuted).isZero();
		assertThat(this.declared.differencesFrom(ActualSchema.read(this.database))).isEmpty();
		assertThat(count("v_domains")).as("no demo domain outside the embedded default").isEqualTo(1);
		assertThat(count("v_voice_ai_providers")).isEqualTo(1);
	}

	@Test
	@Order(2)
	void providerRowsAreReadFromFusionPbxTextBooleansToo() throws IOException {
		flyway().migrate();
		// FusionPBX 5.3/5.4 declared enabled-style columns as text holding 'true'/'false'.
		execute("ALTER TABLE v_voice_ai_providers ALTER COLUMN enabled TYPE text USING enabled::text, "
				+ "ALTER COLUMN is_default TYPE text USING is_default::text");
		execute("INSERT INTO v_voice_ai_providers (voice_ai_provider_uuid, domain_uuid, provider_type, provider_name, "
				+ "config, is_default, priority, enabled) VALUES (gen_random_uuid(), '" + DOMAIN
				+ "', 'stt', 'deepgram', '{}', 'false', 5, 'false'), (gen_random_uuid(), '" + DOMAIN
				+ "', 'stt', 'groq', '{}', 'false', 1, 'true')");
		try {
			ProviderRowRepository repository = new ProviderRowRepository(this.database, JsonMapper.builder().build(),
					SecretCipher.fromBase64(EmbeddedDefaults.SECRET_KEY));
			List<ProviderRow> rows = repository.findEnabled(new DomainId(DOMAIN), ProviderType.STT)
				.collectList()
				.block();

			assertThat(rows).extracting(ProviderRow::providerName).containsExactly("whisper_api", "groq");
			assertThat(rows.get(0).isDefault()).isTrue();
			assertThat(rows.get(1).isDefault()).isFalse();
		}
		finally {
			execute("ALTER TABLE v_voice_ai_providers ALTER COLUMN enabled TYPE boolean USING enabled::boolean, "
					+ "ALTER COLUMN is_default TYPE boolean USING is_default::boolean");
			execute("DELETE FROM v_voice_ai_providers WHERE provider_name IN ('deepgram', 'groq')");
		}
	}

	/** What FusionPBX's schema upgrade creates: columns and the primary key, nothing else. */
	private static String fusionPbxCreateTable(String table, List<DeclaredSchema.Column> columns) {
		String body = columns.stream()
			.map((column) -> column.name() + " " + column.type() + ((column == columns.get(0)) ? " PRIMARY KEY" : ""))
			.collect(Collectors.joining(", "));
		return "CREATE TABLE " + table + " (" + body + ")";
	}

	/** Flyway configured exactly as the services configure it, from voice-ai-defaults.properties. */
	private Flyway flyway() throws IOException {
		Properties defaults = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/voice-ai-defaults.properties")) {
			defaults.load(in);
		}
		return Flyway.configure()
			.dataSource(this.postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")
			.locations(defaults.getProperty("spring.flyway.locations"))
			.table(defaults.getProperty("spring.flyway.table"))
			.baselineOnMigrate(Boolean.parseBoolean(defaults.getProperty("spring.flyway.baseline-on-migrate")))
			.baselineVersion(defaults.getProperty("spring.flyway.baseline-version"))
			.load();
	}

	private void execute(String sql) {
		this.database.sql(sql).then().block();
	}

	private long count(String table) {
		return this.database.sql("SELECT count(*) FROM " + table).map((row, meta) -> row.get(0, Long.class)).one().block();
	}

}
