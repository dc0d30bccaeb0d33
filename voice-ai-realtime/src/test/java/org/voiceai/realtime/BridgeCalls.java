package org.voiceai.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.voiceai.audio.Pcm16;
import org.voiceai.realtime.emulator.ModAudioStreamEmulator;
import org.voiceai.realtime.emulator.ModAudioStreamEmulator.Received;
import org.voiceai.realtime.fakes.esl.FakeFreeSwitchEsl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;

/**
 * Places calls on the bridge for the end-to-end tests and observes them from FreeSWITCH's side: what the caller
 * heard and when (over the stream, or, in {@code file} mode, through the broadcasts commanded on the ESL fake), and
 * what the bridge reported to voice-ai-service (WireMock).
 */
final class BridgeCalls {

	/** 8 kHz 16-bit: bytes per millisecond. */
	static final int BYTES_PER_MS = 16;

	static final JsonMapper json = JsonMapper.builder().build();

	private final FakeFreeSwitchEsl esl;

	private final WireMockServer service;

	private final Path moduleFiles;

	private final AtomicInteger fileSequence = new AtomicInteger();

	/** @param moduleFiles where the emulated mod_audio_stream writes the files of {@code file} mode */
	BridgeCalls(FakeFreeSwitchEsl esl, WireMockServer service, Path moduleFiles) {
		this.esl = esl;
		this.service = service;
		this.moduleFiles = moduleFiles;
	}

	/**
	 * Resets the service and answers its conversation API with 200, and OpenAI speech (the apology's text-to-speech
	 * at {@code /v1/audio/speech}) with one second of a tone as raw 24 kHz PCM.
	 */
	void fakeServiceAndSpeech() {
		this.service.resetAll();
		this.service.stubFor(any(urlPathMatching("/api/v1/conversations/.*"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
		this.service.stubFor(post(urlPathEqualTo("/v1/audio/speech"))
			.willReturn(aResponse().withStatus(200).withBody(tone(24000, 1000))));
	}

	/**
	 * Connects an 8 kHz caller on {@code uri}; its channel exists on the ESL fake, and in {@code file} mode the
	 * emulator plays what the bridge streams as mod_audio_stream would.
	 */
	ModAudioStreamEmulator connect(URI uri, UUID call, String mode, String metadata) throws InterruptedException {
		this.esl.addChannel(call.toString());
		ModAudioStreamEmulator emulator = ModAudioStreamEmulator.connect(uri, CallFixture.authorization(), 8000,
				metadata);
		if ("file".equals(mode)) {
			emulator.onText((text) -> writeAndAnnounce(call, text));
		}
		return emulator;
	}

	/**
	 * What the open-source mod_audio_stream does with {@code streamAudio}: writes the audio to a raw file and fires
	 * {@code mod_audio_stream::play} with the data object minus the audio plus the file's path.
	 */
	private void writeAndAnnounce(UUID call, String text) {
		JsonNode message = json.readTree(text);
		if (!"streamAudio".equals(message.path("type").asString())) {
			return;
		}
		JsonNode data = message.path("data");
		Path file = this.moduleFiles.resolve(call + "_" + this.fileSequence.incrementAndGet() + ".tmp.r8");
		try {
			Files.write(file, Base64.getDecoder().decode(data.path("audioData").asString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ObjectNode body = (ObjectNode) data.deepCopy();
		body.remove("audioData");
		body.put("file", file.toString());
		this.esl.emitAudioStreamEvent(call.toString(), "play", body.toString());
	}

	/** Milliseconds of agent audio that reached FreeSWITCH for this call (file mode: that it was asked to play). */
	int heardMillis(ModAudioStreamEmulator caller, String mode, UUID call) {
		return switch (mode) {
			case "raw" -> caller.received().stream().filter(Received::isBinary).mapToInt((r) -> r.binary().length).sum()
					/ BYTES_PER_MS;
			case "json" -> caller.received().stream().filter((r) -> !r.isBinary())
				.map((r) -> json.readTree(r.text()))
				.filter((m) -> "streamAudio".equals(m.path("type").asString()))
				.mapToInt((m) -> Base64.getDecoder().decode(m.path("data").path("audioData").asString()).length)
				.sum() / BYTES_PER_MS;
			default -> (int) (broadcastFiles(call).stream().mapToLong(BridgeCalls::size).sum() / BYTES_PER_MS);
		};
	}

	long firstAgentAudio(ModAudioStreamEmulator caller, String mode, UUID call) {
		return agentAudioArrivals(caller, mode, call).get(0);
	}

	long lastAgentAudio(ModAudioStreamEmulator caller, String mode, UUID call) {
		List<Long> arrivals = agentAudioArrivals(caller, mode, call);
		return arrivals.get(arrivals.size() - 1);
	}

	/** When each piece of agent audio reached FreeSWITCH (file mode: when its broadcast was commanded). */
	List<Long> agentAudioArrivals(ModAudioStreamEmulator caller, String mode, UUID call) {
		if ("file".equals(mode)) {
			return this.esl.commands().stream()
				.filter((command) -> command.line().startsWith("api uuid_broadcast " + call))
				.map(FakeFreeSwitchEsl.ReceivedCommand::nanoTime)
				.toList();
		}
		List<Long> arrivals = new ArrayList<>();
		for (Received received : caller.received()) {
			boolean audio = "raw".equals(mode) ? received.isBinary()
					: !received.isBinary() && received.text().startsWith("{\"type\":\"streamAudio\"");
			if (audio) {
				arrivals.add(received.nanos());
			}
		}
		return arrivals;
	}

	private List<Path> broadcastFiles(UUID call) {
		return this.esl.apiCommands().stream()
			.filter((command) -> command.startsWith("uuid_broadcast " + call))
			.map((command) -> Path.of(command.split(" ")[2]))
			.toList();
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text frames the bridge sent the caller's stream. */
	static List<String> texts(ModAudioStreamEmulator caller) {
		return caller.received().stream().filter((r) -> !r.isBinary()).map(Received::text).toList();
	}

	/** The messages the bridge reported to the service for this call, as posted. */
	List<JsonNode> messages(UUID call) {
		return this.service
			.findAll(postRequestedFor(urlPathEqualTo("/api/v1/conversations/" + call + "/messages")))
			.stream()
			.map((request) -> json.readTree(request.getBodyAsString()))
			.toList();
	}

	/** The utterances the bridge reported to the service for this call, as "role:content". */
	List<String> utterances(UUID call) {
		return messages(call).stream()
			.map((body) -> body.path("role").asString() + ":" + body.path("content").asString())
			.toList();
	}

	/** The body of the call's end report, once the bridge has sent it. */
	JsonNode awaitEnd(UUID call) {
		var pattern = postRequestedFor(urlPathEqualTo("/api/v1/conversations/" + call + "/end"));
		await().atMost(Duration.ofSeconds(15)).until(() -> !this.service.findAll(pattern).isEmpty());
		return json.readTree(this.service.findAll(pattern).get(0).getBodyAsString());
	}

	/** {@code millis} of a loud 300 Hz tone, 16-bit PCM at {@code rate}: speech to the fakes' energy detectors. */
	static byte[] tone(int rate, int millis) {
		short[] samples = new short[rate * millis / 1000];
		for (int n = 0; n < samples.length; n++) {
			samples[n] = (short) (12000 * Math.sin(2 * Math.PI * 300 * n / rate));
		}
		return Pcm16.toBytes(samples);
	}

}
