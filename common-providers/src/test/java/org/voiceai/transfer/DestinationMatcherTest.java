package org.voiceai.transfer;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DestinationMatcherTest {

	private static final TransferDestination FINANCE = destination("Financeiro", List.of("contas", "boletos"),
			"Financeiro", "1001", 10, false);

	private static final TransferDestination SUPPORT = destination("Suporte Técnico", List.of("suporte"), "TI", "1002",
			20, false);

	private static final TransferDestination RECEPTION = destination("Recepção", List.of(), null, "1000", 30, true);

	private static final List<TransferDestination> ALL = List.of(FINANCE, SUPPORT, RECEPTION);

	@ParameterizedTest
	@CsvSource({ "financeiro, 1001", "FINANCEIRO, 1001", "Quero falar com o financeiro, 1001",
			"preciso da segunda via do boleto dos boletos, 1001", "suporte tecnico, 1002", "o pessoal de TI, 1002",
			"recepcao, 1000", "1002, 1002", "um atendente por favor, 1000", "quero falar com um humano, 1000" })
	void matchesNamesAliasesDepartmentsAndNumbersIgnoringCaseAndAccents(String request, String number) {
		assertThat(DestinationMatcher.match(request, ALL)).get().extracting(TransferDestination::number)
			.isEqualTo(number);
	}

	@Test
	void neverMatchesSomethingNotConfigured() {
		assertThat(DestinationMatcher.match("ligue para 5511999990000", ALL)).isEmpty();
		assertThat(DestinationMatcher.match("jurídico", ALL)).isEmpty();
		assertThat(DestinationMatcher.match("  ", ALL)).isEmpty();
		assertThat(DestinationMatcher.match("financeiro", List.of())).isEmpty();
	}

	@Test
	void lowerPriorityWinsWhenSeveralMatch() {
		TransferDestination backup = destination("Financeiro 2", List.of("financeiro"), null, "1009", 99, false);
		assertThat(DestinationMatcher.match("financeiro", List.of(backup, FINANCE))).contains(FINANCE);
	}

	@Test
	void workingHoursIncludingOvernightAndTimeZones() {
		ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
		WorkingHours office = new WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0),
				LocalTime.of(18, 0), saoPaulo);
		// 2026-11-23 is a Monday; São Paulo is UTC-3.
		assertThat(office.isOpen(Instant.parse("2026-11-23T11:00:00Z"))).isTrue();
		assertThat(office.isOpen(Instant.parse("2026-11-23T21:30:00Z"))).isFalse();
		assertThat(office.isOpen(Instant.parse("2026-11-22T13:00:00Z"))).as("Sunday").isFalse();
		WorkingHours night = new WorkingHours(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0),
				saoPaulo);
		assertThat(night.isOpen(Instant.parse("2026-11-27T04:00:00Z"))).as("Friday 01:00 local: Thursday night is closed")
			.isFalse();
		assertThat(night.isOpen(Instant.parse("2026-11-28T02:00:00Z"))).as("Friday 23:00 local").isTrue();
		assertThat(night.isOpen(Instant.parse("2026-11-28T04:00:00Z"))).as("Saturday 01:00 local").isTrue();
		assertThat(night.isOpen(Instant.parse("2026-11-28T12:00:00Z"))).as("Saturday 09:00 local").isFalse();
		assertThat(DestinationMatcher.openAt(Instant.parse("2026-11-23T21:30:00Z"),
				List.of(withHours(FINANCE, office), SUPPORT)))
			.containsExactly(SUPPORT);
	}

	private static TransferDestination withHours(TransferDestination d, WorkingHours hours) {
		return new TransferDestination(d.uuid(), d.secretaryUuid(), d.name(), d.aliases(), d.type(), d.number(),
				d.context(), d.ringTimeoutSeconds(), d.fallbackAction(), d.department(), d.description(), hours,
				d.priority(), d.isDefault());
	}

	private static TransferDestination destination(String name, List<String> aliases, String department, String number,
			int priority, boolean isDefault) {
		return new TransferDestination(UUID.randomUUID(), null, name, aliases, "extension", number, null, 30,
				"take_message", department, null, WorkingHours.ALWAYS, priority, isDefault);
	}

}
