package org.voiceai.service.transcribe;

import java.util.Base64;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;

import org.voiceai.audio.InvalidAudioException;
import org.voiceai.service.audio.SharedAudioDirectory;

/**
 * The caller's audio as the turn-based endpoints accept it: inline base64 ({@code audio_base64}), a path in the
 * directory shared with FreeSWITCH ({@code audio_file}, confined to it), or a multipart upload. Only the bytes; the
 * WAV is validated by whoever transcribes it.
 */
public final class IncomingAudio {

	private IncomingAudio() {
	}

	/** Exactly one of {@code audioBase64} and {@code audioFile} must have text. */
	public static Mono<byte[]> fromJson(SharedAudioDirectory directory, String audioBase64, String audioFile) {
		boolean inline = audioBase64 != null && !audioBase64.isBlank();
		boolean byPath = audioFile != null && !audioFile.isBlank();
		if (inline == byPath) {
			return Mono.error(new InvalidAudioException("give exactly one of audio_base64 or audio_file"));
		}
		if (byPath) {
			return directory.read(audioFile);
		}
		try {
			return Mono.just(Base64.getMimeDecoder().decode(audioBase64));
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(new InvalidAudioException("audio_base64 is not valid base64"));
		}
	}

	/** The whole upload; its size was bounded by the multipart limits while it streamed. */
	public static Mono<byte[]> fromPart(FilePart file) {
		return DataBufferUtils.join(file.content()).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		});
	}

}
