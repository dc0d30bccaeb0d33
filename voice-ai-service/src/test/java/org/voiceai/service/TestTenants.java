package org.voiceai.service;

import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.tenant.DomainId;

/** Creates domains and secretaries straight in the database, as FusionPBX would. */
public final class TestTenants {

	private final DatabaseClient database;

	public TestTenants(DatabaseClient database) {
		this.database = database;
	}

	/** A new enabled domain. */
	public DomainId domain() {
		DomainId domain = new DomainId(UUID.randomUUID());
		this.database.sql("INSERT INTO v_domains (domain_uuid, domain_name) VALUES (:id, :name)")
			.bind("id", domain.value())
			.bind("name", domain + ".test")
			.then()
			.block();
		return domain;
	}

	/** A new enabled secretary of {@code domain}; {@code webhookUrl} may be null. */
	public UUID secretary(DomainId domain, String name, String webhookUrl) {
		UUID uuid = UUID.randomUUID();
		var insert = this.database.sql("INSERT INTO v_voice_secretaries (voice_secretary_uuid, domain_uuid, "
				+ "secretary_name, webhook_url) VALUES (:uuid, :domain, :name, :url)")
			.bind("uuid", uuid)
			.bind("domain", domain.value())
			.bind("name", name);
		insert = (webhookUrl != null) ? insert.bind("url", webhookUrl) : insert.bindNull("url", String.class);
		insert.then().block();
		return uuid;
	}

}
