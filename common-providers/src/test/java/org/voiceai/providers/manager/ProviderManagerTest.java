package org.voiceai.providers.manager;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.secret.SecretCipher;
import org.voiceai.providers.stt.Transcription;
import org.voiceai.providers.stt.TranscriptionRequest;
import org.voiceai.tenant.DomainId;
import org.voiceai.testing.EmbeddedDefaults;
import org.voiceai.testing.FakeSpeechToTextFactory;
import org.voiceai.testing.FakeSpeechToTextFactory.FakeSpeechToText;
import org.voiceai.testing.Php;
import org.voiceai.testing.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The provider manager against a real PostgreSQL, with the fake speech-to-text provider. */
@SpringBootTest(classes = TestApplication.class)
@EmbeddedDefaults
class ProviderManagerTest {

	private static final TranscriptionRequest REQUEST = new TranscriptionRequest(new byte[44], "pt-BR", null);

	@Autowired
	ProviderManager manager;

	@Autowired
	ProviderRowRepository repository;

	@Autowired
	DatabaseClient database;

	@Autowired
	FakeSpeechToTextFactory factory;

	DomainId domain;

	@BeforeEach
	void newDomain() {
		this.domain = createDomain();
	}

	@Test
	void defaultRowWinsOverPriorityAndDisabledRowsAreIgnored() {
		insert(this.domain, "low-priority-number", Map.of("api_key", "k1", "label", "first-by-priority"), false, 1, true);
		insert(this.domain, "default", Map.of("api_key", "k2", "label", "the-default"), true, 9, true);
		insert(this.domain, "disabled", Map.of("api_key", "k3", "label", "disabled"), true, 0, false);

		assertThat(label(resolve(ProviderSelector.byDefault()))).isEqualTo("the-default");
	}

	@Test
	void withoutDefaultTheLowestPriorityWins() {
		insert(this.domain, "b", Map.of("api_key", "k1", "label", "priority-5"), false, 5, true);
		insert(this.domain, "a", Map.of("api_key", "k2", "label", "priority-2"), false, 2, true);

		assertThat(label(resolve(ProviderSelector.byDefault()))).isEqualTo("priority-2");
	}

	@Test
	void selectsByNameAliasOrRowUuid() {
		insert(this.domain, "default", Map.of("api_key", "k1", "label", "default"), true, 0, true);
		UUID other = insertNamed(this.domain, "fake_alias", Map.of("api_key", "k2", "label", "by-alias"), false, 5);

		assertThat(label(resolve(ProviderSelector.byName("FAKE_STT")))).isEqualTo("default");
		assertThat(label(resolve(ProviderSelector.byId(other)))).isEqualTo("by-alias");
		assertThat(label(resolve(ProviderSelector.byId(UUID.randomUUID())))).as("stale reference falls back")
			.isEqualTo("default");
		assertThatThrownBy(() -> resolve(ProviderSelector.byName("deepgram")))
			.isInstanceOf(NoUsableProviderException.class)
			.hasMessageContaining("no enabled stt provider named 'deepgram'")
			.hasMessageContaining(this.domain.toString());
	}

	@Test
	void domainsNeverSeeEachOthersProvidersOrSecrets() {
		DomainId other = createDomain();
		insert(this.domain, "mine", Map.of("api_key", "key-of-A", "label", "A"), true, 0, true);
		insert(other, "theirs", Map.of("api_key", "key-of-B", "label", "B"), true, 0, true);
		DomainId empty = createDomain();

		FakeSpeechToText a = (FakeSpeechToText) resolve(ProviderSelector.byDefault()).instance();
		FakeSpeechToText b = (FakeSpeechToText) this.manager
			.resolve(other, ProviderType.STT, ProviderSelector.byDefault())
			.block()
			.instance();
		assertThat(a.apiKey()).isEqualTo("key-of-A");
		assertThat(b.apiKey()).isEqualTo("key-of-B");
		assertThat(a).isNotSameAs(b);
		assertThatThrownBy(() -> this.manager.resolve(empty, ProviderType.STT, ProviderSelector.byDefault()).block())
			.isInstanceOf(NoUsableProviderException.class)
			.hasMessage("No enabled stt provider is configured for domain " + empty);
	}

