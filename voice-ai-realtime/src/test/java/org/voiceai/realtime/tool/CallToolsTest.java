package org.voiceai.realtime.tool;

import java.time.Duration;
import java.util.List;

import dev.langchain4j.agent.tool.ToolSpecification;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.realtime.call.CallContext;
import org.voiceai.realtime.TestCalls;

import static org.assertj.core.api.Assertions.assertThat;

/** The tools that need no database: what the model reads back, and what the call does afterwards. */
class CallToolsTest {

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void endCallAsksForTheSecretarysFarewellThenHangsUp() {
		ToolResult result = new EndCallTool(this.json).invoke(call("{}"), args("{\"reason\":\"bye\"}")).block();
		assertThat(result.outputJson()).contains("Obrigada pela ligação, até logo!");
		assertThat(result.followUp()).isEqualTo(new ToolResult.FollowUp.HangUp("bye"));
	}

	@Test
	void takeMessageKeepsTheMessageWithTheCallersNumberForTheWebhook() {
		ToolResult result = new TakeMessageTool().invoke(call("{}"),
				args("{\"name\":\"Maria\",\"message\":\"Ligar de volta\",\"urgency\":\"HIGH\"}")).block();
		assertThat(result.followUp()).isEqualTo(new ToolResult.FollowUp.MessageTaken(
				"Message from Maria (5511999990000), urgency high: Ligar de volta"));
		ToolResult empty = new TakeMessageTool().invoke(call("{}"), args("{\"name\":\"Maria\"}")).block();
		assertThat(empty.outputJson()).contains("\"ok\":false");
		assertThat(empty.followUp()).isInstanceOf(ToolResult.FollowUp.None.class);
	}

	@Test
	void businessInfoAnswersTheMatchingEntryOrEverything() {
		CallContext call = call("{\"horario\": \"8h às 18h\", \"endereco\": \"Rua A, 1\"}");
		JsonNode hours = this.json.readTree(new BusinessInfoTool(this.json).invoke(call, args("{\"topic\":\"horario\"}"))
			.block().outputJson());
		assertThat(hours.path("info").properties()).hasSize(1);
		assertThat(hours.path("info").path("horario").asString()).isEqualTo("8h às 18h");
		JsonNode all = this.json.readTree(new BusinessInfoTool(this.json).invoke(call, args("{\"topic\":\"parking\"}"))
			.block().outputJson());
		assertThat(all.path("info").properties()).hasSize(2);
		JsonNode none = this.json.readTree(new BusinessInfoTool(this.json).invoke(call("{}"), args("{}"))
			.block().outputJson());
		assertThat(none.path("ok").asBoolean()).isFalse();
	}

	@Test
	void theRegistryTurnsUnknownToolsAndBadArgumentsIntoAnswers() {
		ToolRegistry registry = new ToolRegistry(List.of(new EndCallTool(this.json), new TakeMessageTool()), this.json,
				Duration.ofSeconds(10));
		assertThat(registry.specifications()).extracting("name").containsExactly("end_call", "take_message");
		assertThat(registry.invoke(call("{}"), "format_disk", "{}").block().outputJson()).contains("unknown tool");
		assertThat(registry.invoke(call("{}"), "take_message", "{not json").block().outputJson())
			.contains("not valid JSON");
	}

	@Test
	void aToolThatNeverAnswersOrAnswersNothingStillGivesTheModelAnAnswer() {
		ToolRegistry registry = new ToolRegistry(List.of(tool("hangs", Mono.never()), tool("silent", Mono.empty())),
				this.json, Duration.ofMillis(100));
		assertThat(registry.invoke(call("{}"), "hangs", "{}").block(Duration.ofSeconds(10)).outputJson())
			.contains("took too long");
		assertThat(registry.invoke(call("{}"), "silent", "{}").block(Duration.ofSeconds(10)).outputJson())
			.contains("gave no answer");
	}

	private static CallTool tool(String name, Mono<ToolResult> result) {
		return new CallTool() {

			@Override
			public ToolSpecification specification() {
				return ToolSpecification.builder().name(name).description("a test tool").build();
			}

			@Override
			public Mono<ToolResult> invoke(CallContext call, JsonNode arguments) {
				return result;
			}

		};
	}

	private JsonNode args(String text) {
		return this.json.readTree(text);
	}

	static CallContext call(String businessInfo) {
		return TestCalls.context(businessInfo);
	}

}
