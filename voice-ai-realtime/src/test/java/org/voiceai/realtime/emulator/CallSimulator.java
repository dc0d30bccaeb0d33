package org.voiceai.realtime.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Wav;
import org.voiceai.realtime.audio.AudioConverter;

/**
 * A caller on the command line: plays a WAV file into a running bridge as mod_audio_stream would (after a short
 * silence, so the greeting can be heard first), listens for a while, and writes what the caller heard to a WAV file.
 * The stream URL asks for the {@code raw} return mode, so what arrives is exactly the agent's audio.
 *
 * <pre>
 * java -cp … org.voiceai.realtime.emulator.CallSimulator \
 *   'ws://127.0.0.1:8080/stream/&lt;secretary&gt;/&lt;call&gt;?domain_uuid=&lt;domain&gt;&amp;rate=8000&amp;return_mode=raw' \
 *   "$VOICE_AI_SERVICE_TOKEN" question.wav heard.wav 20
 * </pre>
 */
public final class CallSimulator {

	private CallSimulator() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 5) {
			System.err.println("usage: CallSimulator <stream-url with return_mode=raw> <token> <caller.wav> <heard.wav> <seconds>");
			System.exit(2);
		}
		byte[] heard = call(URI.create(args[0]), args[1], Files.readAllBytes(Path.of(args[2])),
				Duration.ofSeconds(Long.parseLong(args[4])), Duration.ofSeconds(3));
		Files.write(Path.of(args[3]), heard);
		System.out.println("wrote " + args[3] + " (" + (heard.length - 44) / 16 + " ms of agent audio at 8 kHz)");
	}

	/**
	 * Plays {@code callerWav} (any rate the toolkit converts, mono) into the bridge after {@code before} of silence and
	 * listens for {@code length} in all; returns what the caller heard as an 8 kHz WAV.
	 */
	public static byte[] call(URI stream, String token, byte[] callerWav, Duration length, Duration before)
			throws InterruptedException, IOException {
		Wav.Audio caller = Wav.read(callerWav);
		AudioFormat callFormat = new AudioFormat(AudioEncoding.PCM16, 8000, 1);
		byte[] speech = new AudioConverter(caller.format(), callFormat).convert(caller.samples());
		try (ModAudioStreamEmulator emulator = ModAudioStreamEmulator.connect(stream,
				Map.of("Authorization", "Bearer " + token), 8000, null)) {
			Thread.sleep(before.toMillis());
			emulator.speak(speech);
			Thread.sleep(Math.max(0, length.minus(before).toMillis()));
			ByteArrayOutputStream heard = new ByteArrayOutputStream();
			for (ModAudioStreamEmulator.Received received : emulator.received()) {
				if (received.isBinary()) {
					heard.write(received.binary());
				}
			}
			return Wav.write(callFormat, heard.toByteArray());
		}
	}

}
