package org.voiceai.realtime.call;

import reactor.core.publisher.Mono;

/** The words a caller hears when the realtime provider fails mid-call, as audio. */
public interface Apology {

	/** 16-bit PCM at {@code sampleRate}; empty when no apology can be produced (the call then just ends). */
	Mono<byte[]> audio(CallContext call, int sampleRate);

}
