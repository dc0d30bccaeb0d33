package org.voiceai.transfer;

import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.tenant.DomainId;
import org.voiceai.testing.EmbeddedDefaults;
import org.voiceai.testing.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = TestApplication.class)
@EmbeddedDefaults
class TransferDestinationRepositoryTest {

	@Autowired
	TransferDestinationRepository destinations;

	@Autowired
	DatabaseClient database;

	@Test
	void readsTheSecretarysAndDomainWideDestinationsOfItsDomainOnly() {
		DomainId domain = domain();
		DomainId other = domain();
		UUID secretary = secretary(domain);
		UUID otherSecretary = secretary(domain);
		insert(domain, null, "Financeiro", "[\"contas\", \"boletos\"]",
				"{\"days\": [\"seg\", \"ter\", 3, \"thu\", \"sexta\"], \"start\": \"08:00\", \"end\": \"18:00\"}", true);
		insert(domain, secretary, "Suporte", "\"ti, informática\"", null, true);
		insert(domain, otherSecretary, "Vendas", "[]", null, true);
		insert(domain, null, "Desativado", "[]", null, false);
		insert(other, null, "Outro domínio", "[]", null, true);
		insert(domain, null, "Quebrado", "{\"not\": \"a list\"}", "{\"start\": \"25:99\"}", true);

		List<TransferDestination> found = this.destinations.findForSecretary(domain, secretary).collectList().block();

		assertThat(found).extracting(TransferDestination::name).containsExactlyInAnyOrder("Financeiro", "Suporte",
				"Quebrado");
		TransferDestination finance = found.stream().filter((d) -> d.name().equals("Financeiro")).findFirst().get();
		assertThat(finance.aliases()).containsExactly("contas", "boletos");
		assertThat(finance.workingHours().days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
				DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
		assertThat(found.stream().filter((d) -> d.name().equals("Suporte")).findFirst().get().aliases())
			.containsExactly("ti", "informática");
		TransferDestination broken = found.stream().filter((d) -> d.name().equals("Quebrado")).findFirst().get();
		assertThat(broken.aliases()).isEmpty();
		assertThat(broken.workingHours()).isEqualTo(WorkingHours.ALWAYS);
	}

	private void insert(DomainId domain, UUID secretary, String name, String aliases, String hours, boolean enabled) {
		DatabaseClient.GenericExecuteSpec insert = this.database
			.sql("INSERT INTO v_voice_transfer_destinations (domain_uuid, secretary_uuid, name, aliases, "
					+ "destination_number, working_hours, enabled) VALUES (:domain, :secretary, :name, "
					+ "CAST(:aliases AS jsonb), '1001', CAST(:hours AS jsonb), :enabled)")
			.bind("domain", domain.value())
			.bind("name", name)
			.bind("enabled", enabled)
			.bind("aliases", json(aliases))
			.bind("hours", json(hours));
		insert = (secretary != null) ? insert.bind("secretary", secretary) : insert.bindNull("secretary", UUID.class);
		insert.then().block();
	}

	private static String json(String text) {
		return (text == null) ? "null" : text;
	}

	private UUID secretary(DomainId domain) {
		UUID uuid = UUID.randomUUID();
		this.database.sql("INSERT INTO v_voice_secretaries (voice_secretary_uuid, domain_uuid, secretary_name) "
				+ "VALUES (:uuid, :domain, 'S')")
			.bind("uuid", uuid)
			.bind("domain", domain.value())
			.then()
			.block();
		return uuid;
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
