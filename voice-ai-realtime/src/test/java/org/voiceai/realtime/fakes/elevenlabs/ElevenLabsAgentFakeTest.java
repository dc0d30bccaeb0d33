package org.voiceai.realtime.fakes.elevenlabs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.realtime.provider.ProviderSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake answers like the agent WebSocket, including its 1008 refusals, for a client that sends raw messages. */
class ElevenLabsAgentFakeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ElevenLabsAgentFake elevenlabs = ElevenLabsAgentFake.start("xi-fake");

	private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

	private final LinkedBlockingQueue<Object> closes = new LinkedBlockingQueue<>();

	private final ProviderSocket socket = new ProviderSocket("ElevenLabs");

	@AfterEach
	void close() {
		this.socket.close();
		this.elevenlabs.close();
	}

	private void connect(String agentId) {
		this.socket.connect(URI.create(this.elevenlabs.baseUrl() + "/v1/convai/conversation?agent_id=" + agentId),
				Map.of(), Duration.ofSeconds(5), new ProviderSocket.Listener() {

					@Override
					public void onMessage(String message) {
						ElevenLabsAgentFakeTest.this.messages.add(JSON.readTree(message));
					}

					@Override
					public void onClosed(ProviderSocket.CloseStatus status, Throwable error) {
						ElevenLabsAgentFakeTest.this.closes.add((status != null) ? status : "none");
					}

				});
	}

	private JsonNode next(String type) throws InterruptedException {
		while (true) {
			JsonNode message = this.messages.poll(5, TimeUnit.SECONDS);
			assertThat(message).as("a '" + type + "' message").isNotNull();
			if (type.equals(message.path("type").asString())) {
				return message;
			}
		}
	}

	private ProviderSocket.CloseStatus closed() throws InterruptedException {
		Object close = this.closes.poll(5, TimeUnit.SECONDS);
		assertThat(close).isInstanceOf(ProviderSocket.CloseStatus.class);
		return (ProviderSocket.CloseStatus) close;
	}

	@Test
	void audioFirstStartsWithoutOverridesAndTheAgentsFirstMessagePlays() throws InterruptedException {
		this.elevenlabs.agent("a1").firstMessage("Hi there").formats("ulaw_8000", "pcm_24000");
		connect("a1");
		this.socket.send("{\"user_audio_chunk\":\"" + Base64.getEncoder().encodeToString(new byte[160])
				+ "\"}");
		JsonNode metadata = next("conversation_initiation_metadata").path("conversation_initiation_metadata_event");
		assertThat(metadata.path("conversation_id").asString()).startsWith("conv_");
		assertThat(metadata.path("user_input_audio_format").asString()).isEqualTo("ulaw_8000");
		assertThat(metadata.path("agent_output_audio_format").asString()).isEqualTo("pcm_24000");
		JsonNode response = next("agent_response").path("agent_response_event");
		assertThat(response.path("agent_response").asString()).isEqualTo("Hi there");
		JsonNode audio = next("audio").path("audio_event");
		assertThat(audio.path("event_id").asLong()).isEqualTo(response.path("event_id").asLong());
		// 100 ms at 24 kHz PCM16
		assertThat(Base64.getDecoder().decode(audio.path("audio_base_64").asString())).hasSize(4800);
		assertThat(this.elevenlabs.awaitConversation().receivedAudioMillis()).isEqualTo(20);
	}

	@Test
	void aForbiddenOverrideIsAnOverrideErrorAndClose1008() throws InterruptedException {
		this.elevenlabs.agent("a1").allowOverrides("first_message");
		connect("a1");
		this.socket.send("{\"type\":\"conversation_initiation_client_data\",\"conversation_config_override\":"
				+ "{\"agent\":{\"first_message\":\"\",\"language\":\"pt\"}}}");
		JsonNode error = next("error").path("error_event");
		assertThat(error.path("code").asInt()).isEqualTo(1008);
		assertThat(error.path("error_type").asString()).isEqualTo("override_error");
		assertThat(error.path("message").asString()).contains("agent.language");
		assertThat(closed().code()).isEqualTo(1008);
	}

	@Test
	void unknownMessagesAndMessagesBeforeTheStartAreInvalid() throws InterruptedException {
		this.elevenlabs.agent("a1");
		connect("a1");
		this.socket.send("{\"type\":\"pong\",\"event_id\":1}");
		assertThat(next("error").path("error_event").path("error_type").asString()).isEqualTo("invalid_message");
		assertThat(closed().code()).isEqualTo(1008);

		this.messages.clear();
		ProviderSocket second = new ProviderSocket("ElevenLabs");
		LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
		second.connect(URI.create(this.elevenlabs.baseUrl() + "/v1/convai/conversation?agent_id=a1"),
				Map.of(), Duration.ofSeconds(5), new ProviderSocket.Listener() {

					@Override
					public void onMessage(String message) {
						received.add(JSON.readTree(message));
					}

					@Override
					public void onClosed(ProviderSocket.CloseStatus status, Throwable error) {
					}

				});
		second.send("{\"type\":\"conversation_initiation_client_data\"}");
		second.send("{\"type\":\"response.create\"}");
		JsonNode last = null;
		for (JsonNode message = received.poll(5, TimeUnit.SECONDS); message != null; message = received.poll(1,
				TimeUnit.SECONDS)) {
			last = message;
		}
		second.close();
		assertThat(last).isNotNull();
		assertThat(last.path("type").asString()).isEqualTo("error");
		assertThat(last.path("error_event").path("message").asString()).contains("response.create");
	}

	@Test
	void signedUrlsNeedTheKeyAndWorkOnce() throws Exception {
		this.elevenlabs.agent("private1").makePrivate();
		HttpClient http = HttpClient.newHttpClient();
		String endpoint = this.elevenlabs.baseUrl().replace("ws://", "http://")
				+ "/v1/convai/conversation/get-signed-url?agent_id=private1";
		HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(endpoint)).header("xi-api-key", "nope")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(401);
		HttpResponse<String> signed = http.send(HttpRequest.newBuilder(URI.create(endpoint)).header("xi-api-key", "xi-fake")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signed.statusCode()).isEqualTo(200);
		String url = JSON.readTree(signed.body()).path("signed_url").asString();
		assertThat(url).contains("agent_id=private1", "conversation_signature=sig_");
		this.socket.connect(URI.create(url), Map.of(), Duration.ofSeconds(5), new ProviderSocket.Listener() {

			@Override
			public void onMessage(String message) {
				ElevenLabsAgentFakeTest.this.messages.add(JSON.readTree(message));
			}

			@Override
			public void onClosed(ProviderSocket.CloseStatus status, Throwable error) {
			}

		});
		this.socket.send("{\"type\":\"conversation_initiation_client_data\"}");
		next("conversation_initiation_metadata");
		assertThat(this.elevenlabs.awaitConversation().signed()).isTrue();
		ProviderSocket reuse = new ProviderSocket("ElevenLabs");
		LinkedBlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
		reuse.connect(URI.create(url), Map.of(), Duration.ofSeconds(5), new ProviderSocket.Listener() {

			@Override
			public void onMessage(String message) {
			}

			@Override
			public void onClosed(ProviderSocket.CloseStatus status, Throwable error) {
				errors.add((error != null) ? error : new AssertionError("closed without error"));
			}

		});
		assertThat(errors.poll(5, TimeUnit.SECONDS)).hasMessageContaining("403");
	}

}
