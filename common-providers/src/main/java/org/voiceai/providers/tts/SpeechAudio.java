package org.voiceai.providers.tts;

import java.util.Arrays;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.InvalidAudioException;
import org.voiceai.audio.Pcm16;
import org.voiceai.audio.Resampler;
import org.voiceai.audio.Wav;
import org.voiceai.providers.error.ProviderUnavailableException;

/**
 * Turns what a provider sent back into what FreeSWITCH plays: a mono 16-bit PCM WAV at the requested rate. Every
 * text-to-speech provider ends here, so the check that the answer really is audio, the downmix, the resampling and
 * the duration are decided once.
 */
public final class SpeechAudio {

	private SpeechAudio() {
	}

	/**
	 * A provider's successful answer: its bytes and the content type it declared (may be {@code null}).
	 *
	 * @param contentType the declared type, or {@code null}
	 * @param bytes the body, empty when there was none
	 */
	public record Body(MediaType contentType, byte[] bytes) {

		/** Reads a 2xx response completely. */
		public static Mono<Body> read(ClientResponse response) {
			MediaType type = response.headers().contentType().orElse(null);
			return response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> new Body(type, bytes));
		}

	}

	/**
	 * Speech from a WAV answer. The declared content type is only used in the error message: local servers such as
	 * Piper's answer WAV as {@code text/html}, so the RIFF header is what decides.
	 */
	public static SynthesizedAudio fromWav(String provider, Body body, int sampleRate) {
		Wav.Audio audio;
		try {
			audio = Wav.read(body.bytes());
		}
		catch (InvalidAudioException ex) {
			throw notAudio(provider, body, ex.getMessage());
		}
		if (audio.format().encoding() != AudioEncoding.PCM16) {
			throw new ProviderUnavailableException(provider,
					"answered with " + audio.format().encoding() + " audio instead of the 16-bit PCM requested", null);
		}
		short[] samples = Pcm16.downmix(Pcm16.toShorts(audio.samples()), audio.format().channels());
		return toRequestedRate(provider, samples, audio.format().sampleRate(), sampleRate);
	}

	/** Speech from raw (headerless) 16-bit little-endian mono PCM at {@code sourceRate}. */
	public static SynthesizedAudio fromPcm16(String provider, Body body, int sourceRate, int sampleRate) {
		// Raw PCM has no header to check, so an error page or JSON answered with 200 is caught by its declared type.
		if (isText(body.contentType())) {
			throw notAudio(provider, body, "raw 16-bit PCM was requested");
		}
		byte[] bytes = body.bytes();
		if (bytes.length < 2) {
			throw notAudio(provider, body, "no audio samples");
		}
		// A stream cut mid-sample leaves one odd byte; the samples before it are still good.
		byte[] whole = (bytes.length % 2 == 0) ? bytes : Arrays.copyOf(bytes, bytes.length - 1);
		return toRequestedRate(provider, Pcm16.toShorts(whole), sourceRate, sampleRate);
	}

	private static SynthesizedAudio toRequestedRate(String provider, short[] samples, int sourceRate, int sampleRate) {
		if (sourceRate != sampleRate && !Resampler.SUPPORTED_RATES.contains(sourceRate)) {
			throw new ProviderUnavailableException(provider, "answered with audio at " + sourceRate
					+ " Hz, a rate we cannot convert to " + sampleRate + " Hz", null);
		}
		short[] output = (sourceRate == sampleRate) ? samples : Resampler.resample(samples, sourceRate, sampleRate);
		if (output.length == 0) {
			throw new ProviderUnavailableException(provider, "answered with no audio samples", null);
		}
		AudioFormat format = new AudioFormat(AudioEncoding.PCM16, sampleRate, 1);
		byte[] pcm = Pcm16.toBytes(output);
		return new SynthesizedAudio(Wav.write(format, pcm), sampleRate, format.duration(pcm.length), provider);
	}

	private static boolean isText(MediaType type) {
		return type != null && (type.getType().equals("text") || type.getSubtype().equals("json")
				|| type.getSubtype().endsWith("+json") || type.getSubtype().equals("xml")
				|| type.getSubtype().endsWith("+xml"));
	}

	private static ProviderUnavailableException notAudio(String provider, Body body, String problem) {
		String declared = (body.contentType() != null) ? body.contentType() + ", " : "";
		return new ProviderUnavailableException(provider, "answered with something that is not audio (" + declared
				+ body.bytes().length + " bytes): " + problem, null);
	}

}
