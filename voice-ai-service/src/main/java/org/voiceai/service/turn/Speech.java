package org.voiceai.service.turn;

import org.voiceai.service.synthesize.SynthesizeResponse;

/**
 * Synthesized speech, when it was all ready and when its first part was ready ({@link System#nanoTime()}): the two
 * differ when the first sentence was spoken while the model still wrote.
 */
record Speech(SynthesizeResponse audio, long readyAt, long firstReadyAt) {

	static Speech now(SynthesizeResponse audio) {
		long now = System.nanoTime();
		return new Speech(audio, now, now);
	}

	/** This speech joined after {@code first}: ready now, first audible when {@code first} was. */
	Speech after(Speech first) {
		return new Speech(this.audio, System.nanoTime(), first.firstReadyAt());
	}

}
