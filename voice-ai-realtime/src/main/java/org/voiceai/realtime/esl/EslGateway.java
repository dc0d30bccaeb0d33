package org.voiceai.realtime.esl;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** FreeSWITCH's Event Socket, as the bridge uses it. */
public interface EslGateway {

	/** Sends {@code api <command>}; emits the response body, errors when it starts with "-ERR" or ESL is down. */
	Mono<String> api(String command);

	/** Every subscribed event, hot; survives reconnects. */
	Flux<EslEvent> events();

	boolean isConnected();

}
