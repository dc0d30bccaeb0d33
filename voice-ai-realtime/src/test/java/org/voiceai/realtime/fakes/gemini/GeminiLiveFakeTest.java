package org.voiceai.realtime.fakes.gemini;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.websocket.WebsocketInbound;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake answers and refuses like the Live API, for a client that sends raw messages. */
class GeminiLiveFakeTest {

	private static final String SETUP = "{\"setup\":{\"model\":\"models/gemini-live-2.5-flash-preview\","
			+ "\"generationConfig\":{\"responseModalities\":[\"AUDIO\"]}}}";

	private final GeminiLiveFake gemini = GeminiLiveFake.start("AIza-fake");

	private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();

	private final List<WebSocketFrame> frameTypes = new CopyOnWriteArrayList<>();

	private final LinkedBlockingQueue<Integer> closes = new LinkedBlockingQueue<>();

	private Disposable client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.dispose();
		}
		this.gemini.close();
	}

	private void connect(String query, String header, String... sent) {
		this.client = HttpClient.create()
			.headers((headers) -> {
				if (header != null) {
					headers.set("x-goog-api-key", header);
				}
			})
			.websocket()
			.uri(URI.create(this.gemini.baseUrl() + query))
			.handle((in, out) -> {
				record(in);
				return out.sendString(Flux.fromArray(sent).delayElements(Duration.ofMillis(50)), StandardCharsets.UTF_8)
					.then(Mono.never());
			})
			.subscribe();
	}

	private void record(WebsocketInbound in) {
		in.receiveCloseStatus().subscribe((status) -> this.closes.add(status.code()));
		in.aggregateFrames().receiveFrames().subscribe((frame) -> {
			this.frameTypes.add(frame);
			this.messages.add(frame.content().toString(StandardCharsets.UTF_8));
		});
	}

	@Test
	void answersSetupWithSetupCompleteInABinaryFrameAndAcceptsTheKeyAsQueryParameter() throws Exception {
		connect("?key=AIza-fake", null, SETUP);
		assertThat(this.messages.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"setupComplete\":{}}");
		assertThat(this.frameTypes.get(0)).isInstanceOf(BinaryWebSocketFrame.class);
	}

	@Test
	void refusesAWrongKeyWith1007() throws Exception {
		connect("", "AIza-wrong", SETUP);
		assertThat(this.closes.poll(5, TimeUnit.SECONDS)).isEqualTo(1007);
		assertThat(this.gemini.awaitSession().closeCode()).isEqualTo(1007);
	}

	@Test
	void refusesAudioBeforeSetup() throws Exception {
		connect("", "AIza-fake", "{\"realtime_input\":{\"audio\":{\"data\":\"AAAA\",\"mime_type\":\"audio/pcm;rate=16000\"}}}");
		assertThat(this.closes.poll(5, TimeUnit.SECONDS)).isEqualTo(1007);
	}

	@Test
	void refusesJsonSchemaTypesAndKeywordsGeminiDoesNotKnow() throws Exception {
		connect("", "AIza-fake", "{\"setup\":{\"model\":\"models/gemini-live-2.5-flash-preview\","
				+ "\"generationConfig\":{\"responseModalities\":[\"AUDIO\"]},\"tools\":[{\"functionDeclarations\":[{"
				+ "\"name\":\"f\",\"parameters\":{\"type\":\"object\",\"additionalProperties\":false}}]}]}}");
		assertThat(this.closes.poll(5, TimeUnit.SECONDS)).isEqualTo(1007);
	}

	@Test
	void refusesAnUnknownModelWith1008() throws Exception {
		connect("", "AIza-fake", "{\"setup\":{\"model\":\"models/gemini-1.0-pro\"}}");
		assertThat(this.closes.poll(5, TimeUnit.SECONDS)).isEqualTo(1008);
	}

	@Test
	void acceptsSnakeCaseMessagesAndRefusesAToolResponseForNoCall() throws Exception {
		connect("", "AIza-fake", SETUP, "{\"client_content\":{\"turns\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}],"
				+ "\"turn_complete\":true}}", "{\"tool_response\":{\"function_responses\":[{\"id\":\"nope\","
						+ "\"name\":\"f\",\"response\":{}}]}}");
		assertThat(this.messages.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"setupComplete\":{}}");
		assertThat(this.messages.poll(5, TimeUnit.SECONDS)).contains("modelTurn", "audio/pcm;rate=24000");
		assertThat(this.closes.poll(5, TimeUnit.SECONDS)).isEqualTo(1007);
		assertThat(this.gemini.awaitSession().received("clientContent")).hasSize(1);
	}

}
