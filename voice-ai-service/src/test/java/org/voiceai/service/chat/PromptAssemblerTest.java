package org.voiceai.service.chat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.tenant.DomainId;
import org.voiceai.tenant.Secretary;
import org.voiceai.transfer.TransferDestination;
import org.voiceai.transfer.WorkingHours;

import static org.assertj.core.api.Assertions.assertThat;

class PromptAssemblerTest {

	private final PromptAssembler assembler = new PromptAssembler(JsonMapper.builder().build());

	@Test
	void includesPersonalityLanguageBusinessInfoDestinationsAndKnowledge() {
		Secretary secretary = secretary("Você é a Ana, da Clínica Sorriso.",
				"{\"horarios\": \"seg-sex 8h-18h\", \"endereco\": \"Rua A, 10\", \"vazio\": \"\"}");
		TransferDestination finance = new TransferDestination(UUID.randomUUID(), null, "Financeiro", List.of("contas"),
				"extension", "1001", null, 30, null, "Cobrança", "boletos e pagamentos", WorkingHours.ALWAYS, 10, false);

		String prompt = this.assembler.systemPrompt(secretary, List.of(finance),
				List.of(new KnowledgeSnippet("convenios.pdf", 2, "Aceitamos Unimed e Amil.", 0.82)));

		assertThat(prompt).startsWith("Você é a Ana, da Clínica Sorriso.")
			.contains("Always answer in pt-BR")
			.contains("- horarios: seg-sex 8h-18h")
			.contains("- endereco: Rua A, 10")
			.doesNotContain("vazio")
			.contains("- Financeiro (Cobrança): boletos e pagamentos")
			.contains("[convenios.pdf, p. 2] Aceitamos Unimed e Amil.")
			.contains("transfer_call")
			.doesNotContain("1001");
	}

	@Test
	void withoutDestinationsTheModelIsToldToTakeAMessage() {
		String prompt = this.assembler.systemPrompt(secretary(null, "not json"), List.of(), List.of());
		assertThat(prompt).startsWith("You are Ana, the virtual receptionist of ACME.")
			.contains("No transfer destination is available right now")
			.doesNotContain("Company information");
	}

	private static Secretary secretary(String personality, String businessInfo) {
		return new Secretary(UUID.randomUUID(), new DomainId(UUID.randomUUID()), "Ana", "ACME", "8000",
				Secretary.ProcessingMode.TURN_BASED, "pt-BR",
				new Secretary.Prompts(personality, null, null, null, null, null, null),
				new Secretary.Providers(null, null, null, null, null), new Secretary.Voice(null, 1.0),
				new Secretary.Model(null, 0.7, 500), new Secretary.Limits(20, 30, 600, 3000, 30),
				new Secretary.Transfer("1000", "hangup", true), businessInfo, "{}", null);
	}

}
