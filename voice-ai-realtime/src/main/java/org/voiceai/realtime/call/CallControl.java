package org.voiceai.realtime.call;

import reactor.core.publisher.Mono;

/** What the call session asks of FreeSWITCH for its call (over ESL). */
public interface CallControl {

	/** Blind transfer: {@code uuid_transfer <call> <number> XML <context>}. */
	Mono<Void> transfer(String number, String context);

	/** {@code uuid_kill <call>}. */
	Mono<Void> hangUp();

}
