package org.voiceai.realtime.call;

import reactor.core.publisher.Mono;

/**
 * Words the bridge itself says when the realtime provider fails mid-call (the holding phrase, the apology), spoken by
 * something that does not depend on that provider.
 */
@FunctionalInterface
public interface Speech {

	/** {@code text} as 16-bit PCM at {@code sampleRate}; empty when it cannot be spoken (the call goes on without). */
	Mono<byte[]> audio(CallContext call, String text, int sampleRate);

}
