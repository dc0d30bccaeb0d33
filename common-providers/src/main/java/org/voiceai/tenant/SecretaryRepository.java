package org.voiceai.tenant;

import java.math.BigDecimal;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.database.SqlBooleans;

/**
 * The one reader of {@code v_voice_secretaries}, used by both services. Every query is scoped by domain; disabled
 * secretaries are not found. Defaults are applied here because FusionPBX-created tables have none.
 */
public class SecretaryRepository {

	private static final String COLUMNS = """
			voice_secretary_uuid, domain_uuid, secretary_name, company_name, extension, processing_mode::text AS mode,
			language, personality_prompt, greeting_message, farewell_message, farewell_keywords, fallback_message,
			transfer_message, outside_hours_message, stt_provider_uuid, tts_provider_uuid, llm_provider_uuid,
			embeddings_provider_uuid, realtime_provider_uuid, tts_voice_id, tts_speed, llm_model_override,
			llm_temperature, llm_max_tokens, max_turns, idle_timeout_seconds, max_duration_seconds,
			silence_timeout_ms, max_recording_seconds, transfer_extension, fallback_action,
			presence_check_enabled::text AS presence_check, business_info::text AS business_info,
			advanced_settings::text AS advanced_settings, webhook_url
			""";

	private static final String ENABLED = "coalesce(lower(enabled::text), 'true') IN ('true', 't')";

	private final DatabaseClient database;

	public SecretaryRepository(DatabaseClient database) {
		this.database = database;
	}

	/** The enabled secretary with this UUID in this domain; empty when missing, disabled or another domain's. */
	public Mono<Secretary> find(DomainId domain, UUID secretary) {
		return this.database
			.sql("SELECT " + COLUMNS + " FROM v_voice_secretaries WHERE domain_uuid = :domain "
					+ "AND voice_secretary_uuid = :uuid AND " + ENABLED)
			.bind("domain", domain.value())
			.bind("uuid", secretary)
			.map((row, metadata) -> map(row))
			.one();
	}

	/** The enabled secretary answering {@code extension} in this domain. */
	public Mono<Secretary> findByExtension(DomainId domain, String extension) {
		return this.database
			.sql("SELECT " + COLUMNS + " FROM v_voice_secretaries WHERE domain_uuid = :domain "
					+ "AND extension = :extension AND " + ENABLED + " ORDER BY insert_date NULLS LAST LIMIT 1")
			.bind("domain", domain.value())
			.bind("extension", extension)
			.map((row, metadata) -> map(row))
			.one();
	}

	private static Secretary map(Readable row) {
		return new Secretary(row.get("voice_secretary_uuid", UUID.class), new DomainId(row.get("domain_uuid", UUID.class)),
				row.get("secretary_name", String.class), row.get("company_name", String.class),
				row.get("extension", String.class), Secretary.ProcessingMode.parse(row.get("mode", String.class)),
				text(row, "language", "pt-BR"),
				new Secretary.Prompts(row.get("personality_prompt", String.class),
						row.get("greeting_message", String.class), row.get("farewell_message", String.class),
						row.get("farewell_keywords", String.class), row.get("fallback_message", String.class),
						row.get("transfer_message", String.class), row.get("outside_hours_message", String.class)),
				new Secretary.Providers(row.get("stt_provider_uuid", UUID.class), row.get("tts_provider_uuid", UUID.class),
						row.get("llm_provider_uuid", UUID.class), row.get("embeddings_provider_uuid", UUID.class),
						row.get("realtime_provider_uuid", UUID.class)),
				new Secretary.Voice(row.get("tts_voice_id", String.class), decimal(row, "tts_speed", 1.0)),
				new Secretary.Model(row.get("llm_model_override", String.class), decimal(row, "llm_temperature", 0.7),
						integer(row, "llm_max_tokens", 500)),
				new Secretary.Limits(integer(row, "max_turns", 20), integer(row, "idle_timeout_seconds", 30),
						integer(row, "max_duration_seconds", 600), integer(row, "silence_timeout_ms", 3000),
						integer(row, "max_recording_seconds", 30)),
				new Secretary.Transfer(row.get("transfer_extension", String.class), text(row, "fallback_action", "hangup"),
						SqlBooleans.parse(row.get("presence_check", String.class), true)),
				text(row, "business_info", "{}"), text(row, "advanced_settings", "{}"), row.get("webhook_url", String.class));
	}

	private static String text(Readable row, String column, String defaultValue) {
		String value = row.get(column, String.class);
		return (value == null || value.isBlank()) ? defaultValue : value;
	}

	private static int integer(Readable row, String column, int defaultValue) {
		Number value = row.get(column, Number.class);
		return (value == null) ? defaultValue : value.intValue();
	}

	private static double decimal(Readable row, String column, double defaultValue) {
		BigDecimal value = row.get(column, BigDecimal.class);
		return (value == null) ? defaultValue : value.doubleValue();
	}

}