	@Test
	void cachesInstancesAndRebuildsWhenTheRowChangesEvenOutsideThisProcess() {
		UUID row = insert(this.domain, "cached", Map.of("api_key", "old-key", "label", "v1"), true, 0, true);
		int before = this.factory.created();
		Object first = resolve(ProviderSelector.byDefault()).instance();
		Object second = resolve(ProviderSelector.byDefault()).instance();
		assertThat(second).isSameAs(first);
		assertThat(this.factory.created()).isEqualTo(before + 1);

		// As FusionPBX's PHP would: a plain UPDATE, with no signal to this process. The row cache TTL is 300 ms.
		this.database.sql("UPDATE v_voice_ai_providers SET config = jsonb_set(config, '{label}', '\"v2\"'), "
				+ "update_date = now() WHERE voice_ai_provider_uuid = :uuid")
			.bind("uuid", row)
			.then()
			.block();
		await().atMost(Duration.ofSeconds(5)).until(() -> "v2".equals(label(resolve(ProviderSelector.byDefault()))));
		FakeSpeechToText rebuilt = (FakeSpeechToText) resolve(ProviderSelector.byDefault()).instance();
		assertThat(rebuilt).isNotSameAs(first);
		assertThat(rebuilt.apiKey()).isEqualTo("old-key");

		// This process's own edits apply at once after invalidate().
		this.repository.updateConfig(this.domain, row, Map.of("api_key", "new-key", "label", "v3")).block();
		this.manager.invalidate(this.domain);
		assertThat(((FakeSpeechToText) resolve(ProviderSelector.byDefault()).instance()).apiKey()).isEqualTo("new-key");
	}

	@Test
	void fallsOverToTheNextProviderAndStopsCallingOneWhoseBreakerIsOpen() {
		insert(this.domain, "broken", Map.of("api_key", "k1", "label", "broken", "mode", "fail"), true, 0, true);
		insert(this.domain, "backup", Map.of("api_key", "k2", "label", "backup"), false, 1, true);
		FakeSpeechToText broken = (FakeSpeechToText) resolve(ProviderSelector.byDefault()).instance();

		for (int i = 0; i < 4; i++) {
			assertThat(transcribe().text()).isEqualTo("backup");
		}
		// minimum-number-of-calls=2: two failures open the breaker; later calls skip the broken provider.
		assertThat(broken.calls()).isEqualTo(2);
	}

	@Test
	void reportsEveryFailureWhenAllProvidersFailAndDoesNotFailOverOnABadRequest() {
		insert(this.domain, "slow", Map.of("api_key", "k1", "mode", "slow"), true, 0, true);
		insert(this.domain, "down", Map.of("api_key", "k2", "mode", "fail"), false, 1, true);
		assertThatThrownBy(this::transcribe).isInstanceOf(ProvidersExhaustedException.class)
			.hasMessageContaining("ProviderTimeoutException")
			.hasMessageContaining("ProviderUnavailableException")
			.hasMessageContaining(this.domain.toString());

		DomainId other = createDomain();
		insert(other, "picky", Map.of("api_key", "k1", "mode", "bad_request"), true, 0, true);
		insert(other, "never-reached", Map.of("api_key", "k2", "label", "fallback"), false, 1, true);
		assertThatThrownBy(() -> this.manager
			.execute(other, ProviderType.STT, ProviderSelector.byDefault(), (p) -> p.instance().transcribe(REQUEST))
			.block()).isInstanceOf(ProviderBadRequestException.class);
	}

	@Test
	void brokenRowsGiveClearErrorsNamingDomainProviderAndKeyButNeverTheSecret() {
		UUID missingKey = insertRaw(this.domain, "fake_stt", "{\"label\": \"x\"}");
		UUID badNumber = insertRaw(this.domain, "fake_stt",
				"{\"api_key\": \"sk-SECRET-123\", \"timeout_seconds\": \"soon\"}");
		UUID notObject = insertRaw(this.domain, "fake_stt", "[1, 2]");
		UUID unknown = insertRaw(this.domain, "no_such_vendor", "{}");

		assertThatThrownBy(() -> resolve(ProviderSelector.byDefault())).isInstanceOf(NoUsableProviderException.class)
			.hasMessageContaining("domain " + this.domain)
			.hasMessageContaining("Provider 'fake_stt' (stt, row " + missingKey + ")")
			.hasMessageContaining("config key 'api_key' is missing")
			.hasMessageContaining("row " + badNumber + ") in domain " + this.domain
					+ ": config key 'timeout_seconds' must be a whole number, got 'soon'")
			.hasMessageContaining("row " + notObject + ") in domain " + this.domain
					+ ": config key 'config' must be a JSON object, got an array")
			.hasMessageContaining("Provider 'no_such_vendor' (stt, row " + unknown + ")")
			.hasMessageContaining("unknown provider_name; known stt providers: ")
			.hasMessageContaining("fake_alias, fake_stt")
			.message()
			.doesNotContain("sk-SECRET-123");
	}

