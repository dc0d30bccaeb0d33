package org.voiceai.realtime.esl;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * FreeSWITCH's Event Socket as the bridge sees it: API commands in, subscribed events out. Implementations keep one
 * inbound connection alive (reconnecting as needed) and never block the caller; see {@link ReactorNettyEslGateway}.
 */
public interface EslGateway {

	/**
	 * Sends {@code api <command>}. Emits the response body exactly as FreeSWITCH sent it (usually ending with a line
	 * feed, e.g. {@code "+OK\n"}); errors with {@link EslCommandException} when the body starts with {@code -ERR} (or
	 * {@code -USAGE}, FreeSWITCH's answer to wrong arguments), when the connection is down or drops before the reply,
	 * or when no reply comes within the command timeout. Never blocks the caller. Each subscription sends the command
	 * again.
	 */
	Mono<String> api(String command);

	/**
	 * Every subscribed event, hot: a subscriber sees the events that arrive while it is subscribed. The same flux keeps
	 * flowing across reconnects. Signals arrive on the ESL connection's event loop, so subscribers must not block
	 * (publish on a bounded scheduler for slow work); a subscriber that cannot keep up with demand misses events, so
	 * one that may lag should add its own {@code onBackpressureBuffer}.
	 */
	Flux<EslEvent> events();

	/** Whether the connection is authenticated and subscribed, so {@link #api(String)} can succeed now. */
	boolean isConnected();

}
