package org.voiceai.tenant;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.testing.EmbeddedDefaults;
import org.voiceai.testing.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** Secretaries are read per domain, disabled ones are invisible, and missing values get the documented defaults. */
@SpringBootTest(classes = TestApplication.class)
@EmbeddedDefaults
class SecretaryRepositoryTest {

	@Autowired
	SecretaryRepository secretaries;

	@Autowired
	DatabaseClient database;

	@Test
	void readsASecretaryOfItsDomainWithDefaultsForColumnsFusionPbxLeftEmpty() {
		DomainId domain = domain();
		UUID uuid = UUID.randomUUID();
		// Only the NOT NULL columns, as a FusionPBX-created table without defaults could hold.
		this.database.sql("INSERT INTO v_voice_secretaries (voice_secretary_uuid, domain_uuid, secretary_name, extension, "
				+ "processing_mode, language, tts_speed, llm_temperature, llm_max_tokens, max_turns, business_info, "
				+ "advanced_settings, fallback_action, presence_check_enabled) VALUES (:uuid, :domain, 'Ana', '8000', "
				+ "'realtime', 'pt-BR', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)")
			.bind("uuid", uuid)
			.bind("domain", domain.value())
			.then()
			.block();

		Secretary secretary = this.secretaries.find(domain, uuid).block();
		assertThat(secretary.name()).isEqualTo("Ana");
		assertThat(secretary.mode()).isEqualTo(Secretary.ProcessingMode.REALTIME);
		assertThat(secretary.voice().speed()).isEqualTo(1.0);
		assertThat(secretary.model().temperature()).isEqualTo(0.7);
		assertThat(secretary.limits().maxTurns()).isEqualTo(20);
		assertThat(secretary.transfer().fallbackAction()).isEqualTo("hangup");
		assertThat(secretary.transfer().presenceCheck()).isTrue();
		assertThat(secretary.businessInfoJson()).isEqualTo("{}");
		assertThat(this.secretaries.findByExtension(domain, "8000").block().uuid()).isEqualTo(uuid);
	}

	@Test
	void anotherDomainsOrADisabledSecretaryIsNotFound() {
		DomainId owner = domain();
		DomainId other = domain();
		UUID uuid = UUID.randomUUID();
		UUID disabled = UUID.randomUUID();
		this.database.sql("INSERT INTO v_voice_secretaries (voice_secretary_uuid, domain_uuid, secretary_name, enabled) "
				+ "VALUES (:a, :domain, 'A', true), (:b, :domain, 'B', false)")
			.bind("a", uuid)
			.bind("b", disabled)
			.bind("domain", owner.value())
			.then()
			.block();

		assertThat(this.secretaries.find(other, uuid).blockOptional()).isEmpty();
		assertThat(this.secretaries.find(owner, disabled).blockOptional()).isEmpty();
		assertThat(this.secretaries.find(owner, uuid).blockOptional()).isPresent();
	}

	private DomainId domain() {
		DomainId domain = new DomainId(UUID.randomUUID());
		this.database.sql("INSERT INTO v_domains (domain_uuid, domain_name) VALUES (:id, :name)")
			.bind("id", domain.value())
			.bind("name", domain + ".test")
			.then()
			.block();
		return domain;
	}

}
