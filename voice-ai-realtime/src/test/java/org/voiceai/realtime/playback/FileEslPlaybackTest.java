package org.voiceai.realtime.playback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.realtime.esl.EslCommands;
import org.voiceai.realtime.esl.EslEvent;
import org.voiceai.realtime.esl.EslGateway;

import static org.assertj.core.api.Assertions.assertThat;

/** The open-source module's file playback: chunking, ordering, and never playing an interrupted reply. */
class FileEslPlaybackTest {

	static final UUID CALL = UUID.fromString("9f0c1f4e-3b0a-4f57-b1a3-2f1c7a5d9e11");

	final List<String> sent = new ArrayList<>();

	final List<String> commands = new ArrayList<>();

	final JsonMapper json = JsonMapper.builder().build();

	final FileEslPlayback playback = new FileEslPlayback(new StreamOutput() {

		@Override
		public void sendBinary(byte[] data) {
			throw new AssertionError("the file mode sends no binary frames");
		}

		@Override
		public void sendText(String text) {
			FileEslPlaybackTest.this.sent.add(text);
		}

	}, new EslCommands(new RecordingGateway()), CALL, this.json, 8000, Duration.ofMillis(100));

	@Test
	void framesAreSentInChunksAndAPartialChunkWhenIdle() {
		for (int i = 0; i < 6; i++) {
			this.playback.play(new byte[320]);
		}
		assertThat(this.sent).hasSize(1);
		this.playback.idle();
		assertThat(this.sent).hasSize(2);
		assertThat(this.json.readTree(this.sent.get(0)).path("data").path("seq").asInt()).isZero();
		assertThat(this.json.readTree(this.sent.get(1)).path("data").path("audioData").asString())
			.hasSize(4 * ((320 + 2) / 3));
	}

	@Test
	void filesPlayInSequenceOrderEvenWhenEventsOvertakeEachOther() {
		this.playback.onEslEvent(play(1, 0, "/tmp/b.r8"));
		assertThat(this.commands).isEmpty();
		this.playback.onEslEvent(play(0, 0, "/tmp/a.r8"));
		assertThat(this.commands).containsExactly("uuid_broadcast " + CALL + " /tmp/a.r8 aleg",
				"uuid_broadcast " + CALL + " /tmp/b.r8 aleg");
	}

	@Test
	void afterABargeInTheInterruptedRepliesFilesAreNeverPlayed() {
		for (int i = 0; i < 10; i++) {
			this.playback.play(new byte[320]);
		}
		this.playback.clear();
		assertThat(this.commands).containsExactly("uuid_break " + CALL + " all");
		this.playback.onEslEvent(play(1, 0, "/tmp/old.r8"));
		this.playback.play(new byte[1600]);
		this.playback.onEslEvent(play(2, 1, "/tmp/new.r8"));
		assertThat(this.commands).containsExactly("uuid_break " + CALL + " all",
				"uuid_broadcast " + CALL + " /tmp/new.r8 aleg");
	}

	private static EslEvent play(int seq, int gen, String file) {
		return new EslEvent("CUSTOM", "mod_audio_stream::play", CALL.toString(), Map.of(EslEvent.BODY,
				"{\"audioDataType\":\"raw\",\"sampleRate\":8000,\"seq\":" + seq + ",\"gen\":" + gen + ",\"file\":\""
						+ file + "\"}"));
	}

	private final class RecordingGateway implements EslGateway {

		@Override
		public Mono<String> api(String command) {
			return Mono.fromSupplier(() -> {
				FileEslPlaybackTest.this.commands.add(command);
				return "+OK\n";
			});
		}

		@Override
		public Flux<EslEvent> events() {
			return Flux.never();
		}

		@Override
		public boolean isConnected() {
			return true;
		}

	}

}
