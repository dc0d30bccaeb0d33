package org.voiceai.bench;

import java.util.Random;

/**
 * Benchmark input with a voice's spread of levels: tones plus noise under a slowly varying envelope, so G.711 visits
 * every segment rather than one branch-predictable code.
 */
final class SpeechLikeSignal {

	private SpeechLikeSignal() {
	}

	static short[] samples(int length, Random random) {
		short[] samples = new short[length];
		for (int i = 0; i < length; i++) {
			double envelope = 0.05 + 0.95 * Math.abs(Math.sin(2 * Math.PI * i / 97.0));
			double voice = 0.6 * Math.sin(2 * Math.PI * i / 37.0) + 0.3 * Math.sin(2 * Math.PI * i / 11.0);
			double value = envelope * (voice + 0.1 * random.nextGaussian());
			samples[i] = (short) Math.round(Math.max(-1, Math.min(1, value)) * 32000);
		}
		return samples;
	}

}
