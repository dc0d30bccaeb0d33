package org.voiceai.providers.manager;

import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.database.SqlBooleans;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.secret.SecretCipher;
import org.voiceai.tenant.DomainId;

/**
 * Reads and writes {@code v_voice_ai_providers}. Every statement is scoped by {@code domain_uuid}. Booleans are read
 * as text so FusionPBX 5.3/5.4 text columns and 5.5 boolean columns both work.
 */
public class ProviderRowRepository {

	private static final String SELECT_ENABLED = """
			SELECT voice_ai_provider_uuid, domain_uuid, provider_type, provider_name, display_name,
			       config::text AS config, is_default::text AS is_default, priority
			FROM v_voice_ai_providers
			WHERE domain_uuid = :domain AND lower(provider_type::text) = :type
			  AND coalesce(lower(enabled::text), 'true') IN ('true', 't')
			ORDER BY coalesce(lower(is_default::text), 'false') IN ('true', 't') DESC,
			         coalesce(priority, 0), insert_date NULLS LAST, voice_ai_provider_uuid
			""";

	private static final String INSERT = """
			INSERT INTO v_voice_ai_providers (voice_ai_provider_uuid, domain_uuid, provider_type, provider_name,
			    display_name, config, is_default, priority, enabled, insert_date)
			VALUES (:uuid, :domain, :type, :name, :displayName, :config, :isDefault, :priority, :enabled, now())
			""";

	private static final String UPDATE_CONFIG = """
			UPDATE v_voice_ai_providers SET config = :config, update_date = now()
			WHERE domain_uuid = :domain AND voice_ai_provider_uuid = :uuid
			""";

	private final DatabaseClient database;

	private final JsonMapper json;

	private final SecretCipher cipher;

	public ProviderRowRepository(DatabaseClient database, JsonMapper json, SecretCipher cipher) {
		this.database = database;
		this.json = json;
		this.cipher = cipher;
	}

	/** The domain's enabled rows of {@code type}: default first, then by priority. */
	public Flux<ProviderRow> findEnabled(DomainId domain, ProviderType<?> type) {
		return this.database.sql(SELECT_ENABLED)
			.bind("domain", domain.value())
			.bind("type", type.code())
			.map((row, metadata) -> new ProviderRow(row.get("voice_ai_provider_uuid", UUID.class),
					new DomainId(row.get("domain_uuid", UUID.class)), row.get("provider_type", String.class),
					row.get("provider_name", String.class), row.get("display_name", String.class),
					row.get("config", String.class), SqlBooleans.parse(row.get("is_default", String.class), false),
					(row.get("priority", Integer.class) != null) ? row.get("priority", Integer.class) : 0))
			.all();
	}

	/** Inserts a provider row, encrypting secret-named config values first. Returns the new row's UUID. */
	public Mono<UUID> insert(DomainId domain, ProviderDraft draft) {
		UUID uuid = UUID.randomUUID();
		return this.database.sql(INSERT)
			.bind("uuid", uuid)
			.bind("domain", domain.value())
			.bind("type", draft.type().code())
			.bind("name", draft.providerName())
			.bind("displayName", (draft.displayName() != null) ? draft.displayName() : draft.providerName())
			.bind("config", encryptedJson(domain, draft.config()))
			.bind("isDefault", draft.isDefault())
			.bind("priority", draft.priority())
			.bind("enabled", draft.enabled())
			.then()
			.thenReturn(uuid);
	}

	/** Replaces a row's config (secrets encrypted); completes with whether a row of that domain was updated. */
	public Mono<Boolean> updateConfig(DomainId domain, UUID providerUuid, Map<String, Object> config) {
		return this.database.sql(UPDATE_CONFIG)
			.bind("config", encryptedJson(domain, config))
			.bind("domain", domain.value())
			.bind("uuid", providerUuid)
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	private Json encryptedJson(DomainId domain, Map<String, Object> config) {
		return Json.of(this.json.writeValueAsString(this.cipher.encryptSecretValues(config, domain)));
	}

}
