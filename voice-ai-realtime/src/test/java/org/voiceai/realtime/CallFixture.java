package org.voiceai.realtime;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderDraft;
import org.voiceai.providers.manager.ProviderRowRepository;
import org.voiceai.tenant.DomainId;
import org.voiceai.testing.EmbeddedDefaults;

/**
 * A FusionPBX domain as the bridge's end-to-end tests need it, written straight into the database as FusionPBX would:
 * the domain, a secretary, its realtime provider row (by default pointing at the OpenAI Realtime fake), a
 * text-to-speech row for the apology, and a transfer destination.
 */
final class CallFixture {

	final DomainId domain;

	final String domainName;

	final UUID secretary;

	private final DatabaseClient database;

	private CallFixture(DatabaseClient database, DomainId domain, String domainName, UUID secretary) {
		this.database = database;
		this.domain = domain;
		this.domainName = domainName;
		this.secretary = secretary;
	}

	static CallFixture create(DatabaseClient database, ProviderRowRepository providers, String realtimeBaseUrl,
			String ttsBaseUrl) {
		Map<String, Object> realtime = new LinkedHashMap<>();
		realtime.put("api_key", "sk-realtime-test");
		realtime.put("base_url", realtimeBaseUrl);
		ProviderDraft row = new ProviderDraft(ProviderType.REALTIME, "openai_realtime", "OpenAI Realtime", realtime,
				true, 0, true);
		return create(database, providers, row, ttsBaseUrl);
	}

	/** As {@link #create(DatabaseClient, ProviderRowRepository, String, String)} with another realtime row. */
	static CallFixture create(DatabaseClient database, ProviderRowRepository providers, ProviderDraft realtime,
			String ttsBaseUrl) {
		DomainId domain = new DomainId(UUID.randomUUID());
		String name = "pbx-" + domain.value().toString().substring(0, 8) + ".example.com";
		database.sql("INSERT INTO v_domains (domain_uuid, domain_name) VALUES (:id, :name)")
			.bind("id", domain.value())
			.bind("name", name)
			.then()
			.block();
		UUID secretary = UUID.randomUUID();
		database.sql("INSERT INTO v_voice_secretaries (voice_secretary_uuid, domain_uuid, secretary_name, company_name, "
				+ "processing_mode, language, greeting_message, farewell_message, fallback_message, "
				+ "business_info) VALUES (:uuid, :domain, 'Ana', 'Clínica Sorriso', 'realtime', 'pt-BR', "
				+ "'Clínica Sorriso, bom dia!', 'Obrigada pela ligação, até logo!', "
				+ "'Desculpe, tivemos um problema técnico.', '{\"horario\": \"8h às 18h\"}'::jsonb)")
			.bind("uuid", secretary)
			.bind("domain", domain.value())
			.then()
			.block();
		database.sql("INSERT INTO v_voice_transfer_destinations (domain_uuid, name, aliases, destination_number, "
				+ "department) VALUES (:d, 'Financeiro', '[\"contas\"]', '1001', 'Cobrança')")
			.bind("d", domain.value())
			.then()
			.block();
		providers.insert(domain, realtime).block();
		Map<String, Object> tts = new LinkedHashMap<>();
		tts.put("api_key", "sk-tts-test");
		tts.put("base_url", ttsBaseUrl);
		providers.insert(domain, new ProviderDraft(ProviderType.TTS, "openai_tts", "OpenAI TTS", tts, true, 0, true))
			.block();
		return new CallFixture(database, domain, name, secretary);
	}

	/** Makes {@code providerName} the domain's only realtime provider row, in place of the OpenAI Realtime row. */
	void replaceRealtime(ProviderRowRepository providers, String providerName, String displayName,
			Map<String, Object> config) {
		this.database.sql("DELETE FROM v_voice_ai_providers WHERE domain_uuid = :d AND provider_type = 'realtime'")
			.bind("d", this.domain.value())
			.then()
			.block();
		providers.insert(this.domain, new ProviderDraft(ProviderType.REALTIME, providerName, displayName, config, true,
				0, true)).block();
	}

	/** Makes {@code row} the domain's only row of its provider type. */
	void replace(ProviderRowRepository providers, ProviderDraft row) {
		this.database
			.sql("DELETE FROM v_voice_ai_providers WHERE domain_uuid = :d AND lower(provider_type::text) = :t")
			.bind("d", this.domain.value())
			.bind("t", row.type().code())
			.then()
			.block();
		providers.insert(this.domain, row).block();
	}

	/** Adds a realtime provider row after the default one: the one a call fails over to. */
	void addRealtime(ProviderRowRepository providers, String providerName, String displayName,
			Map<String, Object> config, int priority) {
		providers.insert(this.domain, new ProviderDraft(ProviderType.REALTIME, providerName, displayName, config, false,
				priority, true)).block();
	}

	void limitConcurrentCalls(int limit) {
		this.database.sql("INSERT INTO v_voice_secretary_settings (domain_uuid, setting_name, setting_value) "
				+ "VALUES (:d, 'max_concurrent_calls', :v)")
			.bind("d", this.domain.value())
			.bind("v", Integer.toString(limit))
			.then()
			.block();
	}

	URI streamUri(int port, UUID call, String returnMode) {
		return URI.create("ws://127.0.0.1:" + port + "/stream/" + this.secretary + "/" + call
				+ "/5511999990000?domain_uuid=" + this.domain.value() + "&rate=8000&return_mode=" + returnMode);
	}

	static Map<String, String> authorization() {
		return Map.of("Authorization", "Bearer " + EmbeddedDefaults.SERVICE_TOKEN);
	}

}
