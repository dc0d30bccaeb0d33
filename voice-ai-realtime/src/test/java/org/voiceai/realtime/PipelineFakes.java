package org.voiceai.realtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderDraft;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * What the custom pipeline's chat model and text-to-speech talk to in the bridge's tests and benchmark: WireMock as
 * Groq's OpenAI-compatible chat completions, streamed as SSE (provider-protocols §B6), and as OpenAI's
 * {@code /v1/audio/speech} (raw 24 kHz PCM), with the domain rows that point at them.
 */
final class PipelineFakes {

	/** Where Groq serves its OpenAI-compatible chat completions, below the WireMock root. */
	static final String CHAT_PATH = "/openai/v1/chat/completions";

	static final String TTS_PATH = "/v1/audio/speech";

	private PipelineFakes() {
	}

	/** The domain's {@code groq} chat row, pointing at {@code wireMock}. */
	static ProviderDraft groqRow(WireMockServer wireMock) {
		Map<String, Object> groq = new LinkedHashMap<>();
		groq.put("api_key", "gsk-bridge-test");
		groq.put("base_url", wireMock.baseUrl() + "/openai/v1");
		return new ProviderDraft(ProviderType.LLM, "groq", "Groq", groq, true, 0, true);
	}

	/** The domain's default {@code openai_tts} row, pointing at {@code wireMock}. */
	static ProviderDraft ttsRow(WireMockServer wireMock) {
		Map<String, Object> tts = new LinkedHashMap<>();
		tts.put("api_key", "sk-tts-test");
		tts.put("base_url", wireMock.baseUrl() + "/v1");
		return new ProviderDraft(ProviderType.TTS, "openai_tts", "OpenAI TTS", tts, true, 0, true);
	}

	/** The {@code custom_pipeline} realtime row's settings: Deepgram at {@code deepgramUrl}, Groq as the chat model. */
	static Map<String, Object> realtimeConfig(String deepgramKey, String deepgramUrl) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("api_key", deepgramKey);
		row.put("base_url", deepgramUrl);
		row.put("endpointing_ms", "200");
		row.put("llm_provider", "groq");
		return row;
	}

	/** Every sentence is spoken as {@code millis} of a tone, raw 24 kHz PCM as OpenAI sends {@code pcm}. */
	static void speakEverySentenceFor(WireMockServer wireMock, int millis) {
		wireMock.stubFor(post(urlPathEqualTo(TTS_PATH))
			.willReturn(aResponse().withStatus(200).withBody(BridgeCalls.tone(24000, millis))));
	}

	static ResponseDefinitionBuilder sse(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
	}

	/** A streamed chat completion saying {@code pieces}, as OpenAI-compatible APIs stream it (provider-protocols §B6). */
	static String textReply(String... pieces) {
		StringBuilder body = new StringBuilder(chunk(delta().put("role", "assistant").put("content", ""), null));
		for (String piece : pieces) {
			body.append(chunk(delta().put("content", piece), null));
		}
		return body.append(chunk(delta(), "stop")).append("data: [DONE]\n\n").toString();
	}

	/** A streamed chat completion calling one tool, its arguments in two pieces. */
	static String toolReply(String id, String name, String arguments) {
		ObjectNode first = delta().put("role", "assistant");
		ObjectNode call = first.putArray("tool_calls").addObject().put("index", 0).put("id", id).put("type", "function");
		call.putObject("function").put("name", name).put("arguments", "");
		int half = arguments.length() / 2;
		StringBuilder body = new StringBuilder(chunk(first, null));
		for (String part : List.of(arguments.substring(0, half), arguments.substring(half))) {
			ObjectNode delta = delta();
			delta.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", part);
			body.append(chunk(delta, null));
		}
		return body.append(chunk(delta(), "tool_calls")).append("data: [DONE]\n\n").toString();
	}

	private static ObjectNode delta() {
		return BridgeCalls.json.createObjectNode();
	}

	private static String chunk(ObjectNode delta, String finishReason) {
		ObjectNode chunk = BridgeCalls.json.createObjectNode()
			.put("id", "chatcmpl-bridge")
			.put("object", "chat.completion.chunk")
			.put("created", 1764800000)
			.put("model", "llama-3.3-70b-versatile");
		ArrayNode choices = chunk.putArray("choices");
		ObjectNode choice = choices.addObject().put("index", 0);
		choice.set("delta", delta);
		if (finishReason != null) {
			choice.put("finish_reason", finishReason);
		}
		else {
			choice.putNull("finish_reason");
		}
		return "data: " + BridgeCalls.json.writeValueAsString(chunk) + "\n\n";
	}

}
