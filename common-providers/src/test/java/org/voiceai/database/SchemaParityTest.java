package org.voiceai.database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.testing.EmbeddedDefaults;
import org.voiceai.testing.Php;
import org.voiceai.testing.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one schema, two declarations: FusionPBX's app_config.php and our Flyway migrations must agree column by column
 * (name and type), so FusionPBX-created and Flyway-created installs are the same.
 */
@SpringBootTest(classes = TestApplication.class)
@EmbeddedDefaults
class SchemaParityTest {

	@Autowired
	DatabaseClient database;

	DeclaredSchema declared;

	@BeforeEach
	void readAppConfig() {
		Php.assumeAvailable();
		this.declared = DeclaredSchema.fromAppConfig();
	}

	@Test
	void appConfigDeclaresExactlyTheTablesAndColumnsTheMigrationsCreate() {
		Map<String, List<DeclaredSchema.Column>> actual = ActualSchema.read(this.database);

		assertThat(this.declared.tables()).containsKeys("v_voice_ai_providers", "v_voice_secretaries",
				"v_voice_documents", "v_voice_document_chunks", "v_voice_conversations", "v_voice_messages",
				"v_voice_transfer_destinations", "v_voice_webhook_deliveries");
		assertThat(this.declared.differencesFrom(actual)).isEmpty();
	}

	@Test
	void everyTableCarriesDomainUuidAndTheFusionPbxAuditColumns() {
		this.declared.tables().forEach((table, columns) -> assertThat(columns).as(table)
			.extracting(DeclaredSchema.Column::name)
			.contains("domain_uuid", "insert_date", "insert_user", "update_date", "update_user"));
	}

	@Test
	void aColumnAddedToOneSideOnlyIsReported() {
		Map<String, List<DeclaredSchema.Column>> actual = ActualSchema.read(this.database);

		Map<String, List<DeclaredSchema.Column>> extraInDatabase = copy(actual);
		extraInDatabase.get("v_voice_secretaries").add(new DeclaredSchema.Column("new_column", "text"));
		assertThat(this.declared.differencesFrom(extraInDatabase))
			.containsExactly("v_voice_secretaries.new_column: in the migrations only");

		Map<String, List<DeclaredSchema.Column>> extraInAppConfig = copy(this.declared.tables());
		extraInAppConfig.get("v_voice_messages").add(new DeclaredSchema.Column("php_only", "text"));
		assertThat(new DeclaredSchema(extraInAppConfig).differencesFrom(actual))
			.containsExactly("v_voice_messages.php_only: in app_config.php only");

		Map<String, List<DeclaredSchema.Column>> retyped = copy(actual);
		retyped.get("v_voice_ai_providers").replaceAll((column) -> column.name().equals("priority")
				? new DeclaredSchema.Column("priority", "numeric") : column);
		assertThat(this.declared.differencesFrom(retyped))
			.containsExactly("v_voice_ai_providers.priority: app_config.php says int4, the migrations create numeric");
	}

	private static Map<String, List<DeclaredSchema.Column>> copy(Map<String, List<DeclaredSchema.Column>> tables) {
		Map<String, List<DeclaredSchema.Column>> copy = new LinkedHashMap<>();
		tables.forEach((table, columns) -> copy.put(table, new ArrayList<>(columns)));
		return copy;
	}

}
