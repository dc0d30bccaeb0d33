package org.voiceai.service.chat;

import java.util.List;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ActionResolverTest {

	private final ActionResolver resolver = new ActionResolver(JsonMapper.builder().build());

	@Test
	void aTransferToolCallWinsAndKeepsTheSpokenText() {
		AiMessage reply = AiMessage.from("Vou transferir você para o financeiro.",
				List.of(ToolExecutionRequest.builder().id("1").name("transfer_call")
					.arguments("{\"destination\": \"Financeiro\", \"reason\": \"boleto\"}").build()));

		ActionResolver.Resolved resolved = this.resolver.resolve(reply);

		assertThat(resolved.action()).isEqualTo(ChatAction.TRANSFER);
		assertThat(resolved.destination()).isEqualTo("Financeiro");
		assertThat(resolved.text()).isEqualTo("Vou transferir você para o financeiro.");
	}

	@Test
	void anEndCallToolCallHangsUp() {
		AiMessage reply = AiMessage.from(List.of(ToolExecutionRequest.builder().id("1").name("end_call")
			.arguments("{}").build()));
		assertThat(this.resolver.resolve(reply).action()).isEqualTo(ChatAction.HANGUP);
		assertThat(this.resolver.resolve(reply).text()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Um momento. [TRANSFER:1001]|transfer|1001|Um momento.",
			"Um momento [transferir: financeiro ]|transfer|financeiro|Um momento",
			"Até logo! [HANGUP]|hangup||Até logo!", "Tchau [ENCERRAR]|hangup||Tchau",
			"[DESLIGAR] Obrigada.|hangup||Obrigada.", "Posso ajudar em algo mais?|continue||Posso ajudar em algo mais?" })
	void markersAreTheFallbackAndAreNeverSpoken(String text, String action, String destination, String spoken) {
		ActionResolver.Resolved resolved = this.resolver.resolve(AiMessage.from(text));
		assertThat(resolved.action().wire()).isEqualTo(action);
		assertThat(resolved.destination()).isEqualTo(destination);
		assertThat(resolved.text()).isEqualTo(spoken);
	}

	@Test
	void malformedToolArgumentsGiveATransferWithoutDestination() {
		AiMessage reply = AiMessage.from(List.of(ToolExecutionRequest.builder().id("1").name("transfer_call")
			.arguments("{not json").build()));
		ActionResolver.Resolved resolved = this.resolver.resolve(reply);
		assertThat(resolved.action()).isEqualTo(ChatAction.TRANSFER);
		assertThat(resolved.destination()).isNull();
	}

}