	@Test
	void secretsAreEncryptedInTheTableAndDecryptedForTheProvider() {
		UUID row = insert(this.domain, "secret", Map.of("api_key", "sk-live-abc", "label", "s"), true, 0, true);

		String stored = this.database.sql("SELECT config->>'api_key' FROM v_voice_ai_providers "
				+ "WHERE voice_ai_provider_uuid = :uuid")
			.bind("uuid", row)
			.map((r, m) -> r.get(0, String.class))
			.one()
			.block();
		assertThat(stored).startsWith(SecretCipher.PREFIX).doesNotContain("sk-live-abc");
		assertThat(((FakeSpeechToText) resolve(ProviderSelector.byDefault()).instance()).apiKey())
			.isEqualTo("sk-live-abc");
	}

	@Test
	void aSecretEncryptedByTheFusionPbxAppDecryptsButNotInAnotherDomain() {
		Php.assumeAvailable();
		String encrypted = Php.run("require 'fusionpbx-app/voice_secretary/resources/classes/voice_ai_secrets.php';"
				+ "$s = new voice_ai_secrets('" + EmbeddedDefaults.SECRET_KEY + "');"
				+ "echo $s->encrypt('sk-from-php', '" + this.domain + "');");
		insertRaw(this.domain, "fake_stt", "{\"api_key\": \"" + encrypted.trim() + "\", \"label\": \"php\"}");
		assertThat(((FakeSpeechToText) resolve(ProviderSelector.byDefault()).instance()).apiKey())
			.isEqualTo("sk-from-php");

		DomainId thief = createDomain();
		insertRaw(thief, "fake_stt", "{\"api_key\": \"" + encrypted.trim() + "\"}");
		assertThatThrownBy(() -> this.manager.resolve(thief, ProviderType.STT, ProviderSelector.byDefault()).block())
			.isInstanceOf(NoUsableProviderException.class)
			.hasMessageContaining("config key 'api_key' cannot be decrypted");
	}

	private ResolvedProvider<?> resolve(ProviderSelector selector) {
		return this.manager.resolve(this.domain, ProviderType.STT, selector).block();
	}

	private Transcription transcribe() {
		return this.manager
			.execute(this.domain, ProviderType.STT, ProviderSelector.byDefault(), (p) -> p.instance().transcribe(REQUEST))
			.block();
	}

	private static String label(ResolvedProvider<?> provider) {
		return ((FakeSpeechToText) provider.instance()).label();
	}

	private DomainId createDomain() {
		DomainId id = new DomainId(UUID.randomUUID());
		this.database.sql("INSERT INTO v_domains (domain_uuid, domain_name, domain_enabled) VALUES (:id, :name, true)")
			.bind("id", id.value())
			.bind("name", id + ".test")
			.then()
			.block();
		return id;
	}

	private UUID insert(DomainId domain, String displayName, Map<String, Object> config, boolean isDefault,
			int priority, boolean enabled) {
		return this.repository
			.insert(domain, new ProviderDraft(ProviderType.STT, "fake_stt", displayName, new LinkedHashMap<>(config),
					isDefault, priority, enabled))
			.block();
	}

	private UUID insertNamed(DomainId domain, String name, Map<String, Object> config, boolean isDefault,
			int priority) {
		return this.repository
			.insert(domain, new ProviderDraft(ProviderType.STT, name, name, config, isDefault, priority, true))
			.block();
	}

	/** Inserts a row the way PHP would: raw JSON text, no encryption by us. */
	private UUID insertRaw(DomainId domain, String name, String configJson) {
		UUID uuid = UUID.randomUUID();
		this.database.sql("INSERT INTO v_voice_ai_providers (voice_ai_provider_uuid, domain_uuid, provider_type, "
				+ "provider_name, config, is_default, priority, enabled) "
				+ "VALUES (:uuid, :domain, 'stt', :name, CAST(:config AS jsonb), false, 0, true)")
			.bind("uuid", uuid)
			.bind("domain", domain.value())
			.bind("name", name)
			.bind("config", configJson)
			.then()
			.block();
		return uuid;
	}

}
