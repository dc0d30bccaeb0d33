package org.voiceai.realtime.fakes.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.audio.AudioFormat;
import org.voiceai.realtime.provider.ProviderSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake answers like the GA API, including its errors, for a client that sends raw events. */
class OpenAiRealtimeFakeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OpenAiRealtimeFake openai = OpenAiRealtimeFake.start("sk-fake");

	private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

	private final LinkedBlockingQueue<Object> closes = new LinkedBlockingQueue<>();

	private final ProviderSocket socket = new ProviderSocket("OpenAI Realtime");

	@AfterEach
	void close() {
		this.socket.close();
		this.openai.close();
	}

	private void connect() {
		this.socket.connect(URI.create(this.openai.baseUrl() + "?model=gpt-realtime"), Map.of("Authorization", "Bearer sk-fake"), Duration.ofSeconds(5),
				new ProviderSocket.Listener() {

					@Override
					public void onMessage(String message) {
						OpenAiRealtimeFakeTest.this.messages.add(JSON.readTree(message));
					}

					@Override
					public void onClosed(ProviderSocket.CloseStatus status, Throwable error) {
						OpenAiRealtimeFakeTest.this.closes.add((status != null) ? status : "none");
					}

				});
	}

	private JsonNode next(String type) throws InterruptedException {
		while (true) {
			JsonNode message = this.messages.poll(5, TimeUnit.SECONDS);
			assertThat(message).as("a '" + type + "' event").isNotNull();
			if (type.equals(message.path("type").asString())) {
				return message;
			}
		}
	}

	@Test
	void startsWithSessionCreatedAndConfirmsAValidUpdate() throws InterruptedException {
		connect();
		JsonNode created = next("session.created");
		assertThat(created.path("session").path("id").asString()).startsWith("sess_");
		assertThat(created.path("event_id").asString()).startsWith("event_");
		this.socket.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"Be brief\","
				+ "\"audio\":{\"input\":{\"format\":{\"type\":\"audio/pcmu\"}},\"output\":{\"voice\":\"ash\"}}}}");
		JsonNode updated = next("session.updated").path("session");
		assertThat(updated.path("instructions").asString()).isEqualTo("Be brief");
		assertThat(updated.path("audio").path("output").path("voice").asString()).isEqualTo("ash");
		assertThat(updated.path("audio").path("output").path("format").path("type").asString()).isEqualTo("audio/pcm");
		assertThat(this.openai.awaitSession().inputFormat()).isEqualTo(AudioFormat.ULAW_8K);
	}

	@Test
	void answersMalformedEventsWithErrorEventsLikeTheApi() throws InterruptedException {
		connect();
		next("session.created");
		this.socket.send("not json");
		assertThat(next("error").path("error").path("code").asString()).isEqualTo("invalid_json");
		this.socket.send("{\"type\":\"session.update\",\"event_id\":\"e1\",\"session\":{\"instructions\":\"x\"}}");
		JsonNode missingType = next("error").path("error");
		assertThat(missingType.path("param").asString()).isEqualTo("session.type");
		assertThat(missingType.path("event_id").asString()).isEqualTo("e1");
		this.socket.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":"
				+ "{\"format\":{\"type\":\"audio/pcm\",\"rate\":16000}}}}}");
		assertThat(next("error").path("error").path("param").asString()).isEqualTo("session.audio.input.format");
		this.socket.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\"***\"}");
		assertThat(next("error").path("error").path("param").asString()).isEqualTo("audio");
		this.socket.send("{\"type\":\"response.cancel\"}");
		assertThat(next("error").path("error").path("code").asString()).isEqualTo("response_cancel_not_active");
		this.socket.send("{\"type\":\"conversation.item.truncate\",\"item_id\":\"item_x\",\"content_index\":0,"
				+ "\"audio_end_ms\":10}");
		assertThat(next("error").path("error").path("param").asString()).isEqualTo("item_id");
		this.socket.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\","
				+ "\"call_id\":\"call_unknown\",\"output\":\"{}\"}}");
		assertThat(next("error").path("error").path("message").asString()).contains("call_unknown");
		this.socket.send("{\"type\":\"transcription_session.update\"}");
		assertThat(next("error").path("error").path("code").asString()).isEqualTo("invalid_value");
	}

	@Test
	void truncatingPastTheAudioOfAnItemIsAnError() throws InterruptedException {
		connect();
		next("session.created");
		FakeRealtimeSession session = this.openai.awaitSession();
		FakeRealtimeSession.Reply reply = session.speak("Hello.", Duration.ofMillis(300));
		this.socket.send("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + reply.itemId()
				+ "\",\"content_index\":0,\"audio_end_ms\":301}");
		assertThat(next("error").path("error").path("message").asString()).contains("shorter than 301ms");
		this.socket.send("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + reply.itemId()
				+ "\",\"content_index\":0,\"audio_end_ms\":300}");
		assertThat(next("conversation.item.truncated").path("audio_end_ms").asLong()).isEqualTo(300);
	}

	@Test
	void betaShapedSessionsAreClosedWith4000() throws InterruptedException {
		connect();
		next("session.created");
		this.socket.send("{\"type\":\"session.update\",\"session\":{\"modalities\":[\"audio\"],\"voice\":\"ash\"}}");
		assertThat(next("error").path("error").path("code").asString()).isEqualTo("beta_api_shape_disabled");
		Object close = this.closes.poll(5, TimeUnit.SECONDS);
		assertThat(close).isEqualTo(new ProviderSocket.CloseStatus(4000,
				"invalid_request_error.beta_api_shape_disabled"));
	}

}
