package org.voiceai.realtime.provider;

import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.G711;
import org.voiceai.audio.Pcm16;
import org.voiceai.providers.realtime.RealtimeConversation;

/** Caller audio for the realtime adapters' tests: a tone the fakes' energy detectors hear as speech, or silence. */
public final class CallerSpeech {

	private CallerSpeech() {
	}

	/** {@code millis} of caller audio in {@code format}: a loud 300 Hz tone, or silence. */
	public static byte[] callerAudio(AudioFormat format, int millis, boolean loud) {
		short[] samples = new short[format.sampleRate() * millis / 1000];
		for (int n = 0; loud && n < samples.length; n++) {
			samples[n] = (short) (12000 * Math.sin(2 * Math.PI * 300 * n / format.sampleRate()));
		}
		return switch (format.encoding()) {
			case ULAW -> G711.encodeUlaw(samples);
			case ALAW -> G711.encodeAlaw(samples);
			case PCM16 -> Pcm16.toBytes(samples);
		};
	}

	/** Sends a caller turn as 20 ms frames: {@code speechMs} of tone, then {@code silenceMs} of silence. */
	public static void speakAsCaller(RealtimeConversation conversation, int speechMs, int silenceMs) {
		for (int t = 0; t < speechMs; t += 20) {
			conversation.sendAudio(callerAudio(conversation.inputFormat(), 20, true));
		}
		for (int t = 0; t < silenceMs; t += 20) {
			conversation.sendAudio(callerAudio(conversation.inputFormat(), 20, false));
		}
	}

}
